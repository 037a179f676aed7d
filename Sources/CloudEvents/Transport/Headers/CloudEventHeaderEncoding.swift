/// An event's attributes written as header values in binary mode, for any header-style
/// protocol binding (``CloudEventHeaderScheme``): the headers to send, each with its value's
/// bytes in one buffer.
///
/// Nothing binding-specific is built here, so a binding can check its own limits (a header
/// budget) before it creates a single header of its own type, and skip work for an event that
/// will not be sent this way:
///
/// ```swift
/// let encoding = try CloudEventHeaderEncoding(event, scheme: .kafka)
/// var headers: [(String, [UInt8])] = []
/// for header in encoding.headers {
///     headers.append((encoding.name(of: header), Array(encoding.value(of: header))))
/// }
/// // the payload is event.data?.bytes
/// ```
///
/// The headers are the context attributes in the order encoders write them, then the
/// extensions, then `datacontenttype`. JSON data without a `datacontenttype` gets
/// `application/json`, the type the JSON format implies, which the bindings say to state.
public struct CloudEventHeaderEncoding: Sendable {
    /// What a header carries; a binding can map the context attributes to header names it has
    /// ready, instead of building them from ``CloudEventHeaderEncoding/name(of:)``.
    public enum Role: Sendable, Hashable {
        /// `specversion`.
        case specVersion
        /// `id`.
        case id
        /// `source`.
        case source
        /// `type`.
        case type
        /// `subject`.
        case subject
        /// `time`.
        case time
        /// `dataschema` (1.0).
        case dataSchema
        /// `schemaurl` (0.3's data schema).
        case schemaURL
        /// `datacontenttype`: in the scheme's content type header when it has one.
        case dataContentType
        /// `datacontentencoding` (0.3): `base64` when the event's data is binary, so that the
        /// payload's bytes are never read as the text or JSON `datacontenttype` names.
        case dataContentEncoding
        /// An extension attribute.
        case `extension`
    }

    /// One header: what it carries and where its value is in ``values``.
    public struct Header: Sendable, Hashable {
        /// What the header carries.
        public var role: Role
        /// The attribute's name (`datacontenttype` for the content type header).
        public var attribute: String
        /// Where the value's bytes are in ``CloudEventHeaderEncoding/values``.
        public var valueRange: Range<Int>
    }

    /// How the headers are named and coded.
    public let scheme: CloudEventHeaderScheme
    /// The headers, in the order to send them; names are distinct.
    public private(set) var headers: [Header] = []
    /// The bytes of every header value, one after the other.
    public private(set) var values: [UInt8] = []
    /// The payload to send: the event's data bytes, or `nil` when it has none. For a 0.3 event
    /// with binary data it is their Base64 text, announced by `datacontentencoding: base64`, as
    /// 0.3's binary mode carries binary data (and as 0.3's JSON format does).
    public private(set) var payload: [UInt8]?

    /// Encodes `event`'s attributes, after validating it.
    ///
    /// - Throws: ``CloudEventError``: ``CloudEventError/Code/invalidEvent`` for an invalid
    ///   event, ``CloudEventError/Code/invalidAttributeName`` for an extension whose name cannot
    ///   form a header name.
    public init(_ event: CloudEvent, scheme: CloudEventHeaderScheme) throws {
        try event.validate()
        try self.init(validated: event, scheme: scheme)
    }

