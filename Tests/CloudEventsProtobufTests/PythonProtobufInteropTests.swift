import CloudEvents
import CloudEventsProtobuf
import CoreTestSupport
import Foundation
import Testing

/// Interop with the Protobuf runtime for Python (PyPI protobuf 7.36.2), which reads and writes the
/// specification's schema compiled at test time by grpcio-tools (`Tests/Peers/protobuf_peer.py`),
/// both directions.
@Suite("Protobuf interop with Python's protobuf", .timeLimit(.minutes(10)))
struct PythonProtobufInteropTests {
    static func decodedByPython(_ bytes: [UInt8], batch: Bool = false) throws -> [[String: Any]] {
        let answer = try PythonPeer.run(
            "protobuf_peer.py", batch ? "decode-batch" : "decode", json: ["protobuf": Data(bytes).base64EncodedString()]
        )
        return try #require(answer["events"] as? [[String: Any]])
    }

    static func encodedByPython(_ events: [[String: Any]], batch: Bool = false) throws -> [UInt8] {
        let answer = try PythonPeer.run("protobuf_peer.py", batch ? "encode-batch" : "encode", json: ["events": events])
        return Array(try #require((answer["protobuf"] as? String).flatMap { Data(base64Encoded: $0) }))
    }

    @Test(
        "Swift encodes, Python decodes: every attribute in its oneof field, the time's instant, JSON data as text_data")
    func swiftToPython() throws {
        let bytes = try ProtobufEventFormat().encode(try ProtobufFormatTests.event())
        let event = try #require(try Self.decodedByPython(bytes).first)
        #expect(event["id"] as? String == "ïd-1")
        #expect(event["spec_version"] as? String == "1.0")
        #expect(event["source"] as? String == "/orders/%C3%B6")
        let attributes = try #require(event["attributes"] as? [String: [Any]])
        func pair(_ name: String) -> String { attributes[name].map { "\($0[0]) \($0[1])" } ?? "absent" }
        #expect(pair("retrycount") == "ce_integer -3")
        #expect(pair("flag") == "ce_boolean 1")
        #expect(pair("blob") == "ce_bytes AP8=")
        #expect(pair("site") == "ce_uri https://example.com/a")
        #expect(pair("ref") == "ce_uri_ref ../b#c")
        #expect(pair("subject") == "ce_string Grüße 🌍")
        #expect(pair("dataschema") == "ce_uri https://example.com/s.json")
        let time = try #require(attributes["time"]?[1] as? [Int])
        #expect(time == [1_796_113_800, 123_456_789])
        let data = try #require(event["data"] as? [String: String])
        #expect(data["text"] == #"{"total":12.50,"big":12345678901234567890}"#)
    }

    @Test("Python encodes, Swift decodes the same event; Python's bytes are ours, byte for byte")
    func pythonToSwift() throws {
        let description: [String: Any] = [
            "id": "p-1", "source": "https://example.com/src", "spec_version": "1.0", "type": "com.example.py",
            "attributes": [
                "datacontenttype": ["ce_string", "text/plain"],
                "time": ["ce_timestamp", [1_700_000_000, 120_000_000]],
                "count": ["ce_integer", 42], "ok": ["ce_boolean", true], "raw": ["ce_bytes", "AAE="],
                "home": ["ce_uri", "https://example.com/"], "rel": ["ce_uri_ref", "a/b"],
                "due": ["ce_timestamp", [0, 0]],
            ],
            "data": ["text": "héllo"],
        ]
        let bytes = try Self.encodedByPython([description])
        let event = try ProtobufEventFormat().decode(bytes[...])
        var expected = CloudEvent(
            id: "p-1", source: "https://example.com/src", type: "com.example.py",
            time: try Timestamp(parsing: "2023-11-14T22:13:20.12Z"), dataContentType: "text/plain", data: .text("héllo")
        )
        expected[extension: "count"] = .integer(42)
        expected[extension: "ok"] = .boolean(true)
        expected[extension: "raw"] = .binary([0, 1])
        expected[extension: "home"] = .uri("https://example.com/")
        expected[extension: "rel"] = .uriReference("a/b")
        expected[extension: "due"] = .timestamp(try Timestamp(parsing: "1970-01-01T00:00:00Z"))
        #expect(event == expected)
        #expect(try ProtobufEventFormat().encode(event) == bytes)
    }

    @Test("Python's Any in proto_data decodes to binary data typed application/protobuf with its type URL")
    func protoData() throws {
        let description: [String: Any] = [
            "id": "p-2", "source": "/s", "spec_version": "1.0", "type": "t",
            "data": ["proto": ["https://type.googleapis.com/google.protobuf.Duration", "CAU="]],
        ]
        let event = try ProtobufEventFormat().decode(try Self.encodedByPython([description])[...])
        #expect(event.dataContentType == "application/protobuf")
        #expect(event.dataSchema == "https://type.googleapis.com/google.protobuf.Duration")
        #expect(event.data == .binary([8, 5]))
        let back = try #require(try Self.decodedByPython(ProtobufEventFormat().encode(event)).first)
        let data = try #require(back["data"] as? [String: [String]])
        #expect(data["proto"] == ["https://type.googleapis.com/google.protobuf.Duration", "CAU="])
    }

    @Test(
        "300 generated events as a batch: Python reads ours and writes the same bytes back, which decode to the same events"
    )
    func generatedBatch() throws {
        let events = try (0..<300).map { try ProtobufGeneratedEventsTests.generator.event($0) }
        let bytes = try ProtobufEventFormat().encodeBatch(events)
        let theirs = try Self.encodedByPython(try Self.decodedByPython(bytes, batch: true), batch: true)
        #expect(theirs == bytes)
        #expect(try ProtobufEventFormat().decodeBatch(theirs[...]) == events.map(ProtobufGeneratedEventsTests.expected))
    }
}
