/// Reads an event in binary mode from header values and a payload, for any header-style
/// protocol binding (``CloudEventHeaderScheme``).
///
/// A binding feeds every header of its message to
/// ``read(name:value:)-(UnsafeBufferPointer<UInt8>,_)``, which keeps those of the event (the
/// attribute headers and the content type header) and ignores the others, then calls
/// ``finish(body:)`` with the payload:
///
/// ```swift
/// var decoder = CloudEventHeaderDecoder(scheme: .kafka)
/// for header in record.headers {
///     try decoder.read(name: header.key, value: header.value)
/// }
/// let event = try decoder.finish(body: record.value[...])
/// ```
///
/// Values are decoded straight into the event's text buffer, and the payload becomes the data
/// without a copy: JSON for a JSON `datacontenttype` (checked to be one JSON value), text for a
/// textual one when it is UTF-8, binary otherwise; an empty payload is no data. The decoded
/// event is validated. Every extension arrives as a String, since header values carry no type.
///
/// Errors name the attribute and the header as the binding spells it ("header ce_id appears
/// more than once"), and for a malformed percent-encoding the byte offset in the value.
public struct CloudEventHeaderDecoder: Sendable {
    /// Bounds on the attribute headers of one message. The content type header is not counted.
    public struct Limits: Sendable, Hashable {
        /// The most attribute headers. Default 128.
        public var maximumHeaderCount: Int
        /// The largest total size of the attribute header values as received, in bytes.
        /// Default 64 KiB.
        public var maximumValueBytes: Int

        /// Creates limits; each argument has the documented default.
        public init(maximumHeaderCount: Int = 128, maximumValueBytes: Int = 64 << 10) {
            self.maximumHeaderCount = maximumHeaderCount
            self.maximumValueBytes = maximumValueBytes
        }
    }

    /// How the binding names and codes the headers.
    public let scheme: CloudEventHeaderScheme
    /// The limits this decoder enforces.
    public let limits: Limits
    /// The deepest nesting JSON data in the payload may have (as
    /// ``JSONEventFormat/Limits/maximumDepth``).
    public let maximumJSONDepth: Int

    private var storage = EventStorage()
    private var specVersion: CloudEventSpecVersion?
    private var time: Timestamp?
    private var versioned = VersionDependentAttributes()
    private var contentType: TextRange?
    private var present: UInt16 = 0
    private var headerCount = 0
    private var valueBytes = 0

    /// Creates a decoder for one message.
    public init(scheme: CloudEventHeaderScheme, limits: Limits = Limits(), maximumJSONDepth: Int = 64) {
        self.scheme = scheme
        self.limits = limits
        self.maximumJSONDepth = maximumJSONDepth
    }

    private enum Core: UInt16 {
        case specversion = 1, id = 2, source = 4, type = 8, subject = 16, time = 32, dataschema = 64
        case schemaurl = 128, datacontentencoding = 256, datacontenttype = 512

        /// The attribute's type, as error messages name it (`source` is a URI-reference in both
        /// versions; `dataschema` is 1.0's URI, `schemaurl` 0.3's URI-reference).
        var type: CloudEventAttributeType {
            switch self {
            case .source, .schemaurl: .uriReference
            case .dataschema: .uri
            case .time: .timestamp
            default: .string
            }
        }
    }

    /// Reads one header of the message.
    ///
    /// - Returns: Whether the header belongs to the event; other headers are ignored.
    /// - Throws: ``CloudEventError``: ``CloudEventError/Code/malformedInput`` for a duplicate or
    ///   a value that does not decode, ``CloudEventError/Code/limitExceeded`` past ``limits``,
    ///   ``CloudEventError/Code/invalidAttributeName`` for a name that is not `[a-z0-9]+`, and
    ///   the codes of a `specversion` or `time` that does not parse.
    @discardableResult
    public mutating func read(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) throws -> Bool {
        // The content type header first: a scheme without a prefix (MQTT) takes every name.
        if scheme.isContentTypeHeader(name) {
            guard contentType == nil else {
                throw CloudEventError(
                    .malformedInput, attribute: "datacontenttype",
                    message: "\(scheme.contentTypeHeaderName) appears more than once")
            }
            contentType = storage.append(bytes: value)
            return true
        }
        guard scheme.hasPrefix(name) else { return false }
        let attribute = UnsafeBufferPointer(rebasing: name[scheme.prefix.utf8.count...])
        headerCount += 1
        valueBytes += value.count
        guard headerCount <= limits.maximumHeaderCount, valueBytes <= limits.maximumValueBytes else {
            throw limitError(String(decoding: attribute, as: UTF8.self))
        }
        try readAttribute(attribute, value)
        return true
    }

