import CloudEvents
import CloudEventsAvro
import CloudEventsProtobuf
import CloudEventsWebSocket
import CoreTestSupport
import Testing

@Suite("WebSocket binding: subprotocol negotiation, one event per message, limits")
struct WebSocketBindingTests {
    static func event() -> CloudEvent {
        var event = CloudEvent(
            id: "ïd-1", source: "/orders", type: "com.example.order.created", dataContentType: "application/json",
            data: .json(#"{"total":12.50}"#))
        event[extension: "retrycount"] = .integer(3)
        return event
    }

    @Test("the server's preference wins among the subprotocols a client offers, in one or several header fields")
    func chooseByServerPreference() throws {
        let supported = WebSocketSubprotocols([.json, try WebSocketSubprotocol(format: AvroEventFormat())])
        #expect(try supported.choose(offered: ["cloudevents.avro, cloudevents.json"]).get().name == "cloudevents.json")
        #expect(try supported.choose(offered: ["chat", " CloudEvents.Avro "]).get().name == "cloudevents.avro")
        #expect(supported.offerHeaderValue == "cloudevents.json, cloudevents.avro")
    }

    @Test(
        "a client offering none of ours is refused with 1002 and a reason naming what was offered and what is supported"
    )
    func refusal() throws {
        let result = WebSocketSubprotocols.json.choose(offered: ["chat, cloudevents.proto"])
        guard case .failure(let refusal) = result else {
            Issue.record("negotiated \(result)")
            return
        }
        #expect(refusal.closeCode == 1002)
        #expect(
            refusal.reason
                == "no CloudEvents subprotocol offered (offered: chat, cloudevents.proto); supported: cloudevents.json")
        #expect(refusal.error.code == .unsupportedFormat)
        guard case .failure(let none) = WebSocketSubprotocols.json.choose(offered: []) else {
            Issue.record("negotiated without an offer")
            return
        }
        #expect(none.reason.contains("offered: none"))
    }

    @Test("subprotocols come from the format's media type: JSON in text frames, Avro and Protobuf in binary frames")
    func subprotocolFromFormat() throws {
        #expect(WebSocketSubprotocol.json.frameKind == .text)
        let avro = try WebSocketSubprotocol(format: AvroEventFormat())
        #expect(avro.name == "cloudevents.avro")
        #expect(avro.frameKind == .binary)
        #expect(
            WebSocketSubprotocol.standardName(forMediaType: "application/cloudevents+protobuf") == "cloudevents.proto")
        struct OtherFormat: CloudEventFormat {
            var eventMediaType: String { "application/cloudevents+other" }
            func encode(_ event: CloudEvent) throws -> [UInt8] { [] }
            func decode(_ bytes: ArraySlice<UInt8>) throws -> CloudEvent { CloudEvent(id: "1", source: "/", type: "t") }
        }
        let error = #expect(throws: CloudEventError.self) { try WebSocketSubprotocol(format: OtherFormat()) }
        #expect(error?.code == .unsupportedFormat)
    }

    @Test("one event per message: JSON round-trips in a text frame, Avro and Protobuf in binary frames")
    func roundTrip() throws {
        let protobuf = try WebSocketSubprotocol(format: ProtobufEventFormat())
        #expect(protobuf.name == "cloudevents.proto")
        for subprotocol in [WebSocketSubprotocol.json, try WebSocketSubprotocol(format: AvroEventFormat()), protobuf] {
            var codec = WebSocketEventCodec(subprotocol: subprotocol)
            let message = try codec.encode(Self.event())
            #expect(message.kind == subprotocol.frameKind)
            let decoded = try codec.decode(message)
            #expect(decoded == Self.event(), "\(subprotocol): \(decoded)")
        }
        let reference = try TestMaterial.mediumEvent()
        var codec = WebSocketEventCodec(subprotocol: .json)
        let event = try codec.decode(WebSocketEventMessage(kind: .text, bytes: reference))
        #expect(try JSONEventFormat().decode(reference[...]) == event)
    }

    @Test("a binary frame under cloudevents.json closes with 1003")
    func wrongFrameKind() throws {
        var codec = WebSocketEventCodec(subprotocol: .json)
        let bytes = try codec.encode(Self.event()).bytes
        let error = #expect(throws: WebSocketMessageError.self) {
            try codec.decode(WebSocketEventMessage(kind: .binary, bytes: bytes))
        }
        #expect(error?.closeCode == 1003)
        #expect(error?.messageIndex == 0)
        #expect(error?.error.code == .unsupportedFormat)
    }

    @Test("an invalid event closes with 1007, the reason naming the message's index and the attribute")
    func invalidEvent() throws {
        var codec = WebSocketEventCodec(subprotocol: .json)
        _ = try codec.decode(codec.encode(Self.event()))
        let missingID = Array(#"{"specversion":"1.0","source":"/s","type":"t"}"#.utf8)
        let error = #expect(throws: WebSocketMessageError.self) {
            try codec.decode(WebSocketEventMessage(kind: .text, bytes: missingID))
        }
        #expect(error?.closeCode == 1007)
        #expect(error?.messageIndex == 1)
        #expect(error?.error.attribute == "id")
        let reason = error?.reason ?? ""
        #expect(!reason.contains("\n"))
        #expect(reason.hasPrefix("message 1: invalid_event (id): 1 violation: id: id is required"), "\(reason)")
    }

    @Test("a message over the size limit closes with 1009; an event too large to send is refused before it is sent")
    func sizeLimit() throws {
        var codec = WebSocketEventCodec(subprotocol: .json, limits: WebSocketLimits(maximumMessageSize: 64))
        let error = #expect(throws: WebSocketMessageError.self) {
            try codec.decode(WebSocketEventMessage(kind: .text, bytes: Array(repeating: 0x20, count: 65)))
        }
        #expect(error?.closeCode == 1009)
        #expect(error?.error.code == .limitExceeded)
        #expect(error?.error.byteOffset == 64)
        var big = Self.event()
        big.dataContentType = "text/plain"
        big.data = .text(String(repeating: "x", count: 100))
        let sendError = #expect(throws: CloudEventError.self) { try codec.encode(big) }
        #expect(sendError?.code == .limitExceeded)
    }

    @Test("events per second: a full bucket takes that many at once, one more closes with 1008, and it refills")
    func rateLimit() throws {
        var codec = WebSocketEventCodec(subprotocol: .json, limits: WebSocketLimits(maximumEventsPerSecond: 3))
        let message = try codec.encode(Self.event())
        let start = ContinuousClock.now
        for _ in 0..<3 { _ = try codec.decode(message, at: start) }
        let error = #expect(throws: WebSocketMessageError.self) { try codec.decode(message, at: start) }
        #expect(error?.closeCode == 1008)
        #expect(error?.messageIndex == 3)
        // A third of a second later, one token is back.
        _ = try codec.decode(message, at: start.advanced(by: .milliseconds(334)))
        #expect(throws: WebSocketMessageError.self) {
            try codec.decode(message, at: start.advanced(by: .milliseconds(334)))
        }
    }

    @Test("a close reason is cut at a character boundary to the 123 bytes a close frame holds")
    func reasonLength() {
        let long = String(repeating: "é", count: 100)
        let fitted = WebSocketCloseCode.fittingReason(long)
        #expect(fitted.utf8.count <= 123)
        #expect(fitted.hasSuffix("..."))
        #expect(WebSocketCloseCode.fittingReason("short") == "short")
    }
}
