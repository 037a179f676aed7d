import CloudEvents
import CloudEventsAMQP
import CoreTestSupport
import Foundation
import Testing

/// Interop with the Python SDK's library-free AMQP codec (PyPI cloudevents 2.2.0), both
/// directions, binary and structured, run as a real peer (`Tests/Peers/amqp_peer.py`), whose
/// values travel as qpid-proton would carry them.
///
/// Where the peer gets the binding wrong, our side refuses loudly or keeps what it received, and
/// never copies the mistake; each case is asserted:
/// - it writes `time` as a plain `long` of milliseconds (truncated, its offset dropped), not an
///   AMQP `timestamp` nor the RFC 3339 string: refused, naming `cloudEvents_time` and the type;
/// - it writes an Integer outside the Integer range as a `long`: refused as out of range;
/// - it adds a `time` (now) to an event that had none;
/// - it writes JSON data in binary mode without a `content-type`: kept as Binary, as sent;
/// - it writes an event without data as an empty data section: read as no data;
/// - it reads messages the binding does not allow (mixed separators, no `specversion`, a
///   `cloudEvents_datacontenttype` property), and gives an event it reads without a `time` the
///   time of reading: we send none of these, and refuse each on receipt;
/// - it reads a Timestamp extension sent as an AMQP `timestamp` as a bare int, and keeps times
///   to microseconds.
@Suite("AMQP interop with the Python SDK's codec", .timeLimit(.minutes(10)))
struct PythonAMQPInteropTests {
    static let time = "2026-12-01T08:30:00.123456789+08:00"

