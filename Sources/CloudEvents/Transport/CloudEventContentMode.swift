/// How a CloudEvent travels in a protocol message: the content modes every protocol binding
/// defines (HTTP, Kafka, NATS, AMQP, MQTT, WebSocket).
public enum CloudEventContentMode: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Attributes in the message's metadata (header fields, properties), `datacontenttype` in the
    /// binding's content type where it has one, data as the payload.
    case binary
    /// The whole event in the payload, in an event format (`application/cloudevents+json`).
    case structured
    /// Several events in the payload, in a batch format (`application/cloudevents-batch+json`).
    case batch

    /// The mode's name: `binary`, `structured` or `batch`.
    public var description: String { rawValue }
}
