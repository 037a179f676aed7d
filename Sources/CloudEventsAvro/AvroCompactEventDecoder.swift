import CloudEvents

/// Reads the compact schema's record into a 1.0 event's storage, copying each value once.
struct AvroCompactEventDecoder {
    let input: ArraySlice<UInt8>
    let limits: AvroEventFormat.Limits

    func decode() throws -> CloudEvent {
        var reader = AvroBinaryReader(input)
        var storage = EventStorage()
        storage.text.reserveCapacity(input.count)
        storage.id = input.copy(try reader.readStringRange(attribute: "id"), into: &storage)
        storage.source = input.copy(try reader.readStringRange(attribute: "source"), into: &storage)
        storage.type = input.copy(try reader.readStringRange(attribute: "type"), into: &storage)
        storage.dataContentType = try optionalText(&reader, "datacontenttype", into: &storage)
        storage.dataSchema = try optionalText(&reader, "dataschema", into: &storage)
        storage.subject = try optionalText(&reader, "subject", into: &storage)
        var time: Timestamp?
        if try reader.readUnionIndex(branches: 2, of: "time") == 1 {
            time = try timestamp(&reader, attribute: "time")
        }
        try reader.readBlocks(limit: limits.maximumAttributeCount, of: "the extension map") { reader in
            let nameStart = reader.position
            let name = try reader.readStringRange()
            if storage.hasExtension(named: name, in: input) {
                let text = input.text(name)
                throw CloudEventError(
                    .malformedInput, attribute: text, byteOffset: nameStart,
                    message: "Avro: extension \(text) appears more than once")
            }
            let branch = try reader.readUnionIndex(branches: 5, of: "extension \(input.text(name))")
            let value: ExtensionSlot.Value
            switch AvroCompactEventFormat.ExtensionBranch(rawValue: Int64(branch)) {
            case .boolean: value = .boolean(try reader.readBoolean())
            case .int: value = .integer(try reader.readInt())
            case .timestampMicros: value = .timestamp(try timestamp(&reader, attribute: input.text(name)))
            case .string:
                value = .bytes(
                    .string, input.copy(try reader.readStringRange(attribute: input.text(name)), into: &storage))
            case .bytes, nil: value = .bytes(.binary, input.copy(try reader.readBytes().indices, into: &storage))
            }
            storage.extensions.append(ExtensionSlot(name: input.copy(name, into: &storage), value: value))
        }
        var data: CloudEventData?
        if try reader.readUnionIndex(branches: 2, of: "data") == 0 {
            let bytes = try reader.readBytes()
            data = try BinaryModeData.decode(
                Array(bytes)[...], contentType: storage.dataContentType, in: storage,
                maximumJSONDepth: limits.maximumDepth)
        }
        guard reader.isAtEnd else { throw reader.failure("bytes after the event") }
        var event = CloudEvent(specVersion: .v1_0, storage: storage, time: time, data: data)
        try event.validateDecoded(missing: [])
        return event
    }

    private func optionalText(_ reader: inout AvroBinaryReader, _ attribute: String, into storage: inout EventStorage)
        throws -> TextRange?
    {
        guard try reader.readUnionIndex(branches: 2, of: attribute) == 1 else { return nil }
        return input.copy(try reader.readStringRange(attribute: attribute), into: &storage)
    }

    private func timestamp(_ reader: inout AvroBinaryReader, attribute: String) throws -> Timestamp {
        let start = reader.position
        let microseconds = try reader.readLong()
        do {
            return try Timestamp(utcCount: microseconds, unitsPerSecond: 1_000_000)
        } catch var error as CloudEventError {
            error.attribute = attribute
            error.byteOffset = start
            error.message =
                "Avro: \(attribute) is the timestamp-micros \(microseconds): \(error.message) (byte \(start))"
            throw error
        }
    }
}

extension EventStorage {
    /// Whether an extension already has the name at `name` in `input`.
    fileprivate func hasExtension(named name: Range<Int>, in input: ArraySlice<UInt8>) -> Bool {
        input.withBytes(name) { extensionIndex(named: $0) != nil }
    }
}
