import CloudEvents
import CloudEventsKafka
import CoreTestSupport
import Testing

@Suite("Kafka binding: records in binary and structured mode, keys, errors")
struct KafkaBindingTests {
    static let time = "2026-12-01T08:30:00.123456789+08:00"

    static func event() throws -> CloudEvent {
        var event = CloudEvent(
            id: "ïd-1", source: "/orders/%C3%B6", type: "com.example.order.created", subject: "Grüße 🌍",
            time: try Timestamp(parsing: Self.time), data: .json(#"{"total":12.50}"#))
        event[extension: "retrycount"] = .integer(3)
        event[extension: "partitionkey"] = .string("customer-7")
        event[extension: "flag"] = .boolean(true)
        return event
    }

    @Test("binary mode: ce_ headers as raw UTF-8, content-type, data as the value; everything comes back")
    func binaryRoundTrip() throws {
        let event = try Self.event()
        let message = try KafkaEventEncoder().encode(event)
        #expect(message.key == nil)
        #expect(message.headerText("ce_subject") == "Grüße 🌍")  // not percent-encoded
        #expect(message.headerText("ce_time") == Self.time)  // offset and nanoseconds kept
        #expect(message.headerText("content-type") == "application/json")
        #expect(message.headers.first?.name == "ce_specversion")
        #expect(message.value == Array(#"{"total":12.50}"#.utf8))
        let decoded = try KafkaEventDecoder().decode(message)
        #expect(try KafkaEventDecoder().mode(of: message) == .binary)
        #expect(decoded.subject == event.subject)
        #expect(decoded.time?.description == Self.time)
        #expect(decoded.data == event.data)
        // Headers carry no type: extensions arrive as their canonical text, readable typed again.
        #expect(decoded[extension: "retrycount"] == .string("3"))
        #expect(try decoded[extension: "retrycount"]?.integerValue(attribute: "retrycount") == 3)
    }

    @Test("structured mode: the event in the format, content-type application/cloudevents+json; lossless")
    func structuredRoundTrip() throws {
        let event = try Self.event()
        let message = try KafkaEventEncoder(mode: .structured).encode(event, key: Array("k".utf8))
        #expect(message.key == Array("k".utf8))
        #expect(message.headers == [.init(name: "content-type", text: "application/cloudevents+json; charset=utf-8")])
        #expect(try KafkaEventDecoder().mode(of: message) == .structured)
        #expect(try KafkaEventDecoder().decode(message) == event)
        // The media type is matched in any case, with parameters.
        var shouting = message
        shouting.headers = [.init(name: "content-type", text: "Application/CloudEvents+JSON;charset=UTF-8")]
        #expect(try KafkaEventDecoder().decode(shouting) == event)
    }

    @Test("the key: the caller's by default; the partitionkey mapper takes it as is and leaves the event alone")
    func keyMapping() throws {
        let event = try Self.event()
        #expect(try KafkaEventEncoder().encode(event, key: [1, 2]).key == [1, 2])
        let mapped = try KafkaEventEncoder(keyMapper: .partitionKey).encode(event, key: [1, 2])
        #expect(mapped.key == Array("customer-7".utf8))
        #expect(mapped.headerText("ce_partitionkey") == "customer-7")
        let withoutKey = CloudEvent(id: "1", source: "/s", type: "t")
        #expect(try KafkaEventEncoder(keyMapper: .partitionKey).encode(withoutKey, key: [9]).key == [9])
        let custom = KafkaEventEncoder(keyMapper: .custom { Array($0.id.utf8) })
        #expect(try custom.encode(withoutKey).key == Array("1".utf8))
        var context = CloudEventContext(transport: "kafka")
        context.kafkaRecordKey = mapped.key
        #expect(context.kafkaRecordKey == Array("customer-7".utf8))
    }

    @Test("no data is no value (a tombstone); empty data cannot travel in binary mode and is refused")
    func noData() throws {
        let bare = CloudEvent(id: "1", source: "/s", type: "t")
        let message = try KafkaEventEncoder().encode(bare)
        #expect(message.value == nil)
        #expect(try KafkaEventDecoder().decode(message).data == nil)
        let empty = CloudEvent(id: "1", source: "/s", type: "t", data: .binary([]))
        let error = try #require(cloudEventError { try KafkaEventEncoder().encode(empty) })
        #expect(error.code == .invalidData)
        #expect(error.attribute == "data")
    }

    @Test("refusals: not a CloudEvent, an unknown CloudEvents format, a duplicate header, bad UTF-8, batch mode")
    func refusals() throws {
        let plain = KafkaMessage(headers: [.init(name: "content-type", text: "text/plain")], value: Array("hi".utf8))
        #expect(cloudEventError { try KafkaEventDecoder().decode(plain) }?.code == .notACloudEvent)

        let avro = KafkaMessage(headers: [.init(name: "content-type", text: "application/cloudevents+avro")])
        let unsupported = try #require(cloudEventError { try KafkaEventDecoder().decode(avro) })
        #expect(unsupported.code == .unsupportedFormat)
        #expect(unsupported.message.contains("supported: application/cloudevents+json"))

        var duplicated = try KafkaEventEncoder().encode(CloudEvent(id: "1", source: "/s", type: "t"))
        duplicated.headers.append(.init(name: "ce_id", text: "2"))
        let duplicate = try #require(cloudEventError { try KafkaEventDecoder().decode(duplicated) })
        #expect(duplicate.attribute == "id")
        #expect(duplicate.message.contains("ce_id appears more than once"), "\(duplicate.message)")

        var invalid = try KafkaEventEncoder().encode(CloudEvent(id: "1", source: "/s", type: "t"))
        invalid.headers.append(.init(name: "ce_note", value: [0x61, 0xFF]))
        let utf8 = try #require(cloudEventError { try KafkaEventDecoder().decode(invalid) })
        #expect(utf8.attribute == "note")
        #expect(utf8.byteOffset == 1)

        let batch = cloudEventError {
            try KafkaEventEncoder(mode: .batch).encode(CloudEvent(id: "1", source: "/s", type: "t"))
        }
        #expect(batch?.code == .unsupportedFormat)
    }

    @Test(
        "0.3 binary data travels Base64 with ce_datacontentencoding, whatever its datacontenttype (found by FuzzKafka)")
    func version03BinaryData() throws {
        let event = CloudEvent(
            specVersion: .v0_3, id: "2", source: "/s", type: "t", dataContentType: "app/json",
            data: .binary([0, 1, 2, 3, 4]))
        let message = try KafkaEventEncoder().encode(event)
        #expect(message.headerText("ce_datacontentencoding") == "base64")
        #expect(message.value == Array("AAECAwQ=".utf8))
        #expect(try KafkaEventDecoder().decode(message) == event)
    }

    @Test("limits on the ce_ headers are enforced, naming the header that crossed them")
    func limits() throws {
        var event = CloudEvent(id: "1", source: "/s", type: "t")
        for index in 0..<10 { event[extension: "x\(index)"] = .string("v") }
        let message = try KafkaEventEncoder().encode(event)
        let decoder = KafkaEventDecoder(limits: .init(maximumHeaderCount: 8))
        let error = try #require(cloudEventError { try decoder.decode(message) })
        #expect(error.code == .limitExceeded)
        #expect(error.attribute != nil)
    }
}
