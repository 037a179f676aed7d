import CloudEvents
import CloudEventsNATS
import CoreTestSupport
import Testing

@Suite("NATS binding: messages in binary and structured mode, mode detection, errors")
struct NATSBindingTests {
    static let time = "2026-12-01T08:30:00.123456789+08:00"

    static func event() throws -> CloudEvent {
        var event = CloudEvent(
            id: "ïd-1", source: "/orders/%C3%B6", type: "com.example.order.created", subject: "Grüße 🌍 \"x\"",
            time: try Timestamp(parsing: Self.time), data: .json(#"{"total":12.50}"#))
        event[extension: "retrycount"] = .integer(3)
        event[extension: "flag"] = .boolean(true)
        return event
    }

    /// With a Binary extension, which binary mode writes as Base64 (the JSON format carries it as a String).
    static func eventWithBinary() throws -> CloudEvent {
        var event = try event()
        event[extension: "blob"] = .binary([0, 255])
        return event
    }

    @Test("binary mode: ce- headers percent-encoded as HTTP does, ce-datacontenttype, data as the payload")
    func binaryRoundTrip() throws {
        let event = try Self.eventWithBinary()
        let message = try NATSEventEncoder().encode(event)
        #expect(message.headers.first == .init(name: "ce-specversion", value: "1.0"))
        #expect(message.header("ce-id") == "%C3%AFd-1")
        #expect(message.header("ce-subject") == "Gr%C3%BC%C3%9Fe%20%F0%9F%8C%8D%20%22x%22")
        #expect(message.header("ce-source") == "/orders/%25C3%25B6")
        #expect(message.header("ce-time") == Self.time)
        #expect(message.header("ce-datacontenttype") == "application/json")
        #expect(message.header("Content-Type") == nil)
        #expect(message.header("ce-blob") == "AP8=")
        // Every value is printable ASCII without spaces, as a NATS header line needs.
        for header in message.headers {
            #expect(header.value.utf8.allSatisfy { (0x21...0x7E).contains($0) }, "\(header)")
        }
        #expect(message.payload == Array(#"{"total":12.50}"#.utf8))
        #expect(try NATSEventDecoder().mode(of: message) == .binary)
        let decoded = try NATSEventDecoder().decode(message)
        #expect(decoded.id == event.id)
        #expect(decoded.subject == event.subject)
        #expect(decoded.source == event.source)
        #expect(decoded.time?.description == Self.time)
        #expect(decoded.dataContentType == "application/json")
        #expect(decoded.data == event.data)
        #expect(try decoded[extension: "retrycount"]?.integerValue(attribute: "retrycount") == 3)
        #expect(try decoded[extension: "blob"]?.binaryValue(attribute: "blob") == [0, 255])
    }

    @Test("header names are case-insensitive, as NATS defines them; quoted values from older senders are accepted")
    func caseInsensitiveNames() throws {
        let message = NATSMessage(
            headers: [
                .init(name: "CE-SpecVersion", value: "1.0"), .init(name: "Ce-Id", value: "1"),
                .init(name: "ce-SOURCE", value: "/s"), .init(name: "ce-type", value: #""a b""#),
            ])
        let event = try NATSEventDecoder().decode(message)
        #expect(event.id == "1")
        #expect(event.source == "/s")
        #expect(event.type == "a b")
        #expect(event.data == nil)
    }

    @Test("structured mode: the format's media type as Content-Type, the event as the payload; lossless")
    func structuredRoundTrip() throws {
        let event = try Self.event()
        let message = try NATSEventEncoder(mode: .structured).encode(event)
        #expect(message.headers == [.init(name: "Content-Type", value: "application/cloudevents+json; charset=utf-8")])
        #expect(try NATSEventDecoder().mode(of: message) == .structured)
        #expect(try NATSEventDecoder().decode(message) == event)
        var shouting = message
        shouting.headers = [.init(name: "content-type", value: "Application/CloudEvents+JSON")]
        #expect(try NATSEventDecoder().decode(shouting) == event)
    }

    @Test("a message without headers (before NATS 2.2) is structured mode in JSON")
    func headerlessIsStructured() throws {
        let event = try Self.event()
        let payload = try JSONEventFormat().encode(event)
        let message = NATSMessage(payload: payload)
        #expect(try NATSEventDecoder().mode(of: message) == .structured)
        #expect(try NATSEventDecoder().decode(message) == event)
        let notJSON = NATSMessage(payload: Array("hello".utf8))
        #expect(thrownCloudEventError { try NATSEventDecoder().decode(notJSON) }?.code == .malformedInput)
    }

    @Test("no data is an empty payload; empty data cannot travel in binary mode and is refused")
    func noData() throws {
        let bare = CloudEvent(id: "1", source: "/s", type: "t")
        let message = try NATSEventEncoder().encode(bare)
        #expect(message.payload.isEmpty)
        #expect(try NATSEventDecoder().decode(message).data == nil)
        let empty = CloudEvent(id: "1", source: "/s", type: "t", data: .binary([]))
        let error = try #require(thrownCloudEventError { try NATSEventEncoder().encode(empty) })
        #expect(error.code == .invalidData)
        #expect(error.attribute == "data")
        // In structured mode the same event travels.
        let structured = try NATSEventEncoder(mode: .structured).encode(empty)
        #expect(try NATSEventDecoder().decode(structured) == empty)
    }

    @Test("0.3 events: schemaurl, and binary data Base64 with ce-datacontentencoding")
    func version03() throws {
        let event = CloudEvent(
            specVersion: .v0_3, id: "2", source: "/s", type: "t", dataContentType: "application/json",
            dataSchema: "https://example.com/s", data: .binary([0, 1, 2, 3, 4]))
        let message = try NATSEventEncoder().encode(event)
        #expect(message.header("ce-specversion") == "0.3")
        #expect(message.header("ce-schemaurl") == "https://example.com/s")
        #expect(message.header("ce-datacontentencoding") == "base64")
        #expect(message.payload == Array("AAECAwQ=".utf8))
        #expect(try NATSEventDecoder().decode(message) == event)
    }

    @Test("refusals name the header: not a CloudEvent, unknown format, duplicates, bad percent-encoding, batch")
    func refusals() throws {
        let plain = NATSMessage(headers: [.init(name: "Nats-Msg-Id", value: "7")], payload: Array("hi".utf8))
        let notEvent = try #require(thrownCloudEventError { try NATSEventDecoder().decode(plain) })
        #expect(notEvent.code == .notACloudEvent)
        #expect(notEvent.message.contains("ce-specversion"))

        let avro = NATSMessage(headers: [.init(name: "Content-Type", value: "application/cloudevents+avro")])
        let unsupported = try #require(thrownCloudEventError { try NATSEventDecoder().decode(avro) })
        #expect(unsupported.code == .unsupportedFormat)
        #expect(unsupported.message.contains("supported: application/cloudevents+json"), "\(unsupported.message)")

        var duplicated = try NATSEventEncoder().encode(CloudEvent(id: "1", source: "/s", type: "t"))
        duplicated.headers.append(.init(name: "CE-ID", value: "2"))
        let duplicate = try #require(thrownCloudEventError { try NATSEventDecoder().decode(duplicated) })
        #expect(duplicate.attribute == "id")
        #expect(duplicate.message == "header ce-id appears more than once")

        var badEscape = try NATSEventEncoder().encode(CloudEvent(id: "1", source: "/s", type: "t"))
        badEscape.headers.append(.init(name: "ce-note", value: "ab%C0%A0"))
        let overlong = try #require(thrownCloudEventError { try NATSEventDecoder().decode(badEscape) })
        #expect(overlong.attribute == "note")
        #expect(overlong.byteOffset == 2)
        #expect(overlong.message.hasPrefix("header ce-note is not validly percent-encoded"))

        let batch = thrownCloudEventError {
            try NATSEventEncoder(mode: .batch).encode(CloudEvent(id: "1", source: "/s", type: "t"))
        }
        #expect(batch?.code == .unsupportedFormat)
    }

    @Test("limits on the ce- headers are enforced, naming the header that crossed them")
    func limits() throws {
        var event = CloudEvent(id: "1", source: "/s", type: "t")
        for index in 0..<10 { event[extension: "x\(index)"] = .string("v") }
        let message = try NATSEventEncoder().encode(event)
        let decoder = NATSEventDecoder(limits: .init(maximumHeaderCount: 8))
        let error = try #require(thrownCloudEventError { try decoder.decode(message) })
        #expect(error.code == .limitExceeded)
        #expect(error.attribute == "x4")
        #expect(error.message == "header ce-x4 is attribute header 9, over the limit of 8")
    }
}
