import CloudEvents
import CloudEventsKafka
import CoreTestSupport
import Foundation
import Testing

/// Interop with the Python SDK's library-free Kafka codec (PyPI cloudevents 2.2.0), both
/// directions, binary and structured, run as a real peer (`Tests/Peers/kafka_peer.py`).
///
/// Where the peer itself loses or changes a value, our side keeps what it received and refuses
/// to read it as what it is not; each such case is asserted as the peer's behaviour:
/// - it writes a Boolean extension as `True`/`False` (Python's `str`), not `true`/`false`;
/// - it keeps times to microseconds, so nanoseconds sent to it do not come back;
/// - it re-serialises JSON data (`{"a": 1}` for `{"a":1}`).
@Suite("Kafka interop with the Python SDK's codec", .timeLimit(.minutes(10)))
struct PythonKafkaInteropTests {
    static let time = "2026-12-01T08:30:00.123456789+08:00"

    static func event() throws -> CloudEvent {
        var event = CloudEvent(
            id: "ïd-1", source: "/orders/%C3%B6", type: "com.example.order.created", subject: "Grüße 🌍",
            time: try Timestamp(parsing: Self.time), data: .json(#"{"total":12.5}"#))
        event[extension: "retrycount"] = .integer(3)
        event[extension: "flag"] = .boolean(true)
        event[extension: "site"] = .uri("https://example.com/a%20b")
        return event
    }

    @Test(
        "Swift encodes, Python decodes: every attribute, non-ASCII text, the time with its offset, the data",
        arguments: [CloudEventContentMode.binary, .structured])
    func swiftToPython(mode: CloudEventContentMode) throws {
        let event = try Self.event()
        let message = try KafkaEventEncoder(mode: mode).encode(event)
        let answer = try Self.peer("decode", Self.json(message))
        let attributes = try #require(answer["attributes"] as? [String: String])
        #expect(attributes["id"] == "ïd-1")
        #expect(attributes["source"] == "/orders/%C3%B6")
        #expect(attributes["subject"] == "Grüße 🌍")
        #expect(attributes["type"] == "com.example.order.created")
        #expect(attributes["retrycount"] == "3")
        // The peer keeps microseconds only (its datetime), with the offset.
        #expect(attributes["time"] == "2026-12-01T08:30:00.123456+08:00")
        let data = try #require((answer["data"] as? String).flatMap { Data(base64Encoded: $0) })
        #expect(String(decoding: data, as: UTF8.self) == #"{"total":12.5}"#)
        switch mode {
        case .binary:
            #expect(attributes["flag"] == "true")
            #expect(attributes["site"] == "https://example.com/a%20b")
        default:
            #expect(attributes["flag"] == "True")  // a JSON Boolean, which the peer holds as Python's True
        }
    }

    @Test(
        "Python encodes, Swift decodes: the values as the peer wrote them, never reinterpreted",
        arguments: ["binary", "structured"])
    func pythonToSwift(mode: String) throws {
        let source = #"""
            {"specversion":"1.0","id":"ïd-2","source":"/s","type":"com.example.t","subject":"Grüße 🌍",
             "time":"2026-12-01T08:30:00.123456+08:00","retrycount":3,"flag":true,
             "datacontenttype":"application/json","data":{"a":1}}
            """#
        let answer = try Self.peer(mode, Array(source.utf8))
        let message = try Self.message(answer)
        let event = try KafkaEventDecoder().decode(message)
        #expect(try KafkaEventDecoder().mode(of: message) == (mode == "binary" ? .binary : .structured))
        #expect(event.id == "ïd-2")
        #expect(event.subject == "Grüße 🌍")
        #expect(event.time?.description == "2026-12-01T08:30:00.123456+08:00")
        #expect(event.dataContentType == "application/json")
        let data = try #require(event.data)
        #expect(data.kind == .json)
        if mode == "binary" {
            // Headers carry text: Integer 3 arrives as "3", readable typed again.
            #expect(try event[extension: "retrycount"]?.integerValue(attribute: "retrycount") == 3)
            // The peer wrote Python's "True": kept as sent, and refused as a Boolean.
            #expect(event[extension: "flag"] == .string("True"))
            #expect(cloudEventError { try event[extension: "flag"]?.booleanValue(attribute: "flag") }?.code != nil)
            #expect(String(decoding: data.bytes, as: UTF8.self) == #"{"a": 1}"#)
        } else {
            #expect(event[extension: "retrycount"] == .integer(3))
            #expect(event[extension: "flag"] == .boolean(true))
        }
    }

    /// The message as the peer's JSON.
    static func json(_ message: KafkaMessage) throws -> [UInt8] {
        let object: [String: Any] = [
            "key": message.key.map { Data($0).base64EncodedString() } as Any,
            "headers": message.headers.map { [$0.name, Data($0.value).base64EncodedString()] },
            "value": message.value.map { Data($0).base64EncodedString() } as Any,
        ]
        return Array(try JSONSerialization.data(withJSONObject: object))
    }

    /// The message in the peer's JSON.
    static func message(_ object: [String: Any]) throws -> KafkaMessage {
        func bytes(_ value: Any?) -> [UInt8]? {
            (value as? String).flatMap { Data(base64Encoded: $0) }.map { Array($0) }
        }
        let headers = try #require(object["headers"] as? [[String]])
        return KafkaMessage(
            key: bytes(object["key"]),
            headers: headers.map { KafkaMessage.Header(name: $0[0], value: bytes($0[1]) ?? []) },
            value: bytes(object["value"]))
    }

    /// Runs the peer with `command` and `input` on its standard input; its JSON answer.
    static func peer(_ command: String, _ input: [UInt8]) throws -> [String: Any] {
        try PythonPeer.run("kafka_peer.py", command, input: input)
    }
}
