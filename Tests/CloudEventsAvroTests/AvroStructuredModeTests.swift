import CloudEvents
import CloudEventsAMQP
import CloudEventsAvro
import CloudEventsHTTP
import CloudEventsKafka
import CloudEventsMQTT
import CloudEventsNATS
import CoreTestSupport
import HTTPTypes
import Testing

/// The Avro format in the structured mode of every binding: the binding names
/// `application/cloudevents+avro` and a decoder configured with the format reads it back.
@Suite("Avro in every binding's structured mode")
struct AvroStructuredModeTests {
    static let formats: [any CloudEventFormat] = [JSONEventFormat(), AvroEventFormat()]

    @Test("HTTP, Kafka, AMQP, MQTT 5 and NATS carry the Avro format and detect it by its media type")
    func everyBinding() throws {
        let event = try AvroFormatTests.event()
        let expected = try AvroEventFormat().decode(AvroEventFormat().encode(event)[...])

        let http = try HTTPEventEncoder(mode: .structured, format: AvroEventFormat()).encode(event)
        #expect(http.headerFields[.contentType] == "application/cloudevents+avro")
        #expect(
            try HTTPEventDecoder(formats: Self.formats).decodeEvent(headerFields: http.headerFields, body: http.body)
                == expected)

        let kafka = try KafkaEventEncoder(mode: .structured, format: AvroEventFormat()).encode(event)
        #expect(try KafkaEventDecoder(formats: Self.formats).decode(kafka) == expected)

        let amqp = try AMQPEventEncoder(mode: .structured, format: AvroEventFormat()).encode(event)
        #expect(amqp.properties.contentType == "application/cloudevents+avro")
        #expect(try AMQPEventDecoder(formats: Self.formats).decode(amqp) == expected)

        let mqtt = try MQTTEventEncoder(mode: .structured, format: AvroEventFormat()).encode(event)
        #expect(try MQTTEventDecoder(formats: Self.formats).decode(mqtt) == expected)

        let nats = try NATSEventEncoder(mode: .structured, format: AvroEventFormat()).encode(event)
        #expect(try NATSEventDecoder(formats: Self.formats).decode(nats) == expected)

        // A decoder without the format refuses it by name rather than reading it as binary mode.
        let refused = try #require(thrownCloudEventError { try KafkaEventDecoder().decode(kafka) })
        #expect(refused.code == .unsupportedFormat)
    }

    @Test("the compact format travels the same way, told apart from the standard Avro format by its media type")
    func compact() throws {
        let formats: [any CloudEventFormat] = [JSONEventFormat(), AvroEventFormat(), AvroCompactEventFormat()]
        let event = try AvroCompactFormatTests.event()
        let http = try HTTPEventEncoder(mode: .structured, format: AvroCompactEventFormat()).encode(event)
        #expect(http.headerFields[.contentType] == "application/cloudevents+avro-compact")
        #expect(
            try HTTPEventDecoder(formats: formats).decodeEvent(headerFields: http.headerFields, body: http.body)
                == event)
        let kafka = try KafkaEventEncoder(mode: .structured, format: AvroCompactEventFormat()).encode(event)
        #expect(try KafkaEventDecoder(formats: formats).decode(kafka) == event)
        let nats = try NATSEventEncoder(mode: .structured, format: AvroCompactEventFormat()).encode(event)
        #expect(try NATSEventDecoder(formats: formats).decode(nats) == event)
        let standardOnly = try #require(
            thrownCloudEventError { try KafkaEventDecoder(formats: Self.formats).decode(kafka) })
        #expect(standardOnly.code == .unsupportedFormat)
    }
}