    /// Reads one header given as a name and its value's bytes.
    @discardableResult
    public mutating func read(name: String, value: some Collection<UInt8>) throws -> Bool {
        var name = name
        return try name.withUTF8 { nameBytes in
            if let read = try value.withContiguousStorageIfAvailable({ try self.read(name: nameBytes, value: $0) }) {
                return read
            }
            return try Array(value).withUnsafeBufferPointer { try self.read(name: nameBytes, value: $0) }
        }
    }

    /// Reads one header given as a name and a text value.
    @discardableResult
    public mutating func read(name: String, value: String) throws -> Bool {
        var value = value
        return try value.withUTF8 { try read(name: name, value: $0) }
    }

    /// Reads one attribute whose value arrives typed, for a binding whose fields carry a type
    /// (AMQP application properties): the same prefix matching, limits, duplicate and name
    /// checks as the byte read, without any value coding (the text is taken as it is).
    ///
    /// An extension keeps the value's type. A core attribute takes a String, URI or
    /// URI-reference value as its text, and `time` also a ``CloudEventAttributeValue/timestamp(_:)``;
    /// any other type is an error naming the field and the attribute's type. That includes the
    /// attributes whose meaning depends on the version (`dataschema`, `schemaurl`,
    /// `datacontentencoding`), which may come before `specversion`: they must be text. A value counts
    /// toward ``Limits/maximumValueBytes`` with the size of its canonical string.
    ///
    /// The content type header, which is text, is read with the byte read.
    ///
    /// - Returns: Whether the field is an attribute field; other names are ignored.
    /// - Throws: ``CloudEventError``: ``CloudEventError/Code/attributeTypeMismatch`` for a core
    ///   attribute of the wrong type, and the errors of
    ///   ``read(name:value:)-(UnsafeBufferPointer<UInt8>,_)``.
    @discardableResult
    public mutating func read(name: String, typedValue: CloudEventAttributeValue) throws -> Bool {
        var name = name
        return try name.withUTF8 { nameBytes in
            guard scheme.hasPrefix(nameBytes) else { return false }
            let attribute = UnsafeBufferPointer(rebasing: nameBytes[scheme.prefix.utf8.count...])
            headerCount += 1
            valueBytes += Self.canonicalByteCount(of: typedValue)
            guard headerCount <= limits.maximumHeaderCount, valueBytes <= limits.maximumValueBytes else {
                throw limitError(String(decoding: attribute, as: UTF8.self))
            }
            try readTypedAttribute(attribute, typedValue)
            return true
        }
    }

    /// The event the headers and `body` carry, validated.
    ///
    /// - Throws: ``CloudEventError``: ``CloudEventError/Code/missingAttribute`` without a
    ///   `specversion` header, ``CloudEventError/Code/invalidEvent`` for an invalid event, and
    ///   the errors of a payload that is not what `datacontenttype` declares.
    public consuming func finish(body: ArraySlice<UInt8>) throws -> CloudEvent {
        guard let specVersion else {
            let name = scheme.headerName(of: "specversion")
            throw CloudEventError(.missingAttribute, attribute: "specversion", message: "\(name) is required")
        }
        storage.dataContentType = contentType
        let versioned = self.versioned
        storage.dataSchema = versioned.dataSchema(in: specVersion)
        versioned.forEachExtension(in: specVersion) { name, value in
            let nameRange = storage.append(name)
            storage.extensions.append(ExtensionSlot(name: nameRange, value: .bytes(.string, value)))
        }
        let dataEncoding = versioned.dataEncoding(in: specVersion)
        var event = CloudEvent(specVersion: specVersion, storage: storage, time: time, data: nil)
        event.data = try BinaryModeData.decode(
            body, contentType: storage.dataContentType, dataEncoding: dataEncoding, in: storage,
            maximumJSONDepth: maximumJSONDepth, contentTypeHeader: scheme.contentTypeHeaderName)
        let missing = RequiredAttributes.missing(
            id: present & Core.id.rawValue != 0, source: present & Core.source.rawValue != 0,
            type: present & Core.type.rawValue != 0)
        try event.validateDecoded(missing: missing)
        return event
    }

