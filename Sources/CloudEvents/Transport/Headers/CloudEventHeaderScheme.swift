/// How a protocol binding carries an event's attributes in binary mode as named header values:
/// the name prefix, how values are coded, and where `datacontenttype` goes.
///
/// Every header-style binding maps each attribute to a header named by a prefix and the
/// attribute's name, whose value is the attribute's canonical string. They differ in the
/// prefix, in how a value is made safe for the header, and in where `datacontenttype` travels:
///
/// | Binding | Prefix | Values | `datacontenttype` |
/// |---|---|---|---|
/// | HTTP (``http``) | `ce-` | percent-encoded | `Content-Type` |
/// | NATS (``nats``) | `ce-` | percent-encoded | `ce-datacontenttype` |
/// | Kafka (``kafka``) | `ce_` | UTF-8 as is | `content-type` |
///
/// AMQP's `cloudEvents:` prefix can be configured the same way. A binding reads headers with
/// ``CloudEventHeaderDecoder`` and writes them with ``CloudEventHeaderEncoding``, and converts
/// between its own header type and the names and value bytes these work with.
public struct CloudEventHeaderScheme: Sendable, Hashable {
    /// How an attribute's canonical string is written as a header value.
    public enum ValueCoding: Sendable, Hashable {
        /// The percent-encoding of the HTTP and NATS bindings: space, `"`, `%` and every byte
        /// outside printable ASCII are written `%XY`. Decoding first unquotes an RFC 7230
        /// quoted-string, then percent-decodes once, and requires UTF-8.
        case percentEncoded
        /// The UTF-8 bytes of the canonical string as they are (Kafka); decoding requires UTF-8.
        case utf8
    }

    /// The prefix of the attribute headers, such as `ce-`. Decoding matches it byte for byte, so
    /// a binding whose header names are case-insensitive passes them lower-cased.
    public var prefix: String
    /// How values are coded.
    public var valueCoding: ValueCoding
    /// The header that carries `datacontenttype`, such as `Content-Type`, matched ignoring ASCII
    /// case; or `nil` when `datacontenttype` is an attribute header like any other
    /// (`ce-datacontenttype` in NATS). Its value is never percent-encoded.
    public var contentTypeHeader: String?
    /// What error messages call one of the binding's named values: `header` (HTTP, NATS,
    /// Kafka), `user property` (MQTT), `application property` (AMQP).
    public var fieldNoun: String

    /// Creates a scheme.
    public init(prefix: String, valueCoding: ValueCoding, contentTypeHeader: String?, fieldNoun: String = "header") {
        self.prefix = prefix
        self.valueCoding = valueCoding
        self.contentTypeHeader = contentTypeHeader
        self.fieldNoun = fieldNoun
    }

    /// The HTTP binding: `ce-` headers, percent-encoded, `datacontenttype` in `Content-Type`.
    public static let http = CloudEventHeaderScheme(
        prefix: "ce-", valueCoding: .percentEncoded, contentTypeHeader: "Content-Type")
    /// The NATS binding: `ce-` headers, percent-encoded, `datacontenttype` as `ce-datacontenttype`.
    public static let nats = CloudEventHeaderScheme(prefix: "ce-", valueCoding: .percentEncoded, contentTypeHeader: nil)
    /// The Kafka binding: `ce_` headers, UTF-8 as is, `datacontenttype` in `content-type`.
    public static let kafka = CloudEventHeaderScheme(
        prefix: "ce_", valueCoding: .utf8, contentTypeHeader: "content-type")

    /// The header name of an attribute: the prefix and the name.
    public func headerName(of attribute: String) -> String {
        prefix + attribute
    }

    /// How `datacontenttype`'s header is named in messages.
    var contentTypeHeaderName: String {
        contentTypeHeader ?? headerName(of: "datacontenttype")
    }

    /// How messages name the field of an attribute: `header ce-id`, `user property id`.
    func fieldName(of attribute: String) -> String {
        fieldNoun + " " + headerName(of: attribute)
    }

    /// Whether `name` starts with the prefix and has more after it.
    func hasPrefix(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let prefixBytes = prefix.utf8
        guard name.count > prefixBytes.count else { return false }
        var index = 0
        for byte in prefixBytes {
            guard name[index] == byte else { return false }
            index += 1
        }
        return true
    }

    /// Whether `name` is the content type header, ignoring ASCII case.
    func isContentTypeHeader(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let contentTypeHeader else { return false }
        let expected = contentTypeHeader.utf8
        guard name.count == expected.count else { return false }
        var index = 0
        for byte in expected {
            guard Self.lower(name[index]) == Self.lower(byte) else { return false }
            index += 1
        }
        return true
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }
}
