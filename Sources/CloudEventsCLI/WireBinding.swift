import ArgumentParser
import CloudEvents
import CloudEventsAMQP
import CloudEventsHTTP
import CloudEventsKafka
import CloudEventsMQTT
import CloudEventsNATS

/// The protocol bindings `encode` and `decode` show an event on.
enum WireBinding: String, CaseIterable, ExpressibleByArgument {
    case kafka, amqp, mqtt5, mqtt3, nats, http

    /// The mode `encode` uses without `--mode`: binary, but structured for MQTT 3.1.1, which has
    /// no other.
    var defaultMode: CloudEventContentMode {
        self == .mqtt3 ? .structured : .binary
    }

    /// `event` as this binding's message, as JSON.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError`` when the event cannot travel so.
    func encode(_ event: CloudEvent, mode: CloudEventContentMode, key: [UInt8]?, keyMapper: KafkaKeyMapper) throws
        -> WireJSON
    {
        switch self {
        case .kafka: return try KafkaEventEncoder(mode: mode, keyMapper: keyMapper).encode(event, key: key).wireJSON
        case .amqp: return try AMQPEventEncoder(mode: mode).encode(event).wireJSON
        case .mqtt5: return try MQTTEventEncoder(version: .v5, mode: mode).encode(event).wireJSON(version: .v5)
        case .mqtt3:
            return try MQTTEventEncoder(version: .v3_1_1, mode: mode).encode(event).wireJSON(version: .v3_1_1)
        case .nats: return try NATSEventEncoder(mode: mode).encode(event).wireJSON
        case .http:
            let message = try HTTPEventEncoder(mode: mode).encode(event)
            if let fallback = message.structuredModeFallback {
                throw CloudEventError(.limitExceeded, message: "binary mode does not fit: \(fallback)")
            }
            return message.wireJSON
        }
    }

    /// The events of this binding's message given as JSON: one, or a batch over HTTP.
    ///
    /// - Throws: ``WireFormatError`` when the JSON is not such a message,
    ///   ``/CloudEvents/CloudEventError`` when the message is not a valid CloudEvent.
    func decode(_ json: WireJSON) throws -> [CloudEvent] {
        switch self {
        case .kafka: return [try KafkaEventDecoder().decode(KafkaMessage(wireJSON: json))]
        case .amqp: return [try AMQPEventDecoder().decode(AMQPMessage(wireJSON: json))]
        case .mqtt5: return [try MQTTEventDecoder(version: .v5).decode(MQTTMessage(wireJSON: json, version: .v5))]
        case .mqtt3:
            return [try MQTTEventDecoder(version: .v3_1_1).decode(MQTTMessage(wireJSON: json, version: .v3_1_1))]
        case .nats: return [try NATSEventDecoder().decode(NATSMessage(wireJSON: json))]
        case .http:
            let message = try WireHTTPMessage(wireJSON: json)
            return try HTTPEventDecoder().decodeEvents(headerFields: message.headerFields, body: message.body)
        }
    }
}
