import CloudEvents

/// Reads an event from Avro's binary encoding into the event's storage: the attribute map is
/// read as ranges of the input, then each value is copied once into the event's one text buffer,
/// with no `String` per attribute.
struct AvroEventDecoder {
    /// An attribute map value, as read: a scalar, or where its bytes are in the input.
    private enum Value {
        case null
        case boolean(Bool)
        case integer(Int32)
        case string(Range<Int>)
        case bytes(Range<Int>)

        var byteCount: Int {
            switch self {
            case .string(let range), .bytes(let range): range.count
            case .null, .boolean, .integer: 0
            }
        }

        var typeName: String {
            switch self {
            case .null: "null"
            case .boolean: "boolean"
            case .integer: "int"
            case .string: "string"
            case .bytes: "bytes"
            }
        }
    }

    /// One entry of the attribute map: where its name is in the input, what it names, and its
    /// value.
    private struct Entry {
        var name: Range<Int>
        var role: Role
        var value: Value
    }

    /// The attribute names the format gives a meaning of their own; any other is an extension.
    private enum Role {
        case specVersion, id, source, type, subject, time, dataContentType, dataSchema, schemaURL
        case dataContentEncoding, `extension`

        /// The role in `version`: the other version's attributes are extensions.
        func resolved(for version: CloudEventSpecVersion) -> Self {
            switch self {
            case .dataSchema where version == .v0_3, .schemaURL where version == .v1_0,
                .dataContentEncoding where version == .v1_0:
                .extension
            default: self
            }
        }
    }

    private let input: ArraySlice<UInt8>
    private let limits: AvroEventFormat.Limits

    static func decode(_ input: ArraySlice<UInt8>, limits: AvroEventFormat.Limits) throws -> CloudEvent {
        try AvroEventDecoder(input: input, limits: limits).decode()
    }

    private func decode() throws -> CloudEvent {
        var reader = AvroBinaryReader(input)
        var entries: [Entry] = []
        entries.reserveCapacity(16)
        try reader.readBlocks(limit: limits.maximumAttributeCount, of: "the attribute map") { reader in
            let nameStart = reader.position
            let name = try reader.readStringRange()
            if entries.contains(where: { input.bytesEqual($0.name, name) }) {
                let text = input.text(name)
                throw CloudEventError(
                    .malformedInput, attribute: text, byteOffset: nameStart,
                    message: "Avro: attribute \(text) appears more than once")
            }
            let branch = try reader.readUnionIndex(branches: 5, of: "attribute \(input.text(name))")
            let value: Value =
                switch AvroEventFormat.AttributeBranch(rawValue: Int64(branch)) {
                case .boolean: .boolean(try reader.readBoolean())
                case .int: .integer(try reader.readInt())
                case .string: .string(try reader.readStringRange(attribute: input.text(name)))
                case .bytes: .bytes(try reader.readBytes().indices)
                case .null, nil: .null
                }
            entries.append(Entry(name: name, role: role(of: name), value: value))
        }
        var dataReader = AvroDataReader(limits: limits)
        let data = try dataReader.read(&reader)
        guard reader.isAtEnd else { throw reader.failure("bytes after the event") }
        return try assemble(entries, data)
    }

