public import CloudEvents

/// Encodes CloudEvents into AMQP 1.0 messages (AMQP protocol binding) in binary or structured
/// mode.
///
/// ```swift
/// let encoder = AMQPEventEncoder()
/// let message = try encoder.encode(event)  // content-type, cloudEvents_ properties, data
/// // copy message.properties.contentType, message.applicationProperties and message.body
/// // into your client's message
/// ```
///
/// Every event is validated first. Binary mode writes every attribute as an application
/// property named with ``prefix``, in its native AMQP type (Boolean `boolean`, Integer `long`,
/// String, URI and URI-reference `string`, Binary `binary`, Timestamp `timestamp`),
/// `datacontenttype` as the `content-type` property, and the data as the `data` section (no
/// data is no section). A Timestamp goes as an AMQP `timestamp`, which holds UTC milliseconds,
/// only when the decoder gives back exactly the same Timestamp; otherwise (nanoseconds, an
/// offset such as `+08:00`, `.000`, a lowercase `z`, a leap second) it goes as its RFC 3339
/// string, never cut. (An extension named like a core attribute of the other spec version, such
/// as `schemaurl` in 1.0, goes as its canonical string.) Structured mode writes the event in ``format`` as the `data` section, with
/// the format's media type as `content-type`. The binding defines no batch mode.
public struct AMQPEventEncoder: Sendable {
    /// The mode: binary (the default) or structured. ``/CloudEvents/CloudEventContentMode/batch``
    /// is refused: the AMQP binding has no batch mode.
    public var mode: CloudEventContentMode
    /// The event format of structured mode. Default JSON.
    public var format: any CloudEventFormat
    /// The prefix of the attribute properties in binary mode. Default `cloudEvents_`, which the
    /// binding prefers for JMS 2.0 clients.
    public var prefix: AMQPPropertyPrefix

    /// Creates an encoder.
    public init(
        mode: CloudEventContentMode = .binary, format: any CloudEventFormat = JSONEventFormat(),
        prefix: AMQPPropertyPrefix = .underscore
    ) {
        self.mode = mode
        self.format = format
        self.prefix = prefix
    }

    /// Encodes one event.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError``: the event's validation errors,
    ///   ``/CloudEvents/CloudEventError/Code/invalidData`` for empty data in binary mode (an empty
    ///   `data` section cannot be told from none), ``/CloudEvents/CloudEventError/Code/unsupportedFormat``
    ///   for batch mode.
    public func encode(_ event: CloudEvent) throws -> AMQPMessage {
        switch mode {
        case .binary:
            return try encodeBinary(event)
        case .structured:
            return AMQPMessage(
                properties: .init(contentType: MediaTypeSyntax.contentType(ofFormat: format.eventMediaType)),
                body: try format.encode(event))
        case .batch:
            throw CloudEventError(
                .unsupportedFormat,
                message: "the AMQP protocol binding defines no batch mode; send the events one by one")
        }
    }

    private func encodeBinary(_ event: CloudEvent) throws -> AMQPMessage {
        let encoding = try CloudEventHeaderEncoding(event, scheme: prefix.scheme)
        if let data = event.data, data.bytes.isEmpty {
            throw CloudEventError(
                .invalidData, attribute: "data",
                message: "empty data cannot travel in AMQP binary mode, where an empty data section cannot be told"
                    + " from none; send it in structured mode or remove the data")
        }
        var message = AMQPMessage(body: encoding.payload)
        message.applicationProperties.reserveCapacity(encoding.headers.count)
        for header in encoding.headers {
            let value: AMQPValue
            switch header.role {
            case .dataContentType:
                message.properties.contentType = String(decoding: encoding.value(of: header), as: UTF8.self)
                continue
            case .time:
                guard let time = event.time else { continue }
                value = AMQPValue.native(time)
            case .extension where AMQPValue.coreTypes[header.attribute] != nil:
                // `schemaurl` and `datacontentencoding` in 1.0, `dataschema` in 0.3: a receiver
                // may read them before it knows the version, as the core attributes they are in
                // the other one, so they travel as text.
                value = .string(String(decoding: encoding.value(of: header), as: UTF8.self))
            case .extension:
                guard let attribute = event[extension: header.attribute] else { continue }
                value = AMQPValue.native(attribute)
            default:
                value = .string(String(decoding: encoding.value(of: header), as: UTF8.self))
            }
            message.applicationProperties.append(.init(name: encoding.name(of: header), value: value))
        }
        return message
    }
}
