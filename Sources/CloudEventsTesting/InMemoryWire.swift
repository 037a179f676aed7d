public import CloudEvents
import CloudEventsAMQP
import CloudEventsHTTP
import CloudEventsKafka
import CloudEventsMQTT
import CloudEventsNATS
import HTTPTypes

/// The protocol binding and mode an in-memory transport puts each event through: a real encode
/// and a real decode, so a test sees what the wire would do (extensions arriving as Strings in
/// binary mode, JSON data kept as bytes, the binding's refusals).
public struct InMemoryWire: Sendable, Hashable, CustomStringConvertible {
    /// The bindings.
    public enum Binding: String, Sendable, Hashable, CaseIterable {
        /// HTTP: binary, structured and batch mode.
        case http
        /// Kafka: binary and structured mode.
        case kafka
        /// AMQP 1.0: binary and structured mode.
        case amqp
        /// MQTT 5: binary and structured mode.
        case mqtt5
        /// MQTT 3.1.1: structured mode.
        case mqtt3
        /// NATS: binary and structured mode.
        case nats
    }

    /// The binding.
    public var binding: Binding
    /// The mode.
    public var mode: CloudEventContentMode

    /// Creates a wire.
    public init(_ binding: Binding, mode: CloudEventContentMode) {
        self.binding = binding
        self.mode = mode
    }

    /// HTTP in `mode` (binary by default).
    public static func http(_ mode: CloudEventContentMode = .binary) -> InMemoryWire { InMemoryWire(.http, mode: mode) }
    /// Kafka in `mode` (binary by default).
    public static func kafka(_ mode: CloudEventContentMode = .binary) -> InMemoryWire {
        InMemoryWire(.kafka, mode: mode)
    }
    /// AMQP in `mode` (binary by default).
    public static func amqp(_ mode: CloudEventContentMode = .binary) -> InMemoryWire { InMemoryWire(.amqp, mode: mode) }
    /// MQTT 5 in `mode` (binary by default).
    public static func mqtt5(_ mode: CloudEventContentMode = .binary) -> InMemoryWire {
        InMemoryWire(.mqtt5, mode: mode)
    }
    /// MQTT 3.1.1, structured mode.
    public static let mqtt3 = InMemoryWire(.mqtt3, mode: .structured)
    /// NATS in `mode` (binary by default).
    public static func nats(_ mode: CloudEventContentMode = .binary) -> InMemoryWire { InMemoryWire(.nats, mode: mode) }

    /// `http binary`, `kafka structured`.
    public var description: String { "\(binding.rawValue) \(mode.rawValue)" }

    /// One event across the wire: what the receiving side decodes.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError``: what the binding's encoder or decoder throws
    ///   (an invalid event, empty data in binary mode, batch mode where the binding has none).
    public func transmit(_ event: CloudEvent) throws -> CloudEvent {
        switch binding {
        case .http:
            let message = try HTTPEventEncoder(mode: mode).encode(event)
            return try HTTPEventDecoder().decodeEvent(headerFields: message.headerFields, body: message.body)
        case .kafka:
            return try KafkaEventDecoder().decode(KafkaEventEncoder(mode: mode).encode(event))
        case .amqp:
            return try AMQPEventDecoder().decode(AMQPEventEncoder(mode: mode).encode(event))
        case .mqtt5:
            return try MQTTEventDecoder().decode(MQTTEventEncoder(mode: mode).encode(event))
        case .mqtt3:
            return try MQTTEventDecoder(version: .v3_1_1).decode(
                MQTTEventEncoder(version: .v3_1_1, mode: mode).encode(event))
        case .nats:
            return try NATSEventDecoder().decode(NATSEventEncoder(mode: mode).encode(event))
        }
    }

    /// Events across the wire as one batch: one HTTP batch message in batch mode, otherwise each
    /// event on its own, as the senders do.
    public func transmit(batch events: [CloudEvent]) throws -> [CloudEvent] {
        guard binding == .http, mode == .batch else { return try events.map(transmit) }
        let message = try HTTPEventEncoder(mode: .batch).encodeBatch(events)
        return try HTTPEventDecoder().decodeEvents(headerFields: message.headerFields, body: message.body)
    }
}