    // MARK: Attributes

    private mutating func readAttribute(_ attribute: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>)
        throws
    {
        let start = storage.text.count
        let failure: SyntaxFailure? =
            switch scheme.valueCoding {
            case .percentEncoded: PercentEncoding.decode(value, into: &storage.text)
            case .utf8: Self.appendUTF8(value, into: &storage.text)
            }
        if let failure { throw valueError(String(decoding: attribute, as: UTF8.self), failure) }
        let range = TextRange(
            start: UInt32(truncatingIfNeeded: start), count: UInt32(truncatingIfNeeded: storage.text.count - start))
        guard let core = Self.classify(attribute) else {
            try appendExtension(attribute, .bytes(.string, range))
            return
        }
        try storeCore(core, attribute, range)
    }

    private mutating func readTypedAttribute(_ attribute: UnsafeBufferPointer<UInt8>, _ value: CloudEventAttributeValue)
        throws
    {
        guard let core = Self.classify(attribute) else {
            let stored: ExtensionSlot.Value =
                switch value {
                case .boolean(let flag): .boolean(flag)
                case .integer(let integer): .integer(integer)
                case .timestamp(let timestamp): .timestamp(timestamp)
                case .binary(let bytes): .bytes(.binary, storage.append(bytes: bytes))
                case .string(let text), .uri(let text), .uriReference(let text):
                    .bytes(value.type, storage.append(text))
                }
            try appendExtension(attribute, stored)
            return
        }
        if core == .time, case .timestamp(let timestamp) = value {
            try markPresent(core, attribute)
            time = timestamp
            return
        }
        guard let text = Self.text(of: value) else {
            let shown = String(decoding: attribute, as: UTF8.self)
            throw CloudEventError(
                .attributeTypeMismatch, attribute: shown,
                message: "\(scheme.fieldName(of: shown)) carries \(Self.article(value.type)) \(value.type); \(shown) is"
                    + " \(Self.article(core.type)) \(core.type)")
        }
        try storeCore(core, attribute, storage.append(text))
    }

    /// The text of a String, URI or URI-reference value.
    private static func text(of value: CloudEventAttributeValue) -> String? {
        switch value {
        case .string(let text), .uri(let text), .uriReference(let text): text
        default: nil
        }
    }

    private static func article(_ type: CloudEventAttributeType) -> String {
        type == .integer ? "an" : "a"
    }

    /// The size of a value's canonical string in bytes, without building it for the scalars.
    private static func canonicalByteCount(of value: CloudEventAttributeValue) -> Int {
        switch value {
        case .boolean(let flag): flag ? 4 : 5
        case .integer(let integer): String(integer).utf8.count
        case .timestamp(let timestamp): timestamp.textLength
        case .binary(let bytes): (bytes.count + 2) / 3 * 4
        case .string(let text), .uri(let text), .uriReference(let text): text.utf8.count
        }
    }

