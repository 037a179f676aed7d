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
            try appendExtension(attribute, range)
            return
        }
        if core == .datacontenttype && scheme.contentTypeHeader != nil {
            throw CloudEventError(
                .malformedInput, attribute: "datacontenttype",
                message:
                    "binary mode carries datacontenttype in \(scheme.contentTypeHeaderName); a"
                    + " \(scheme.fieldName(of: "datacontenttype")) must not be present")
        }
        guard present & core.rawValue == 0 else { throw duplicate(String(decoding: attribute, as: UTF8.self)) }
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

    private mutating func appendExtension(_ name: UnsafeBufferPointer<UInt8>, _ value: TextRange) throws {
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
        storage.extensions.append(ExtensionSlot(name: nameRange, value: .bytes(.string, value)))
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
