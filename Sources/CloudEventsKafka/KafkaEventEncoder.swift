public import CloudEvents

/// Encodes CloudEvents into Kafka records (Kafka protocol binding) in binary or structured mode.
///
/// ```swift
/// let encoder = KafkaEventEncoder(keyMapper: .partitionKey)
/// let message = try encoder.encode(event)            // key, ce_ headers, value
/// // copy message.key, message.headers and message.value into your client's record
/// ```
///
/// Every event is validated first. Binary mode writes every attribute as a `ce_` header (UTF-8,
/// as the binding requires) and `datacontenttype` as `content-type`, and the data as the value
/// (no data is no value). Structured mode writes the event in ``format`` as the value, with the
/// format's media type as `content-type`. The binding defines no batch mode.
public struct KafkaEventEncoder: Sendable {
    /// The mode: binary (the default) or structured. ``/CloudEvents/CloudEventContentMode/batch``
    /// is refused: the Kafka binding has no batch mode.
    public var mode: CloudEventContentMode
    /// The event format of structured mode. Default JSON.
    public var format: any CloudEventFormat
    /// How the record key is chosen. Default the caller's key.
    public var keyMapper: KafkaKeyMapper

    /// Creates an encoder.
    public init(
        mode: CloudEventContentMode = .binary, format: any CloudEventFormat = JSONEventFormat(),
        keyMapper: KafkaKeyMapper = .callerKey
    ) {
        self.mode = mode
        self.format = format
        self.keyMapper = keyMapper
    }

    /// Encodes one event.
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - key: The record key the caller wants; ``keyMapper`` decides whether it is used.
    /// - Throws: ``/CloudEvents/CloudEventError``: the event's validation errors,
    ///   ``/CloudEvents/CloudEventError/Code/invalidData`` for empty data in binary mode (an empty
    ///   value cannot be told from no data), ``/CloudEvents/CloudEventError/Code/unsupportedFormat``
    ///   for batch mode.
    public func encode(_ event: CloudEvent, key: [UInt8]? = nil) throws -> KafkaMessage {
        let recordKey = keyMapper.key(for: event, callerKey: key)
        switch mode {
        case .binary:
            let encoding = try CloudEventHeaderEncoding(event, scheme: .kafka)
            if let data = event.data, data.bytes.isEmpty {
                throw CloudEventError(
                    .invalidData, attribute: "data",
                    message: "empty data cannot travel in Kafka binary mode, where an empty value means no data;"
                        + " send it in structured mode or remove the data")
            }
            let headers = encoding.headers.map { header in
                KafkaMessage.Header(name: encoding.name(of: header), value: Array(encoding.value(of: header)))
            }
            return KafkaMessage(key: recordKey, headers: headers, value: encoding.payload)
        case .structured:
            let value = try format.encode(event)
            return KafkaMessage(
                key: recordKey,
                headers: [
                    KafkaMessage.Header(
                        name: "content-type", text: MediaTypeSyntax.contentType(ofFormat: format.eventMediaType))
                ],
                value: value)
        case .batch:
            throw CloudEventError(
                .unsupportedFormat,
                message: "the Kafka protocol binding defines no batch mode; send the events one by one")
        }
    }
}
