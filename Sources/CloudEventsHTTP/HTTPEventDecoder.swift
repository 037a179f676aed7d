public import CloudEvents
public import HTTPTypes

/// Decodes CloudEvents from HTTP messages (requests or responses) in any mode.
///
/// The mode comes from `Content-Type`, matched case-insensitively with parameters allowed: the
/// event media type of one of ``formats`` (`application/cloudevents+json`) is structured, its
/// batch media type (`application/cloudevents-batch+json`) is batch, any other
/// `application/cloudevents…` type is an unsupported format, and anything else is binary mode
/// when a `ce-specversion` field is present. Every decoded event is validated.
///
/// Other event formats are plugged in through ``formats``:
///
/// ```swift
/// let decoder = HTTPEventDecoder(formats: [JSONEventFormat(), MyProtobufFormat()])
/// ```
///
/// ```swift
/// let decoder = HTTPEventDecoder()
/// let event = try decoder.decodeEvent(headerFields: request.headerFields, body: body)
/// ```
///
/// ## Binary mode carries text
/// In binary mode every attribute is a header value, so an extension arrives as a String even
/// when the sender had an Integer, a Boolean or a Timestamp: the HTTP binding has no way to say
/// which. This decoder keeps such values as ``/CloudEvents/CloudEventAttributeValue/string(_:)``
/// exactly as sent; read them typed with ``/CloudEvents/CloudEventAttributeValue/integerValue(attribute:)``,
/// ``/CloudEvents/CloudEventAttributeValue/booleanValue(attribute:)``,
/// ``/CloudEvents/CloudEventAttributeValue/timestampValue(attribute:)`` or
/// ``/CloudEvents/CloudEventAttributeValue/uriValue(attribute:)``, which fail clearly. Structured
/// mode (the JSON format) keeps Boolean and Integer natively.
public struct HTTPEventDecoder: Sendable {
    /// Bounds on what one message may make the decoder do.
    public struct Limits: Sendable, Hashable {
        /// The largest body, in bytes. Default 16 MiB.
        public var maximumBodySize: Int
        /// The most `ce-` header fields. Default 128.
        public var maximumAttributeFieldCount: Int
        /// The largest total size of `ce-` header values, in bytes. Default 64 KiB.
        public var maximumAttributeFieldBytes: Int

        /// Creates limits; each argument has the documented default.
        public init(
            maximumBodySize: Int = 16 << 20, maximumAttributeFieldCount: Int = 128,
            maximumAttributeFieldBytes: Int = 64 << 10
        ) {
            self.maximumBodySize = maximumBodySize
            self.maximumAttributeFieldCount = maximumAttributeFieldCount
            self.maximumAttributeFieldBytes = maximumAttributeFieldBytes
        }
    }

    /// The event formats for structured and batch mode, picked by the media type of
    /// `Content-Type`. Default: the JSON format only.
    ///
    /// The first ``/CloudEvents/JSONEventFormat`` in the list also bounds the nesting depth of
    /// JSON data in binary mode (``format``).
    public var formats: [any CloudEventFormat] {
        didSet { maximumJSONDepth = HTTPEventDecoder.maximumJSONDepth(in: formats) }
    }
    /// The limits this decoder enforces.
    public var limits: Limits
    /// The nesting depth allowed to JSON data in binary mode, kept from ``formats``.
    private var maximumJSONDepth: Int

    /// The JSON format among ``formats`` (a default one when there is none), so that its limits
    /// can be read and set: `decoder.format.limits.maximumDocumentSize = 1 << 20`. Setting it
    /// replaces the first JSON format in ``formats``, or adds it in front when there is none.
    public var format: JSONEventFormat {
        get { HTTPEventDecoder.jsonFormat(in: formats) ?? JSONEventFormat() }
        set {
            if let index = formats.firstIndex(where: { $0 is JSONEventFormat }) {
                formats[index] = newValue
            } else {
                formats.insert(newValue, at: 0)
            }
        }
    }

    /// Creates a decoder for the given event formats.
    public init(formats: [any CloudEventFormat] = [JSONEventFormat()], limits: Limits = Limits()) {
        self.formats = formats
        self.limits = limits
        self.maximumJSONDepth = HTTPEventDecoder.maximumJSONDepth(in: formats)
    }

    /// Creates a decoder for the JSON format with the given limits.
    public init(format: JSONEventFormat, limits: Limits = Limits()) {
        self.init(formats: [format], limits: limits)
    }

    private static func jsonFormat(in formats: [any CloudEventFormat]) -> JSONEventFormat? {
        for format in formats {
            if let json = format as? JSONEventFormat { return json }
        }
        return nil
    }

    private static func maximumJSONDepth(in formats: [any CloudEventFormat]) -> Int {
        (jsonFormat(in: formats) ?? JSONEventFormat()).limits.maximumDepth
    }

    /// Decodes whatever the message carries.
    public func decode(headerFields: HTTPFields, body: [UInt8]) throws -> DecodedHTTPMessage {
        try decode(headerFields: headerFields, body: body[...])
    }

    /// Decodes whatever the message carries; the body slice is kept, not copied, as binary-mode data.
    public func decode(headerFields: HTTPFields, body: ArraySlice<UInt8>) throws -> DecodedHTTPMessage {
        guard body.count <= limits.maximumBodySize else {
            throw CloudEventError(
                .limitExceeded, attribute: "data",
                message: "body of \(body.count) bytes exceeds the limit of \(limits.maximumBodySize) bytes")
        }
        switch try classify(headerFields) {
        case .structured(let format):
            return .event(try format.decode(body), .structured)
        case .batch(let format):
            return .batch(try format.decodeBatch(body))
        case .binary:
            let event = try BinaryModeDecoder.decode(
                headerFields, body: body, limits: limits, maximumJSONDepth: maximumJSONDepth)
            return .event(event, .binary)
        }
    }

    /// Decodes one event (binary or structured mode).
    ///
    /// - Throws: ``/CloudEvents/CloudEventError`` as ``decode(headerFields:body:)-(_,[UInt8])``
    ///   does, and ``/CloudEvents/CloudEventError/Code/unsupportedFormat`` for a batch.
    public func decodeEvent(headerFields: HTTPFields, body: [UInt8]) throws -> CloudEvent {
        switch try decode(headerFields: headerFields, body: body[...]) {
        case .event(let event, _): return event
        case .batch:
            let type = headerFields[.contentType] ?? JSONEventFormat.batchMediaType
            throw CloudEventError(.unsupportedFormat, message: "expected one event, got a batch (\(type))")
        }
    }

    /// Decodes the events of a message in any mode.
    public func decodeEvents(headerFields: HTTPFields, body: [UInt8]) throws -> [CloudEvent] {
        try decode(headerFields: headerFields, body: body[...]).events
    }
}