    static func event() throws -> CloudEvent {
        var event = CloudEvent(
            id: "ïd-1", source: "/orders/%C3%B6", type: "com.example.order.created", subject: "Grüße 🌍",
            time: try Timestamp(parsing: Self.time), data: .json(#"{"total":12.5}"#))
        event[extension: "retrycount"] = .integer(3)
        event[extension: "flag"] = .boolean(true)
        event[extension: "site"] = .uri("https://example.com/a%20b")
        event[extension: "blob"] = .binary([0, 1, 255])
        event[extension: "due"] = .timestamp(try Timestamp(parsing: "2026-12-02T00:00:00Z"))
        return event
    }

    /// The peer's view of one attribute: its Python type and value.
    static func attribute(_ answer: [String: Any], _ name: String) -> [String]? {
        guard let attributes = answer["attributes"] as? [String: [Any]], let pair = attributes[name] else { return nil }
        return pair.map { "\($0)" }
    }

    @Test("Swift encodes binary, Python decodes: native types as Python values, non-ASCII text, the time")
    func swiftToPythonBinary() throws {
        let message = try AMQPEventEncoder().encode(try Self.event())
        #expect(message.applicationProperty("cloudEvents_time") == .string(Self.time))
        let answer = try AMQPPeerJSON.peer("decode", try AMQPPeerJSON.json(message))
        #expect(Self.attribute(answer, "id") == ["str", "ïd-1"])
        #expect(Self.attribute(answer, "source") == ["str", "/orders/%C3%B6"])
        #expect(Self.attribute(answer, "subject") == ["str", "Grüße 🌍"])
        #expect(Self.attribute(answer, "datacontenttype") == ["str", "application/json"])
        #expect(Self.attribute(answer, "retrycount") == ["int", "3"])
        #expect(Self.attribute(answer, "flag") == ["bool", "1"])
        #expect(Self.attribute(answer, "site") == ["str", "https://example.com/a%20b"])
        #expect(Self.attribute(answer, "blob") == ["bytes", "AAH/"])
        // The peer keeps microseconds only (its datetime), with the offset.
        #expect(Self.attribute(answer, "time") == ["datetime", "2026-12-01T08:30:00.123456+08:00"])
        // The peer reads an AMQP timestamp as a time for `time` only: the extension stays an int.
        #expect(Self.attribute(answer, "due") == ["int", "1796169600000"])
        let data = try #require((answer["data"] as? String).flatMap { Data(base64Encoded: $0) })
        #expect(String(decoding: data, as: UTF8.self) == #"{"total":12.5}"#)
    }

    @Test("Swift encodes with cloudEvents: and a millisecond time, which goes as an AMQP timestamp")
    func swiftToPythonNativeTime() throws {
        let event = CloudEvent(
            id: "1", source: "/s", type: "t", time: try Timestamp(parsing: "2026-12-01T08:30:00.123Z"),
            dataContentType: "application/octet-stream", data: .binary([0, 0xFF]))
        let message = try AMQPEventEncoder(prefix: .colon).encode(event)
        #expect(message.applicationProperty("cloudEvents:time") == .timestamp(1_796_113_800_123))
        let answer = try AMQPPeerJSON.peer("decode", try AMQPPeerJSON.json(message))
        #expect(Self.attribute(answer, "time") == ["datetime", "2026-12-01T08:30:00.123000+00:00"])
        #expect(answer["data"] as? String == "AP8=")
    }

    @Test("Swift encodes structured, Python decodes the JSON format")
    func swiftToPythonStructured() throws {
        let message = try AMQPEventEncoder(mode: .structured).encode(try Self.event())
        let answer = try AMQPPeerJSON.peer("decode", try AMQPPeerJSON.json(message))
        #expect(Self.attribute(answer, "id") == ["str", "ïd-1"])
        #expect(Self.attribute(answer, "subject") == ["str", "Grüße 🌍"])
        #expect(Self.attribute(answer, "retrycount") == ["int", "3"])
        #expect(Self.attribute(answer, "flag") == ["bool", "1"])
        #expect(Self.attribute(answer, "blob") == ["str", "AAH/"])  // the JSON format's Base64 string
        #expect(Self.attribute(answer, "time") == ["datetime", "2026-12-01T08:30:00.123456+08:00"])
        let data = try #require((answer["data"] as? String).flatMap { Data(base64Encoded: $0) })
        #expect(String(decoding: data, as: UTF8.self) == #"{"total":12.5}"#)
    }

    static let pythonEvent = #"""
        {"event": {"specversion":"1.0","id":"ïd-2","source":"/s","type":"com.example.t","subject":"Grüße 🌍",
                   "time":"2026-12-01T08:30:00.123456+08:00","retrycount":3,"flag":true,"big":1099511627776,
                   "datacontenttype":"application/json","data":{"a":1}},
         "binary": {"blob": "AAH/"}}
        """#

    @Test("Python encodes binary: its time as a truncated long is refused, loudly; the rest decodes typed")
    func pythonToSwiftBinary() throws {
        let message = try AMQPPeerJSON.message(try AMQPPeerJSON.peer("binary", Array(Self.pythonEvent.utf8)))
        // Not a timestamp, not the RFC 3339 text: milliseconds of the instant, the offset and the
        // microseconds gone.
        #expect(message.applicationProperty("cloudEvents_time") == .long(1_796_085_000_123))
        #expect(message.properties.contentType == "application/json")
        let time = cloudEventError { try AMQPEventDecoder().decode(message) }
        #expect(time?.code == .attributeTypeMismatch)
        #expect(time?.attribute == "time")
        #expect(
            time?.message
                == "application property cloudEvents_time carries an Integer; time is a Timestamp (it arrived as an AMQP"
                + " long 1796085000123)"
        )
        // Without its time, the next mistake: an Integer outside the Integer range, as a long.
        var withoutTime = message
        withoutTime.applicationProperties.removeAll { $0.name == "cloudEvents_time" }
        let big = cloudEventError { try AMQPEventDecoder().decode(withoutTime) }
        #expect(big?.code == .integerOutOfRange)
        #expect(big?.attribute == "big")
        #expect(
            big?.message.hasPrefix("application property cloudEvents_big carries the AMQP long 1099511627776") == true)
        // Without both, every value arrives in its type.
        withoutTime.applicationProperties.removeAll { $0.name == "cloudEvents_big" }
        let event = try AMQPEventDecoder().decode(withoutTime)
        #expect(event.id == "ïd-2")
        #expect(event.subject == "Grüße 🌍")
        #expect(event.time == nil)
        #expect(event[extension: "retrycount"] == .integer(3))
        #expect(event[extension: "flag"] == .boolean(true))
        #expect(event[extension: "blob"] == .binary([0, 1, 255]))
        #expect(event.dataContentType == "application/json")
        #expect(event.data == .json(#"{"a": 1}"#))  // the peer re-serialises JSON
    }

    @Test("Python encodes binary without datacontenttype or data: its own time added, JSON kept as bytes, empty body")
    func pythonToSwiftBare() throws {
        let withData = try AMQPPeerJSON.message(
            try AMQPPeerJSON.peer(
                "binary", Array(#"{"specversion":"1.0","id":"1","source":"/s","type":"t","data":{"a":1}}"#.utf8)))
        // The peer invents a time the event did not have, and states no content type for JSON.
        guard case .long = withData.applicationProperty("cloudEvents_time") else {
            Issue.record(
                "the peer no longer adds a time: \(String(describing: withData.applicationProperty("cloudEvents_time")))"
            )
            return
        }
        #expect(withData.properties.contentType == nil)
        var stripped = withData
        stripped.applicationProperties.removeAll { $0.name == "cloudEvents_time" }
        // No content type: the bytes are kept as Binary, never guessed to be JSON.
        #expect(try AMQPEventDecoder().decode(stripped).data == .binary(Array(#"{"a": 1}"#.utf8)))
        let bare = try AMQPPeerJSON.message(
            try AMQPPeerJSON.peer("binary", Array(#"{"specversion":"1.0","id":"1","source":"/s","type":"t"}"#.utf8)))
        #expect(bare.body == [])  // an empty data section rather than none
        var bareStripped = bare
        bareStripped.applicationProperties.removeAll { $0.name == "cloudEvents_time" }
        #expect(try AMQPEventDecoder().decode(bareStripped).data == nil)
    }

    @Test(
        "what the peer reads but should not: mixed separators, no specversion, cloudEvents_datacontenttype; and its invented time"
    )
    func peerLeniency() throws {
        let mixed = AMQPMessage(applicationProperties: [
            .init(name: "cloudEvents_specversion", value: .string("1.0")),
            .init(name: "cloudEvents:id", value: .string("1")),
            .init(name: "cloudEvents_source", value: .string("/s")),
            .init(name: "cloudEvents_type", value: .string("t")),
        ])
        let unversioned = AMQPMessage(applicationProperties: Array(mixed.applicationProperties.dropFirst()))
        var contentTyped = try AMQPEventEncoder().encode(CloudEvent(id: "1", source: "/s", type: "t"))
        contentTyped.applicationProperties.append(
            .init(name: "cloudEvents_datacontenttype", value: .string("text/plain")))
        contentTyped.body = Array("hi".utf8)
        for (message, code) in [
            (mixed, CloudEventError.Code.malformedInput), (unversioned, .notACloudEvent),
            (contentTyped, .malformedInput),
        ] {
            let answer = try AMQPPeerJSON.peer("decode", try AMQPPeerJSON.json(message))
            #expect(Self.attribute(answer, "id") == ["str", "1"])  // the peer takes it
            // The peer gives the event a time it never had, the time it read it.
            #expect(Self.attribute(answer, "time")?.first == "datetime")
            #expect(cloudEventError { try AMQPEventDecoder().decode(message) }?.code == code)
        }
    }

    @Test("Python encodes binary data, in both modes: the bytes arrive as Binary", arguments: ["binary", "structured"])
    func pythonToSwiftBinaryData(mode: String) throws {
        let source = #"""
            {"specversion":"1.0","id":"1","source":"/s","type":"t","time":"2026-12-01T08:30:00Z",
             "datacontenttype":"application/octet-stream","data_base64":"AAH/"}
            """#
        var message = try AMQPPeerJSON.message(try AMQPPeerJSON.peer(mode, Array(source.utf8)))
        if mode == "binary" {
            // Even a whole-second UTC time goes as a long, not a timestamp: refused as before.
            #expect(message.applicationProperty("cloudEvents_time") == .long(1_796_113_800_000))
            #expect(cloudEventError { try AMQPEventDecoder().decode(message) }?.attribute == "time")
            message.applicationProperties.removeAll { $0.name == "cloudEvents_time" }
        }
        let event = try AMQPEventDecoder().decode(message)
        #expect(event.data == .binary([0, 1, 255]))
        #expect(event.dataContentType == "application/octet-stream")
        #expect(event.time?.rfc3339 == (mode == "binary" ? nil : "2026-12-01T08:30:00Z"))
    }

    @Test("Python encodes structured: Swift decodes every attribute as the JSON format carries it")
    func pythonToSwiftStructured() throws {
        // The JSON format cannot carry a bytes extension, which the peer cannot write; the rest.
        let source = #"""
            {"specversion":"1.0","id":"ïd-2","source":"/s","type":"com.example.t","subject":"Grüße 🌍",
             "time":"2026-12-01T08:30:00.123456+08:00","retrycount":3,"flag":true,
             "datacontenttype":"application/json","data":{"a":1}}
            """#
        let message = try AMQPPeerJSON.message(try AMQPPeerJSON.peer("structured", Array(source.utf8)))
        #expect(try AMQPEventDecoder().mode(of: message) == .structured)
        #expect(message.properties.contentType == "application/cloudevents+json")
        let event = try AMQPEventDecoder().decode(message)
        #expect(event.id == "ïd-2")
        #expect(event.subject == "Grüße 🌍")
        #expect(event.time?.rfc3339 == "2026-12-01T08:30:00.123456+08:00")
        #expect(event[extension: "retrycount"] == .integer(3))
        #expect(event[extension: "flag"] == .boolean(true))
        #expect(event.data == .json(#"{"a": 1}"#))
        // An Integer outside the range, which the peer accepts and writes, is refused here too.
        let big = source.replacingOccurrences(of: #""flag":true"#, with: #""flag":true,"big":1099511627776"#)
        let bigMessage = try AMQPPeerJSON.message(try AMQPPeerJSON.peer("structured", Array(big.utf8)))
        let error = cloudEventError { try AMQPEventDecoder().decode(bigMessage) }
        #expect(error?.code == .integerOutOfRange)
        #expect(error?.attribute == "big")
    }
}
