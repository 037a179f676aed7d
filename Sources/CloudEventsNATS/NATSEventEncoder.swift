public import CloudEvents

/// Encodes CloudEvents into NATS messages (NATS protocol binding) in binary or structured mode.
///
/// ```swift
/// let message = try NATSEventEncoder().encode(event)
/// // publish message.headers and message.payload to a subject with your client (HPUB)
/// ```
///
/// Every event is validated first. Binary mode (the default, which needs NATS 2.2 headers)
/// writes every attribute, `datacontenttype` included, as a `ce-` header whose value is the
/// attribute's canonical string percent-encoded exactly as the HTTP binding does, and the data
/// as the payload. Structured mode writes the event in ``format`` as the payload with the
/// format's media type as `Content-Type`. The binding defines no batch mode.
public struct NATSEventEncoder: Sendable {
    /// The mode: binary (the default) or structured. ``/CloudEvents/CloudEventContentMode/batch``
    /// is refused: the NATS binding has no batch mode.
    public var mode: CloudEventContentMode
    /// The event format of structured mode. Default JSON, the one the binding requires every
    /// implementation to support.
    public var format: any CloudEventFormat

    /// Creates an encoder.
    public init(mode: CloudEventContentMode = .binary, format: any CloudEventFormat = JSONEventFormat()) {
        self.mode = mode
        self.format = format
    }

    /// Encodes one event.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError``: the event's validation errors,
    ///   ``/CloudEvents/CloudEventError/Code/invalidData`` for empty data in binary mode (an empty
    ///   payload cannot be told from no data), ``/CloudEvents/CloudEventError/Code/unsupportedFormat``
    ///   for batch mode.
    public func encode(_ event: CloudEvent) throws -> NATSMessage {
        switch mode {
        case .binary:
            let encoding = try CloudEventHeaderEncoding(event, scheme: .nats)
            if let data = event.data, data.bytes.isEmpty {
                throw CloudEventError(
                    .invalidData, attribute: "data",
                    message: "empty data cannot travel in NATS binary mode, where an empty payload means no data;"
                        + " send it in structured mode or remove the data")
            }
            let headers = encoding.headers.map { header in
                NATSMessage.Header(
                    name: encoding.name(of: header), value: String(decoding: encoding.value(of: header), as: UTF8.self))
            }
            return NATSMessage(headers: headers, payload: encoding.payload ?? [])
        case .structured:
            let contentType = MediaTypeSyntax.contentType(ofFormat: format.eventMediaType)
            return NATSMessage(
                headers: [NATSMessage.Header(name: "Content-Type", value: contentType)],
                payload: try format.encode(event))
        case .batch:
            throw CloudEventError(
                .unsupportedFormat,
                message: "the NATS protocol binding defines no batch mode; send the events one by one")
        }
    }
}
