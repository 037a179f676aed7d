import CloudEvents

/// Writes a 1.0 event as the compact schema's record, straight from the event's storage.
struct AvroCompactEventEncoder {
    let format: AvroCompactEventFormat

    func encode(_ event: CloudEvent) throws -> [UInt8] {
        guard event.specVersion == .v1_0 else {
            throw CloudEventError(
                .conversionNotPossible, attribute: "specversion",
                message: "the Avro compact format holds 1.0 events only; convert this \(event.specVersion) event first")
        }
        try event.validate()
        let storage = event.storage
        var writer = AvroBinaryWriter(capacity: 64 + storage.text.count + (event.data?.bytes.count ?? 0))
        func text(_ range: TextRange) { storage.withBytes(range) { writer.writeBytes($0) } }
        func optionalText(_ range: TextRange?) {
            writer.writeLong(range == nil ? 0 : 1)
            if let range { text(range) }
        }
        text(storage.id)
        text(storage.source)
        text(storage.type)
        if let contentType = storage.dataContentType {
            optionalText(contentType)
        } else if event.data?.kind == .json {
            writer.writeLong(1)
            writer.writeString("application/json")
        } else {
            optionalText(nil)
        }
        optionalText(storage.dataSchema)
        optionalText(storage.subject)
        if let time = event.time {
            writer.writeLong(1)
            writer.writeLong(try microseconds(time, attribute: "time"))
        } else {
            writer.writeLong(0)
        }
        if !storage.extensions.isEmpty { writer.writeLong(Int64(storage.extensions.count)) }
        for slot in storage.extensions {
            text(slot.name)
            switch slot.value {
            case .boolean(let flag):
                writer.writeLong(AvroCompactEventFormat.ExtensionBranch.boolean.rawValue)
                writer.writeBoolean(flag)
            case .integer(let integer):
                writer.writeLong(AvroCompactEventFormat.ExtensionBranch.int.rawValue)
                writer.writeLong(Int64(integer))
            case .bytes(.binary, let range):
                writer.writeLong(AvroCompactEventFormat.ExtensionBranch.bytes.rawValue)
                text(range)
            case .bytes(.string, let range):
                writer.writeLong(AvroCompactEventFormat.ExtensionBranch.string.rawValue)
                text(range)
            case .bytes(let type, let range):
                try allowAsString(type, storage.string(slot.name))
                writer.writeLong(AvroCompactEventFormat.ExtensionBranch.string.rawValue)
                text(range)
            case .timestamp(let timestamp):
                let name = storage.string(slot.name)
                if format.textTypedExtensions == .writeAsString, exactOrConverted(timestamp) == nil {
                    writer.writeLong(AvroCompactEventFormat.ExtensionBranch.string.rawValue)
                    writer.writeTimestamp(timestamp)
                } else {
                    writer.writeLong(AvroCompactEventFormat.ExtensionBranch.timestampMicros.rawValue)
                    writer.writeLong(try microseconds(timestamp, attribute: name))
                }
            }
        }
        writer.writeLong(0)
        if let data = event.data {
            writer.writeLong(0)
            writer.writeBytes(data.bytes)
        } else {
            writer.writeLong(1)
        }
        return writer.bytes
    }

    /// The `timestamp-micros` of `timestamp`: exact, or converted when the caller allows it.
    private func exactOrConverted(_ timestamp: Timestamp) -> Int64? {
        if let exact = timestamp.exactUTCCount(unitsPerSecond: 1_000_000) { return exact }
        return format.inexactTimestamps == .convertToUTCMicroseconds ? Self.truncatedMicroseconds(timestamp) : nil
    }

    /// The instant in UTC microseconds, truncated toward the past (the years 0000-9999 fit).
    private static func truncatedMicroseconds(_ timestamp: Timestamp) -> Int64 {
        timestamp.epochSeconds * 1_000_000 + Int64(timestamp.nanosecond / 1000)
    }

    private func microseconds(_ timestamp: Timestamp, attribute: String) throws -> Int64 {
        if let count = exactOrConverted(timestamp) { return count }
        let arrival = try? Timestamp(utcCount: Self.truncatedMicroseconds(timestamp), unitsPerSecond: 1_000_000)
        throw CloudEventError(
            .conversionNotPossible, attribute: attribute,
            message: "\(attribute) \(timestamp.rfc3339) cannot travel exactly in the Avro compact format, whose"
                + " timestamp-micros is a count of UTC microseconds"
                + (arrival.map { ": it would arrive as \($0.rfc3339)" } ?? "")
                + "; encode with inexactTimestamps: .convertToUTCMicroseconds to send the instant so")
    }

    private func allowAsString(_ type: CloudEventAttributeType, _ name: String) throws {
        guard format.textTypedExtensions == .writeAsString else {
            throw CloudEventError(
                .conversionNotPossible, attribute: name,
                message: "extension \(name) is a \(type), which the Avro compact format can hold only as a string, so"
                    + " it would arrive as a String; encode with textTypedExtensions: .writeAsString to send it so")
        }
    }
}
