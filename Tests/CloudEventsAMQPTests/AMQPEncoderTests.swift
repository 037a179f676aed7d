import CloudEvents
import CloudEventsAMQP
import CoreTestSupport
import Testing

@Suite("AMQP binding, encoding: native types, the timestamp rule, prefixes, modes, refusals")
struct AMQPEncoderTests {
    static let time = "2026-12-01T08:30:00.123Z"
    static let milliseconds: Int64 = 1_796_113_800_123

    /// An event with text outside ASCII and an extension of every type.
    static func event() throws -> CloudEvent {
        var event = CloudEvent(
            id: "ïd-1", source: "/orders/%C3%B6", type: "com.example.order.created", subject: "Grüße 🌍",
            time: try Timestamp(parsing: Self.time), dataContentType: "application/json",
            dataSchema: "https://example.com/schema", data: .json(#"{"total":12.50}"#))
        event[extension: "flag"] = .boolean(true)
        event[extension: "retrycount"] = .integer(-3)
        event[extension: "note"] = .string("日本語 ✓")
        event[extension: "blob"] = .binary([0, 1, 2, 253, 254, 255])
        event[extension: "site"] = .uri("https://example.com/a%20b")
        event[extension: "ref"] = .uriReference("../x")
        event[extension: "due"] = .timestamp(try Timestamp(parsing: "2026-12-02T00:00:00Z"))
        return event
    }

    @Test("binary mode: every attribute as a cloudEvents_ property in its native AMQP type")
    func binaryNativeTypes() throws {
        let message = try AMQPEventEncoder().encode(try Self.event())
        #expect(message.properties.contentType == "application/json")
        #expect(message.body == Array(#"{"total":12.50}"#.utf8))
        let expected: [AMQPMessage.ApplicationProperty] = [
            .init(name: "cloudEvents_specversion", value: .string("1.0")),
            .init(name: "cloudEvents_id", value: .string("ïd-1")),
            .init(name: "cloudEvents_source", value: .string("/orders/%C3%B6")),
            .init(name: "cloudEvents_type", value: .string("com.example.order.created")),
            .init(name: "cloudEvents_subject", value: .string("Grüße 🌍")),
            .init(name: "cloudEvents_time", value: .timestamp(Self.milliseconds)),
            .init(name: "cloudEvents_dataschema", value: .string("https://example.com/schema")),
            .init(name: "cloudEvents_flag", value: .boolean(true)),
            .init(name: "cloudEvents_retrycount", value: .long(-3)),
            .init(name: "cloudEvents_note", value: .string("日本語 ✓")),
            .init(name: "cloudEvents_blob", value: .binary([0, 1, 2, 253, 254, 255])),
            .init(name: "cloudEvents_site", value: .string("https://example.com/a%20b")),
            .init(name: "cloudEvents_ref", value: .string("../x")),
            .init(name: "cloudEvents_due", value: .timestamp(1_796_169_600_000)),
        ]
        #expect(message.applicationProperties == expected)
    }

    @Test("binary mode round trip: every value comes back with its type (URIs as Strings: AMQP has no URI type)")
    func binaryRoundTrip() throws {
        let event = try Self.event()
        let decoded = try AMQPEventDecoder().decode(try AMQPEventEncoder().encode(event))
        #expect(decoded.id == "ïd-1")
        #expect(decoded.source == event.source)
        #expect(decoded.subject == "Grüße 🌍")
        #expect(decoded.time == event.time)
        #expect(decoded.time?.rfc3339 == Self.time)
        #expect(decoded.dataContentType == "application/json")
        #expect(decoded.dataSchema == event.dataSchema)
        #expect(decoded.data == event.data)
        for name in ["flag", "retrycount", "note", "blob", "due"] {
            #expect(decoded[extension: name] == event[extension: name])
        }
        #expect(decoded[extension: "site"] == .string("https://example.com/a%20b"))
        #expect(try decoded[extension: "site"]?.uriValue(attribute: "site") == "https://example.com/a%20b")
        #expect(decoded[extension: "ref"] == .string("../x"))
    }

    @Test("the cloudEvents: prefix on request, for every attribute; it decodes the same")
    func colonPrefix() throws {
        let event = try Self.event()
        let message = try AMQPEventEncoder(prefix: .colon).encode(event)
        #expect(message.applicationProperties.allSatisfy { $0.name.hasPrefix("cloudEvents:") })
        #expect(message.applicationProperty("cloudEvents:id") == .string("ïd-1"))
        let underscore = try AMQPEventDecoder().decode(try AMQPEventEncoder().encode(event))
        #expect(try AMQPEventDecoder().decode(message) == underscore)
    }

    @Test(
        "a Timestamp goes as an AMQP timestamp only when it decodes back exactly; otherwise as its text",
        arguments: [
            ("2026-12-01T08:30:00.123Z", AMQPValue.timestamp(1_796_113_800_123)),
            ("2026-12-01T08:30:00Z", .timestamp(1_796_113_800_000)),
            ("2026-12-01T08:30:00.120Z", .timestamp(1_796_113_800_120)),
            ("1969-12-31T23:59:59.999Z", .timestamp(-1)),
            ("1970-01-01T00:00:00Z", .timestamp(0)),
            // Beyond what Int64 nanoseconds reach (2262), to the end of the Timestamp range.
            ("2452-08-02T15:24:00.007Z", .timestamp(15_229_005_840_007)),
            ("9999-12-31T23:59:59.999Z", .timestamp(253_402_300_799_999)),
            ("0000-01-01T00:00:00Z", .timestamp(-62_167_219_200_000)),
            ("2026-12-01T08:30:00.000Z", .string("2026-12-01T08:30:00.000Z")),
            ("2026-12-01T08:30:00.12Z", .string("2026-12-01T08:30:00.12Z")),
            ("2026-12-01T08:30:00.123456789+08:00", .string("2026-12-01T08:30:00.123456789+08:00")),
            ("2026-12-01T08:30:00.123456Z", .string("2026-12-01T08:30:00.123456Z")),
            ("2026-12-01T08:30:00.123+00:00", .string("2026-12-01T08:30:00.123+00:00")),
            ("2026-12-01T08:30:00.123z", .string("2026-12-01T08:30:00.123z")),
            ("2026-12-01t08:30:00.123Z", .string("2026-12-01t08:30:00.123Z")),
            ("2016-12-31T23:59:60Z", .string("2016-12-31T23:59:60Z")),
        ])
    func timestampRule(text: String, expected: AMQPValue) throws {
        let time = try Timestamp(parsing: text)
        var event = CloudEvent(id: "1", source: "/s", type: "t", time: time)
        event[extension: "at"] = .timestamp(time)
        let message = try AMQPEventEncoder().encode(event)
        #expect(message.applicationProperty("cloudEvents_time") == expected)
        #expect(message.applicationProperty("cloudEvents_at") == expected)
        let decoded = try AMQPEventDecoder().decode(message)
        #expect(decoded.time == time)
        #expect(decoded.time?.rfc3339 == text)
        if case .timestamp = expected {
            #expect(decoded[extension: "at"] == .timestamp(time))
        } else {
            // As text it arrives as a String, readable as the same Timestamp.
            #expect(decoded[extension: "at"] == .string(text))
            #expect(try decoded[extension: "at"]?.timestampValue(attribute: "at") == time)
        }
    }

    @Test("structured mode: the event in the format, content-type application/cloudevents+json; lossless")
    func structuredRoundTrip() throws {
        let event = try Self.event()
        let message = try AMQPEventEncoder(mode: .structured).encode(event)
        #expect(message.properties.contentType == "application/cloudevents+json; charset=utf-8")
        #expect(message.applicationProperties.isEmpty)
        #expect(message.body == (try JSONEventFormat().encode(event)))
        #expect(try AMQPEventDecoder().mode(of: message) == .structured)
        // Exactly what the JSON format carries: Boolean and Integer typed, the others as text.
        let expected = try JSONEventFormat().decode(try #require(message.body)[...])
        #expect(try AMQPEventDecoder().decode(message) == expected)
        #expect(expected[extension: "blob"] == .string("AAEC/f7/"))
        #expect(expected[extension: "retrycount"] == .integer(-3))
        #expect(expected.subject == "Grüße 🌍")
        #expect(expected.time == event.time)
        var shouting = message
        shouting.properties.contentType = "Application/CloudEvents+JSON;charset=UTF-8"
        #expect(try AMQPEventDecoder().decode(shouting) == expected)
        // An event of Strings, Booleans and Integers comes back equal.
        let plain = CloudEvent(
            id: "1", source: "/s", type: "t", time: event.time, data: .json("[1]"),
            extensions: ["a": .string("ü"), "b": .boolean(false), "c": .integer(7)])
        #expect(try AMQPEventDecoder().decode(try AMQPEventEncoder(mode: .structured).encode(plain)) == plain)
    }

    @Test("no data is no data section; binary data as it is; empty data refused in binary mode only")
    func data() throws {
        let bare = CloudEvent(id: "1", source: "/s", type: "t")
        let message = try AMQPEventEncoder().encode(bare)
        #expect(message.body == nil)
        #expect(message.properties.contentType == nil)
        #expect(try AMQPEventDecoder().decode(message) == bare)
        let bytes = CloudEvent(
            id: "1", source: "/s", type: "t", dataContentType: "application/octet-stream", data: .binary([0, 0xFF]))
        let binary = try AMQPEventEncoder().encode(bytes)
        #expect(binary.body == [0, 0xFF])
        #expect(try AMQPEventDecoder().decode(binary) == bytes)
        let empty = CloudEvent(id: "1", source: "/s", type: "t", dataContentType: "text/plain", data: .text(""))
        let error = cloudEventError { try AMQPEventEncoder().encode(empty) }
        #expect(error?.code == .invalidData)
        #expect(error?.message.hasPrefix("empty data cannot travel in AMQP binary mode") == true)
        let structured = try AMQPEventEncoder(mode: .structured).encode(empty)
        #expect(try AMQPEventDecoder().decode(structured) == empty)
    }

    @Test("JSON data without datacontenttype states application/json")
    func impliedJSON() throws {
        let event = CloudEvent(id: "1", source: "/s", type: "t", data: .json("[1]"))
        let message = try AMQPEventEncoder().encode(event)
        #expect(message.properties.contentType == "application/json")
        #expect(message.applicationProperty("cloudEvents_datacontenttype") == nil)
    }

    @Test("0.3: schemaurl as a property, binary data Base64 with datacontentencoding, and back")
    func specVersion03() throws {
        let event = try CloudEvent(
            id: "1", source: "/s", type: "t", dataContentType: "application/json", dataSchema: "https://e.com/s",
            data: .binary([0, 1, 2])
        ).converted(to: .v0_3)
        let message = try AMQPEventEncoder().encode(event)
        #expect(message.applicationProperty("cloudEvents_specversion") == .string("0.3"))
        #expect(message.applicationProperty("cloudEvents_schemaurl") == .string("https://e.com/s"))
        #expect(message.applicationProperty("cloudEvents_datacontentencoding") == .string("base64"))
        #expect(message.body == Array("AAEC".utf8))
        let decoded = try AMQPEventDecoder().decode(message)
        #expect(decoded == event)
        #expect(decoded.data == .binary([0, 1, 2]))
    }

    @Test("an extension named like a core attribute of the other version travels as text")
    func versionDependentExtensions() throws {
        var event = CloudEvent(id: "1", source: "/s", type: "t")
        event[extension: "schemaurl"] = .integer(3)
        event[extension: "datacontentencoding"] = .boolean(true)
        let message = try AMQPEventEncoder().encode(event)
        #expect(message.applicationProperty("cloudEvents_schemaurl") == .string("3"))
        #expect(message.applicationProperty("cloudEvents_datacontentencoding") == .string("true"))
        let decoded = try AMQPEventDecoder().decode(message)
        #expect(decoded[extension: "schemaurl"] == .string("3"))
        #expect(try decoded[extension: "schemaurl"]?.integerValue(attribute: "schemaurl") == 3)
    }

    @Test("batch mode and invalid events are refused")
    func refusals() throws {
        let batch = cloudEventError { try AMQPEventEncoder(mode: .batch).encode(try Self.event()) }
        #expect(batch?.code == .unsupportedFormat)
        #expect(batch?.message == "the AMQP protocol binding defines no batch mode; send the events one by one")
        let invalid = CloudEvent(id: "", source: "/s", type: "t")
        #expect(cloudEventError { try AMQPEventEncoder().encode(invalid) }?.code == .invalidEvent)
        #expect(cloudEventError { try AMQPEventEncoder(mode: .structured).encode(invalid) }?.code == .invalidEvent)
    }
}
