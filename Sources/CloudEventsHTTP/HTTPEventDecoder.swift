public import CloudEvents
public import HTTPTypes

/// Decodes CloudEvents from HTTP messages (requests or responses) in any mode.
///
/// The mode comes from `Content-Type`, matched case-insensitively with parameters allowed:
/// `application/cloudevents+json` is structured, `application/cloudevents-batch+json` is batch,
/// any other `application/cloudevents…` type is an unsupported format, and anything else is
/// binary mode when a `ce-specversion` field is present. Every decoded event is validated.
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
        public init(maximumBodySize: Int = 16 << 20, maximumAttributeFieldCount: Int = 128, maximumAttributeFieldBytes: Int = 64 << 10) {
            self.maximumBodySize = maximumBodySize
            self.maximumAttributeFieldCount = maximumAttributeFieldCount
            self.maximumAttributeFieldBytes = maximumAttributeFieldBytes
        }
    }

    /// The event format for structured and batch mode (and its own limits).
    public var format: JSONEventFormat
    /// The limits this decoder enforces.
    public var limits: Limits

    /// Creates a decoder.
    public init(format: JSONEventFormat = JSONEventFormat(), limits: Limits = Limits()) {
        self.format = format
        self.limits = limits
    }

    /// The mode a message uses, judged from its header fields.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError/Code/unsupportedFormat`` for an
    ///   `application/cloudevents…` type other than JSON (receivers answer 415), and
    ///   ``/CloudEvents/CloudEventError/Code/notACloudEvent`` for a message without `ce-specversion`
    ///   that is not structured or batch.
    public static func mode(of headerFields: HTTPFields) throws -> HTTPContentMode {
        if let contentType = headerFields[.contentType] {
            var text = contentType
            let detected = try text.withUTF8 { try modeFromContentType($0, contentType) }
            if let detected { return detected }
        }
        guard headerFields[.ceSpecVersion] != nil else {
            throw CloudEventError(
                .notACloudEvent,
                message: "the message is not a CloudEvent: no ce-specversion header and Content-Type is not"
                    + " application/cloudevents+json or application/cloudevents-batch+json")
        }
        return .binary
    }

    private static func modeFromContentType(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) throws -> HTTPContentMode? {
        if MediaTypeSyntax.hasEssence(bytes, equalTo: "application/cloudevents+json") { return .structured }
        if MediaTypeSyntax.hasEssence(bytes, equalTo: "application/cloudevents-batch+json") { return .batch }
        let prefix: StaticString = "application/cloudevents"
        let hasPrefix =
            bytes.count >= prefix.utf8CodeUnitCount
            && prefix.withUTF8Buffer { literal in
                zip(literal, bytes).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }
            }
        if hasPrefix {
            throw CloudEventError(
                .unsupportedFormat, attribute: "datacontenttype",
                message: "Content-Type \(text) names a CloudEvents format this receiver does not support;"
                    + " supported: application/cloudevents+json, application/cloudevents-batch+json")
        }
        return nil
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
        switch try HTTPEventDecoder.mode(of: headerFields) {
        case .structured:
            return .event(try format.decode(body), .structured)
        case .batch:
            return .batch(try format.decodeBatch(body))
        case .binary:
            var decoder = BinaryModeDecoder(limits: limits, maximumJSONDepth: format.limits.maximumDepth)
            return .event(try decoder.decode(headerFields, body: body), .binary)
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
            throw CloudEventError(.unsupportedFormat, message: "expected one event, got a batch (application/cloudevents-batch+json)")
        }
    }

    /// Decodes the events of a message in any mode.
    public func decodeEvents(headerFields: HTTPFields, body: [UInt8]) throws -> [CloudEvent] {
        try decode(headerFields: headerFields, body: body[...]).events
    }
}
