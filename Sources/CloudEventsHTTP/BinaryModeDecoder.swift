import CloudEvents
import HTTPTypes

/// Reads an event from `ce-` header fields, `Content-Type` and the body.
///
/// Header values are percent-decoded straight into the event's text buffer; the body becomes
/// the data without a copy.
struct BinaryModeDecoder {
    let limits: HTTPEventDecoder.Limits
    let maximumJSONDepth: Int
    private var storage = EventStorage()
    private var specVersion: CloudEventSpecVersion?
    private var time: Timestamp?
    private var dataSchema: TextRange?
    private var schemaURL: TextRange?
    private var dataContentEncoding: TextRange?
    private var present: UInt16 = 0
    private var attributeFields = 0

    init(limits: HTTPEventDecoder.Limits, maximumJSONDepth: Int) {
        self.limits = limits
        self.maximumJSONDepth = maximumJSONDepth
    }

    private enum Core: UInt16 {
        case specversion = 1, id = 2, source = 4, type = 8, subject = 16, time = 32, dataschema = 64
        case schemaurl = 128, datacontentencoding = 256
    }

    mutating func decode(_ fields: HTTPFields, body: ArraySlice<UInt8>) throws -> CloudEvent {
        var valueBytes = 0
        var contentType: TextRange?
        for field in fields {
            var name = field.name.canonicalName
            try name.withUTF8 { nameBytes in
                if nameBytes.count > 3, nameBytes[0] == UInt8(ascii: "c"), nameBytes[1] == UInt8(ascii: "e"),
                    nameBytes[2] == UInt8(ascii: "-")
                {
                    attributeFields += 1
                    valueBytes += field.withUnsafeBytesOfValue { $0.count }
                    guard attributeFields <= limits.maximumAttributeFieldCount, valueBytes <= limits.maximumAttributeFieldBytes
                    else {
                        // Names the attribute whose header crossed the limit.
                        let attribute = String(decoding: UnsafeBufferPointer(rebasing: nameBytes[3...]), as: UTF8.self)
                        throw CloudEventError(
                            .limitExceeded, attribute: attribute,
                            message: attributeFields > limits.maximumAttributeFieldCount
                                ? "header ce-\(attribute) is ce- header field \(attributeFields), over the limit of"
                                    + " \(limits.maximumAttributeFieldCount)"
                                : "header ce-\(attribute) brings the ce- header values to \(valueBytes) bytes, over the"
                                    + " limit of \(limits.maximumAttributeFieldBytes)")
                    }
                    try decodeField(UnsafeBufferPointer(rebasing: nameBytes[3...]), field)
                } else if ByteComparison.equal(nameBytes, "content-type") {
                    guard contentType == nil else {
                        throw CloudEventError(
                            .malformedInput, attribute: "datacontenttype", message: "Content-Type appears more than once")
                    }
                    contentType = field.withUnsafeBytesOfValue { storage.append(bytes: $0) }
                }
            }
        }
        guard let specVersion else {
            throw CloudEventError(.missingAttribute, attribute: "specversion", message: "ce-specversion is required")
        }
        storage.dataContentType = contentType
        switch specVersion {
        case .v1_0:
            storage.dataSchema = dataSchema
            if let schemaURL { appendExtension("schemaurl", schemaURL) }
            if let dataContentEncoding { appendExtension("datacontentencoding", dataContentEncoding) }
        case .v0_3:
            storage.dataSchema = schemaURL
            if let dataSchema { appendExtension("dataschema", dataSchema) }
        }
        var event = CloudEvent(specVersion: specVersion, storage: storage, time: time, data: nil)
        event.data = try data(from: body, specVersion: specVersion)
        try event.validateDecoded(missing: missingRequired)
        return event
    }

    /// The required attributes without a header.
    private var missingRequired: [String] {
        guard present & 0b1110 != 0b1110 else { return [] }  // id, source and type all present
        let required: [(Core, String)] = [(.id, "id"), (.source, "source"), (.type, "type")]
        return required.filter { present & $0.0.rawValue == 0 }.map(\.1)
    }