    /// Marks a core attribute present: refuses `datacontenttype` where the scheme has a content
    /// type header, and a repeated attribute.
    private mutating func markPresent(_ core: Core, _ attribute: UnsafeBufferPointer<UInt8>) throws {
        if core == .datacontenttype && scheme.contentTypeHeader != nil {
            throw CloudEventError(
                .malformedInput, attribute: "datacontenttype",
                message:
                    "binary mode carries datacontenttype in \(scheme.contentTypeHeaderName);"
                    + " \(scheme.fieldNoun.first.map { "aeiou".contains($0) } == true ? "an" : "a")"
                    + " \(scheme.fieldName(of: "datacontenttype")) must not be present")
        }
        guard present & core.rawValue == 0 else { throw duplicate(String(decoding: attribute, as: UTF8.self)) }
        present |= core.rawValue
    }

    /// Stores a core attribute whose text is at `range`.
    private mutating func storeCore(_ core: Core, _ attribute: UnsafeBufferPointer<UInt8>, _ range: TextRange) throws {
        try markPresent(core, attribute)
        switch core {
        case .specversion:
            let version = storage.withBytes(range) { CloudEventSpecVersion(utf8: $0) }
            guard let version else { throw CloudEventSpecVersion.unknown(storage.string(range)) }
            specVersion = version
        case .id: storage.id = range
        case .source: storage.source = range
        case .type: storage.type = range
        case .subject: storage.subject = range
        case .datacontenttype: contentType = range
        case .dataschema: versioned.dataSchema = range
        case .schemaurl: versioned.schemaURL = range
        case .datacontentencoding: versioned.dataContentEncoding = range
        case .time:
            do {
                time = try storage.withBytes(range) { try Timestamp.parse($0) }
            } catch var error as CloudEventError {
                error.attribute = "time"
                throw error
            }
        }
    }

    private mutating func appendExtension(_ name: UnsafeBufferPointer<UInt8>, _ value: ExtensionSlot.Value) throws {
        guard StringRules.isValidAttributeName(name) else {
            let shown = String(decoding: name, as: UTF8.self)
            throw CloudEventError(
                .invalidAttributeName, attribute: shown,
                message:
                    "\(scheme.fieldName(of: shown)) does not name a valid attribute (one or more of a-z, 0-9)")
        }
        guard storage.extensionIndex(named: name) == nil else { throw duplicate(String(decoding: name, as: UTF8.self)) }
        let nameRange = storage.append(bytes: name)
        if storage.extensions.isEmpty { storage.extensions.reserveCapacity(4) }
        storage.extensions.append(ExtensionSlot(name: nameRange, value: value))
    }

    /// Appends a value that must be UTF-8 as it is.
    private static func appendUTF8(_ value: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> SyntaxFailure? {
        if let offset = StringRules.validateUTF8(value) {
            return SyntaxFailure(offset, "the bytes are not valid UTF-8 (byte \(offset))")
        }
        output.append(contentsOf: value)
        return nil
    }

    // MARK: Errors

    private func limitError(_ attribute: String) -> CloudEventError {
        let field = scheme.fieldName(of: attribute)
        let noun = scheme.fieldNoun
        return CloudEventError(
            .limitExceeded, attribute: attribute,
            message: headerCount > limits.maximumHeaderCount
                ? "\(field) is attribute \(noun) \(headerCount), over the limit of \(limits.maximumHeaderCount)"
                : "\(field) brings the attribute \(noun) values to \(valueBytes) bytes, over the limit of"
                    + " \(limits.maximumValueBytes)")
    }

    private func valueError(_ attribute: String, _ failure: SyntaxFailure) -> CloudEventError {
        let problem =
            switch scheme.valueCoding {
            case .percentEncoded: "is not validly percent-encoded"
            case .utf8: "is not valid UTF-8"
            }
        return CloudEventError(
            .malformedInput, attribute: attribute, byteOffset: failure.offset,
            message: "\(scheme.fieldName(of: attribute)) \(problem): \(failure.reason)")
    }

    private func duplicate(_ attribute: String) -> CloudEventError {
        CloudEventError(
            .malformedInput, attribute: attribute,
            message: "\(scheme.fieldName(of: attribute)) appears more than once")
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
        case 15: return ByteComparison.equal(name, "datacontenttype") ? .datacontenttype : nil
        case 19: return ByteComparison.equal(name, "datacontentencoding") ? .datacontentencoding : nil
        default: return nil
        }
    }
}