    private func assemble(_ entries: [Entry], _ data: AvroDataReader.Value) throws -> CloudEvent {
        guard let versionEntry = entries.first(where: { $0.role == .specVersion }),
            let versionRange = try text(versionEntry)
        else {
            throw CloudEventError(.missingAttribute, attribute: "specversion", message: "specversion is required")
        }
        let versionText = input.text(versionRange)
        guard let version = CloudEventSpecVersion(rawValue: versionText) else {
            throw CloudEventSpecVersion.unknown(versionText)
        }
        var storage = EventStorage()
        storage.text.reserveCapacity(entries.reduce(0) { $0 + $1.name.count + $1.value.byteCount })
        var time: Timestamp?
        var dataEncoding: TextRange?
        var present = (id: false, source: false, type: false)
        var found: [CloudEventError] = []
        for entry in entries {
            let role = entry.role
            switch role.resolved(for: version) {
            case .specVersion:
                continue
            case .id, .source, .type:
                guard let range = try text(entry) else { continue }
                let stored = input.copy(range, into: &storage)
                switch role {
                case .id: (storage.id, present.id) = (stored, true)
                case .source: (storage.source, present.source) = (stored, true)
                default: (storage.type, present.type) = (stored, true)
                }
            case .subject, .dataContentType, .dataSchema, .schemaURL:
                guard let range = optionalText(entry, into: &found) else { continue }
                let stored = input.copy(range, into: &storage)
                switch role {
                case .subject: storage.subject = stored
                case .dataContentType: storage.dataContentType = stored
                default: storage.dataSchema = stored
                }
            case .time:
                guard let range = optionalText(entry, into: &found) else { continue }
                do {
                    time = try input.withBytes(range) { try Timestamp.parse($0) }
                } catch var error as CloudEventError {
                    error.attribute = "time"
                    error.byteOffset = error.byteOffset.map { $0 + range.lowerBound - input.startIndex }
                    found.append(error)
                }
            case .dataContentEncoding:
                guard let range = try text(entry) else { continue }
                dataEncoding = input.copy(range, into: &storage)
            case .extension:
                let value: ExtensionSlot.Value
                switch entry.value {
                case .null: continue
                case .boolean(let flag): value = .boolean(flag)
                case .integer(let integer): value = .integer(integer)
                case .string(let range): value = .bytes(.string, input.copy(range, into: &storage))
                case .bytes(let range): value = .bytes(.binary, input.copy(range, into: &storage))
                }
                storage.extensions.append(ExtensionSlot(name: input.copy(entry.name, into: &storage), value: value))
            }
        }
        let eventData = try self.eventData(data, encoding: dataEncoding, version: version, storage)
        var event = CloudEvent(specVersion: version, storage: storage, time: time, data: eventData)
        var missing: [String] = []
        if !present.id { missing.append("id") }
        if !present.source { missing.append("source") }
        if !present.type { missing.append("type") }
        try event.validateDecoded(missing: missing, found: found)
        return event
    }

    private func eventData(
        _ data: AvroDataReader.Value, encoding: TextRange?, version: CloudEventSpecVersion, _ storage: EventStorage
    ) throws -> CloudEventData? {
        switch data {
        case .none:
            return nil
        case .json(let text):
            return try CloudEventData.checkedJSON(text[...], maximumDepth: limits.maximumDepth)
        case .bytes(let bytes):
            // 0.3's datacontentencoding: base64 says the bytes are Base64 text of binary data.
            if let encoding {
                guard storage.withBytes(encoding, { ByteComparison.equal($0, "base64") }) else {
                    throw CloudEventError(
                        .unsupportedFormat, attribute: "datacontentencoding",
                        message: "datacontentencoding \(storage.string(encoding)) is not supported; 0.3 defines"
                            + " only base64")
                }
                return .binary(try Base64.decode(String(decoding: bytes, as: UTF8.self)))
            }
            return try BinaryModeData.decode(
                bytes[...], contentType: storage.dataContentType, in: storage, maximumJSONDepth: limits.maximumDepth)
        }
    }

    // MARK: Values

    /// A required text attribute's value; `nil` for `null`.
    private func text(_ entry: Entry) throws -> Range<Int>? {
        switch entry.value {
        case .null: return nil
        case .string(let range): return range
        default: throw typeMismatch(entry)
        }
    }

    /// An optional text attribute's value; `nil` for `null`, or with the error in `found` for
    /// another type.
    private func optionalText(_ entry: Entry, into found: inout [CloudEventError]) -> Range<Int>? {
        switch entry.value {
        case .null: return nil
        case .string(let range): return range
        default:
            found.append(typeMismatch(entry))
            return nil
        }
    }

    private func typeMismatch(_ entry: Entry) -> CloudEventError {
        let name = input.text(entry.name)
        return CloudEventError(
            .attributeTypeMismatch, attribute: name,
            message: "Avro: attribute \(name) must be an Avro string, not \(entry.value.typeName)")
    }

    // MARK: Names

    private func role(of name: Range<Int>) -> Role {
        input.withBytes(name) { name in
            func equals(_ literal: StaticString) -> Bool { ByteComparison.equal(name, literal) }
            switch name.count {
            case 2 where equals("id"): return .id
            case 4 where equals("type"): return .type
            case 4 where equals("time"): return .time
            case 6 where equals("source"): return .source
            case 7 where equals("subject"): return .subject
            case 9 where equals("schemaurl"): return .schemaURL
            case 10 where equals("dataschema"): return .dataSchema
            case 11 where equals("specversion"): return .specVersion
            case 15 where equals("datacontenttype"): return .dataContentType
            case 19 where equals("datacontentencoding"): return .dataContentEncoding
            default: return .extension
            }
        }
    }
}