    /// Encodes the attributes of an event the caller has validated.
    package init(validated event: CloudEvent, scheme: CloudEventHeaderScheme) throws {
        self.scheme = scheme
        let storage = event.storage
        values.reserveCapacity(storage.text.count + 64)
        headers.reserveCapacity(8 + storage.extensions.count)

        add(.specVersion, "specversion") { $0.append(contentsOf: event.specVersion.rawValue.utf8) }
        addText(.id, "id", storage.id, storage)
        addText(.source, "source", storage.source, storage)
        addText(.type, "type", storage.type, storage)
        if let subject = storage.subject { addText(.subject, "subject", subject, storage) }
        if let time = event.time { add(.time, "time") { time.write(into: &$0) } }
        if let schema = storage.dataSchema {
            event.specVersion == .v1_0
                ? addText(.dataSchema, "dataschema", schema, storage)
                : addText(.schemaURL, "schemaurl", schema, storage)
        }
        payload = event.data.map { Array($0.bytes) }
        if event.specVersion == .v0_3, let data = event.data, data.kind == .binary {
            add(.dataContentEncoding, "datacontentencoding") { $0.append(contentsOf: "base64".utf8) }
            var encoded: [UInt8] = []
            data.bytes.withUnsafeBufferPointer { Base64.encode($0, into: &encoded) }
            payload = encoded
        }
        for slot in storage.extensions {
            let attribute = storage.string(slot.name)
            // Extension names are validated [a-z0-9]+, which makes a header name with any prefix;
            // anything else is refused here rather than dropped.
            guard storage.withBytes(slot.name, { StringRules.isValidAttributeName($0) }) else {
                throw CloudEventError(
                    .invalidAttributeName, attribute: attribute,
                    message: "extension \(attribute) cannot be written as \(scheme.fieldName(of: attribute)):"
                        + " attribute names are one or more of a-z, 0-9")
            }
            let coding = scheme.valueCoding
            add(.extension, attribute) { output in Self.writeValue(slot.value, storage, coding, into: &output) }
        }
        let contentTypeIsHeaderValue = scheme.contentTypeHeader == nil
        if let contentType = storage.dataContentType {
            if contentTypeIsHeaderValue {
                addText(.dataContentType, "datacontenttype", contentType, storage)
            } else {
                add(.dataContentType, "datacontenttype") { output in
                    storage.withBytes(contentType) { output.append(contentsOf: $0) }
                }
            }
        } else if event.data?.kind == .json {
            add(.dataContentType, "datacontenttype") { $0.append(contentsOf: "application/json".utf8) }
        }
    }

    /// The header's name: the scheme's prefix and the attribute, or the content type header.
    public func name(of header: Header) -> String {
        if header.role == .dataContentType, let contentTypeHeader = scheme.contentTypeHeader {
            return contentTypeHeader
        }
        return scheme.headerName(of: header.attribute)
    }

    /// The length of ``name(of:)`` in UTF-8 bytes, without building it.
    public func nameByteCount(of header: Header) -> Int {
        if header.role == .dataContentType, let contentTypeHeader = scheme.contentTypeHeader {
            return contentTypeHeader.utf8.count
        }
        return scheme.prefix.utf8.count + header.attribute.utf8.count
    }

    /// The header's value bytes.
    public func value(of header: Header) -> ArraySlice<UInt8> {
        values[header.valueRange]
    }

    /// Calls `body` with the header's value bytes.
    public func withValue<R>(of header: Header, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try values.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[header.valueRange])) }
    }

    // MARK: Writing

    private mutating func add(_ role: Role, _ attribute: String, _ write: (inout [UInt8]) -> Void) {
        let start = values.count
        write(&values)
        headers.append(Header(role: role, attribute: attribute, valueRange: start..<values.count))
    }

    private mutating func addText(_ role: Role, _ attribute: String, _ range: TextRange, _ storage: EventStorage) {
        let coding = scheme.valueCoding
        add(role, attribute) { output in storage.withBytes(range) { Self.writeText($0, coding, into: &output) } }
    }

    private static func writeText(
        _ bytes: UnsafeBufferPointer<UInt8>, _ coding: CloudEventHeaderScheme.ValueCoding, into output: inout [UInt8]
    ) {
        switch coding {
        case .percentEncoded: PercentEncoding.encode(bytes, into: &output)
        case .utf8: output.append(contentsOf: bytes)
        }
    }

    private static func writeValue(
        _ value: ExtensionSlot.Value, _ storage: EventStorage, _ coding: CloudEventHeaderScheme.ValueCoding,
        into output: inout [UInt8]
    ) {
        switch value {
        case .boolean(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let integer): output.append(contentsOf: String(integer).utf8)
        case .timestamp(let timestamp): timestamp.write(into: &output)
        case .bytes(.binary, let range):
            storage.withBytes(range) { Base64.encode($0, into: &output) }
        case .bytes(_, let range):
            storage.withBytes(range) { writeText($0, coding, into: &output) }
        }
    }
}
