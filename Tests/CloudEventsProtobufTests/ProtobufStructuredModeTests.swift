import CloudEvents
import CloudEventsAMQP
import CloudEventsHTTP
import CloudEventsKafka
import CloudEventsMQTT
import CloudEventsNATS
import CloudEventsProtobuf
import CoreTestSupport
import HTTPTypes
import Testing

/// The Protobuf format in HTTP's structured and batch modes and in every broker binding's
/// structured mode: the sender picks the format, the receiver reads whatever the content type names.
@Suite("Protobuf in HTTP structured and batch modes and every binding's structured mode")
struct ProtobufStructuredModeTests {
    static let formats: [any CloudEventFormat] = [JSONEventFormat(), ProtobufEventFormat()]

    @Test("HTTP: structured and batch in Protobuf; one decoder reads JSON and Protobuf by Content-Type")
    func http() throws {
        let event = try ProtobufFormatTests.event()
        let decoder = HTTPEventDecoder(formats: Self.formats)

        let structured = try HTTPEventEncoder(mode: .structured, format: ProtobufEventFormat()).encode(event)
        #expect(structured.headerFields[.contentType] == "application/cloudevents+protobuf")
        #expect(try decoder.decodeEvent(headerFields: structured.headerFields, body: structured.body) == event)

        // The JSON format carries the URI, Timestamp and Binary extensions as strings.
        let json = try HTTPEventEncoder(mode: .structured).encode(event)
        #expect(
            try decoder.decodeEvent(headerFields: json.headerFields, body: json.body)
                == JSONEventFormat().decode(json.body[...]))

        let events = [event, CloudEvent(id: "2", source: "/s", type: "t")]
        let batch = try HTTPEventEncoder(mode: .batch, format: ProtobufEventFormat()).encodeBatch(events)
        #expect(batch.headerFields[.contentType] == "application/cloudevents-batch+protobuf")
        guard case .batch(let decoded) = try decoder.decode(headerFields: batch.headerFields, body: batch.body) else {
            Issue.record("not decoded as a batch")
            return
        }
        #expect(decoded == events)

        // The default decoder (JSON only) refuses the format by name: a receiver answers 415.
        let refused = try #require(
            thrownCloudEventError {
                try HTTPEventDecoder().decodeEvent(headerFields: structured.headerFields, body: structured.body)
            })
        #expect(refused.code == .unsupportedFormat)
    }

    @Test("Kafka, AMQP, MQTT 5 and NATS carry the Protobuf format and detect it by its media type")
    func brokers() throws {
        let event = try ProtobufFormatTests.event()
        let format = ProtobufEventFormat()

        let kafka = try KafkaEventEncoder(mode: .structured, format: format).encode(event)
        #expect(try KafkaEventDecoder(formats: Self.formats).decode(kafka) == event)

        let amqp = try AMQPEventEncoder(mode: .structured, format: format).encode(event)
        #expect(amqp.properties.contentType == "application/cloudevents+protobuf")
        #expect(try AMQPEventDecoder(formats: Self.formats).decode(amqp) == event)

        let mqtt = try MQTTEventEncoder(mode: .structured, format: format).encode(event)
        #expect(try MQTTEventDecoder(formats: Self.formats).decode(mqtt) == event)

        let nats = try NATSEventEncoder(mode: .structured, format: format).encode(event)
        #expect(try NATSEventDecoder(formats: Self.formats).decode(nats) == event)

        let refused = try #require(thrownCloudEventError { try KafkaEventDecoder().decode(kafka) })
        #expect(refused.code == .unsupportedFormat)
    }
}
