import CloudEvents

/// Writes an event's attribute map and data in Avro's binary encoding, straight from the event's
/// storage: one output buffer, no `String` per attribute.
///
/// The map's entries are the context attributes in the order of
/// ``/CloudEvents/CloudEventSpecVersion/coreAttributes`` (without 0.3's derived
/// `datacontentencoding`), then the extensions in the event's order, then `datacontenttype:
/// application/json` for JSON data without a content type.
enum AvroEventEncoder {
    static func encode(_ event: CloudEvent, textTypedExtensions: AvroEventFormat.TextTypedExtensions) throws
        -> [UInt8]
    {
        try event.validate()
        let storage = event.storage
        if textTypedExtensions == .refuse, let slot = storage.extensions.first(where: \.isTextTyped) {
            let name = storage.string(slot.name)
            throw CloudEventError(
                .conversionNotPossible, attribute: name,
                message: "extension \(name) is a \(slot.type), which the Avro format can hold only as a string, so it"
                    + " would arrive as a String; encode with textTypedExtensions: .writeAsString to send it so")
        }
        let impliesJSONContentType = event.data?.kind == .json && storage.dataContentType == nil
        var count = 4 + storage.extensions.count
        if storage.subject != nil { count += 1 }
        if event.time != nil { count += 1 }
        if storage.dataContentType != nil || impliesJSONContentType { count += 1 }
        if storage.dataSchema != nil { count += 1 }
        var writer = AvroBinaryWriter(capacity: 64 + storage.text.count + 20 * count + (event.data?.bytes.count ?? 0))
        writer.writeLong(Int64(count))
        writer.writeString("specversion")
        writer.writeLong(AvroEventFormat.AttributeBranch.string.rawValue)
        writer.writeString(event.specVersion == .v1_0 ? "1.0" : "0.3")
        func text(_ name: StaticString, _ range: TextRange) {
            writer.writeString(name)
            writer.writeLong(AvroEventFormat.AttributeBranch.string.rawValue)
            storage.withBytes(range) { writer.writeBytes($0) }
        }
        text("id", storage.id)
        text("source", storage.source)
        text("type", storage.type)
        if let subject = storage.subject { text("subject", subject) }
        if let time = event.time {
            writer.writeString("time")
            writer.writeLong(AvroEventFormat.AttributeBranch.string.rawValue)
            writer.writeTimestamp(time)
        }
        if let contentType = storage.dataContentType { text("datacontenttype", contentType) }
        if let schema = storage.dataSchema { text(event.specVersion == .v1_0 ? "dataschema" : "schemaurl", schema) }
        for slot in storage.extensions {
            storage.withBytes(slot.name) { writer.writeBytes($0) }
            switch slot.value {
            case .boolean(let flag):
                writer.writeLong(AvroEventFormat.AttributeBranch.boolean.rawValue)
                writer.writeBoolean(flag)
            case .integer(let integer):
                writer.writeLong(AvroEventFormat.AttributeBranch.int.rawValue)
                writer.writeLong(Int64(integer))
            case .bytes(.binary, let range):
                writer.writeLong(AvroEventFormat.AttributeBranch.bytes.rawValue)
                storage.withBytes(range) { writer.writeBytes($0) }
            case .bytes(_, let range):
                writer.writeLong(AvroEventFormat.AttributeBranch.string.rawValue)
                storage.withBytes(range) { writer.writeBytes($0) }
            case .timestamp(let timestamp):
                writer.writeLong(AvroEventFormat.AttributeBranch.string.rawValue)
                writer.writeTimestamp(timestamp)
            }
        }
        if impliesJSONContentType {
            writer.writeString("datacontenttype")
            writer.writeLong(AvroEventFormat.AttributeBranch.string.rawValue)
            writer.writeString("application/json")
        }
        writer.writeLong(0)
        if let data = event.data {
            writer.writeLong(AvroEventFormat.DataBranch.bytes.rawValue)
            writer.writeBytes(data.bytes)
        } else {
            writer.writeLong(AvroEventFormat.DataBranch.null.rawValue)
        }
        return writer.bytes
    }
}

extension ExtensionSlot {
    /// Whether the value is a URI, URI-reference or Timestamp, which Avro holds only as a `string`.
    fileprivate var isTextTyped: Bool {
        switch value {
        case .bytes(.uri, _), .bytes(.uriReference, _), .timestamp: true
        case .boolean, .integer, .bytes: false
        }
    }

    fileprivate var type: CloudEventAttributeType {
        switch value {
        case .boolean: .boolean
        case .integer: .integer
        case .bytes(let type, _): type
        case .timestamp: .timestamp
        }
    }
}