    private mutating func decodeField(_ attribute: UnsafeBufferPointer<UInt8>, _ field: HTTPField) throws {
        let start = storage.text.count
        let failure = field.withUnsafeBytesOfValue { PercentEncoding.decode($0, into: &storage.text) }
        let attributeName = String(decoding: attribute, as: UTF8.self)
        if let failure {
            throw CloudEventError(
                .malformedInput, attribute: attributeName, byteOffset: failure.offset,
                message: "header ce-\(attributeName) is not validly percent-encoded: \(failure.reason)")
        }
        let range = TextRange(start: UInt32(truncatingIfNeeded: start), count: UInt32(truncatingIfNeeded: storage.text.count - start))
        guard let core = BinaryModeDecoder.classify(attribute) else {
            if ByteComparison.equal(attribute, "datacontenttype") {
                throw CloudEventError(
                    .malformedInput, attribute: "datacontenttype",
                    message: "binary mode carries datacontenttype in Content-Type; a ce-datacontenttype header must not be present")
            }
            try appendExtension(attribute, attributeName, range)
            return
        }
        guard present & core.rawValue == 0 else { throw duplicate(attributeName) }
        present |= core.rawValue
        switch core {
        case .specversion:
            let version = storage.withBytes(range) { CloudEventSpecVersion(utf8: $0) }
            guard let version else { throw CloudEventSpecVersion.unknown(storage.string(range)) }
            specVersion = version
        case .id: storage.id = range
        case .source: storage.source = range
        case .type: storage.type = range
        case .subject: storage.subject = range
        case .dataschema: dataSchema = range
        case .schemaurl: schemaURL = range
        case .datacontentencoding: dataContentEncoding = range
        case .time:
            do {
                time = try storage.withBytes(range) { try Timestamp.parse($0) }
            } catch var error as CloudEventError {
                error.attribute = "time"
                throw error
            }
        }
    }

    private mutating func appendExtension(_ name: UnsafeBufferPointer<UInt8>, _ attributeName: String, _ value: TextRange) throws {
        guard StringRules.isValidAttributeName(name) else {
            throw CloudEventError(
                .invalidAttributeName, attribute: attributeName,
                message: "header ce-\(attributeName) does not name a valid attribute (one or more of a-z, 0-9)")
        }
        guard storage.extensionIndex(named: name) == nil else { throw duplicate(attributeName) }
        let nameRange = storage.append(bytes: name)
        if storage.extensions.isEmpty { storage.extensions.reserveCapacity(4) }
        storage.extensions.append(ExtensionSlot(name: nameRange, value: .bytes(.string, value)))
    }

    private mutating func appendExtension(_ name: String, _ value: TextRange) {
        let nameRange = storage.append(name)
        storage.extensions.append(ExtensionSlot(name: nameRange, value: .bytes(.string, value)))
    }

    private func duplicate(_ name: String) -> CloudEventError {
        CloudEventError(.malformedInput, attribute: name, message: "header ce-\(name) appears more than once")
    }

    /// The body as data: JSON for a JSON content type, text for a textual one that is UTF-8,
    /// otherwise binary. An empty body is no data (binary mode cannot tell the two apart).
    private func data(from body: ArraySlice<UInt8>, specVersion: CloudEventSpecVersion) throws -> CloudEventData? {
        guard !body.isEmpty else { return nil }
        if specVersion == .v0_3, let encoding = dataContentEncoding {
            guard storage.withBytes(encoding, { ByteComparison.equal($0, "base64") }) else {
                throw CloudEventError(
                    .unsupportedFormat, attribute: "datacontentencoding",
                    message: "datacontentencoding \(storage.string(encoding)) is not supported; 0.3 defines only base64")
            }
            var decoded: [UInt8] = []
            if let failure = body.withUnsafeBufferPointer({ Base64.decode($0, into: &decoded) }) {
                throw failure.error(.malformedInput, attribute: "data", subject: "Base64 body")
            }
            return .binary(decoded)
        }
        guard let contentType = storage.dataContentType else { return CloudEventData(kind: .binary, bytes: body) }
        let (isJSON, isText) = storage.withBytes(contentType) { (MediaTypeSyntax.isJSON($0), MediaTypeSyntax.isText($0)) }
        if isJSON {
            do {
                return try CloudEventData.checkedJSON(body, maximumDepth: maximumJSONDepth)
            } catch var error as CloudEventError {
                error.message = "the body is not the JSON its Content-Type declares: " + error.message
                throw error
            }
        }
        if isText, body.withUnsafeBufferPointer({ StringRules.validateUTF8($0) }) == nil {
            return CloudEventData(kind: .text, bytes: body)
        }
        return CloudEventData(kind: .binary, bytes: body)
    }

    private static func classify(_ name: UnsafeBufferPointer<UInt8>) -> Core? {
        switch name.count {
        case 2: return ByteComparison.equal(name, "id") ? .id : nil
        case 4:
            if ByteComparison.equal(name, "type") { return .type }
            return ByteComparison.equal(name, "time") ? .time : nil
        case 6: return ByteComparison.equal(name, "source") ? .source : nil
        case 7: return ByteComparison.equal(name, "subject") ? .subject : nil
        case 9: return ByteComparison.equal(name, "schemaurl") ? .schemaurl : nil
        case 10: return ByteComparison.equal(name, "dataschema") ? .dataschema : nil
        case 11: return ByteComparison.equal(name, "specversion") ? .specversion : nil
        case 19: return ByteComparison.equal(name, "datacontentencoding") ? .datacontentencoding : nil
        default: return nil
        }
    }
}
