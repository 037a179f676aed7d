import CloudEvents
import CloudEventsAvro
import CoreTestSupport
import Foundation
import Testing

/// Interop with fastavro (PyPI fastavro 1.9.7), an independent Avro implementation given the
/// specification's schema (`Tests/Peers/avro_peer.py`), both directions.
@Suite("Avro interop with fastavro", .timeLimit(.minutes(10)))
struct FastavroInteropTests {
    @Test("Swift encodes, fastavro decodes: every attribute in its Avro type, the time exact, the data's bytes")
    func swiftToFastavro() throws {
        let event = try AvroFormatTests.eventWithTextTypedExtensions()
        let bytes = try AvroEventFormat(textTypedExtensions: .writeAsString).encode(event)
        let answer = try PythonPeer.run("avro_peer.py", "decode", json: ["avro": Data(bytes).base64EncodedString()])
        let attributes = try #require(answer["attribute"] as? [String: [Any]])
        func pair(_ name: String) -> String { attributes[name].map { "\($0[0]) \($0[1])" } ?? "absent" }
        #expect(pair("id") == "string ïd-1")
        #expect(pair("subject") == "string Grüße 🌍")
        #expect(pair("time") == "string \(AvroFormatTests.time)")
        #expect(pair("retrycount") == "int -3")
        #expect(pair("flag") == "boolean 1")
        #expect(pair("blob") == "bytes AP8=")
        #expect(pair("site") == "string https://example.com/a")
        let data = try #require((answer["data"] as? [String: String])?["bytes"])
        #expect(
            Data(base64Encoded: data).map { String(decoding: $0, as: UTF8.self) }
                == #"{"total":12.50,"big":12345678901234567890}"#)
    }

    @Test("fastavro writes the same bytes for the same record, attribute for attribute")
    func sameBytes() throws {
        let event = CloudEvent(
            id: "1", source: "/s", type: "t", subject: "ü", data: .binary([1, 2]),
            extensions: ["n": .integer(7), "f": .boolean(false)])
        let record: [String: Any] = [
            "attribute": [
                "specversion": ["string", "1.0"], "id": ["string", "1"], "source": ["string", "/s"],
                "type": ["string", "t"],
                "subject": ["string", "ü"], "n": ["int", 7], "f": ["boolean", false],
            ],
            "data": ["bytes": "AQI="],
        ]
        // JSONSerialization keeps no member order; the peer is given the members in our order.
        let ordered = try Self.orderedJSON(record, order: ["specversion", "id", "source", "type", "subject", "n", "f"])
        let answer = try PythonPeer.run("avro_peer.py", "encode", input: ordered)
        let theirs = try #require((answer["avro"] as? String).flatMap { Data(base64Encoded: $0) })
        #expect(Array(theirs) == (try AvroEventFormat().encode(event)))
    }

    @Test(
        "fastavro writes the schema's JSON-value data branches; Swift reads them as JSON data, typed attributes typed")
    func fastavroJSONData() throws {
        let record: [String: Any] = [
            "attribute": [
                "specversion": ["string", "1.0"], "id": ["string", "j-1"], "source": ["string", "/s"],
                "type": ["string", "t"], "count": ["int", 42], "ok": ["boolean", true], "raw": ["bytes", "AAE="],
            ],
            "data": [
                "json": [
                    "total": 12.5, "note": "a \"quoted\" ü",
                    "nested": ["value": ["deep": true, "list": [["value": ["x": 1.0]]]]], "none": NSNull(),
                ]
            ],
        ]
        let answer = try PythonPeer.run("avro_peer.py", "encode", json: record)
        let bytes = try #require((answer["avro"] as? String).flatMap { Data(base64Encoded: $0) })
        let event = try AvroEventFormat().decode(Array(bytes)[...])
        #expect(event.id == "j-1")
        #expect(event[extension: "count"] == .integer(42))
        #expect(event[extension: "ok"] == .boolean(true))
        #expect(event[extension: "raw"] == .binary([0, 1]))
        let data = try #require(event.data)
        #expect(data.kind == .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(data.bytes)) as? [String: Any])
        #expect(object["total"] as? Double == 12.5)
        #expect(object["note"] as? String == "a \"quoted\" ü")
        let nested = try #require(object["nested"] as? [String: Any])
        #expect(nested["deep"] as? Bool == true)
        #expect(((nested["list"] as? [[String: Any]])?.first?["x"]) as? Double == 1.0)
        #expect(object["none"] is NSNull)
    }

    @Test("fastavro writes a double, a string or a boolean as the whole data: JSON values")
    func fastavroScalarData() throws {
        for (value, expected) in [(12.5 as Any, "12.5"), ("text" as Any, #""text""#), (true as Any, "true")] {
            let record: [String: Any] = [
                "attribute": [
                    "specversion": ["string", "1.0"], "id": ["string", "1"], "source": ["string", "/s"],
                    "type": ["string", "t"],
                ],
                "data": ["json": value],
            ]
            let answer = try PythonPeer.run("avro_peer.py", "encode", json: record)
            let bytes = try #require((answer["avro"] as? String).flatMap { Data(base64Encoded: $0) })
            let event = try AvroEventFormat().decode(Array(bytes)[...])
            #expect(event.data.map { String(decoding: $0.bytes, as: UTF8.self) } == expected)
        }
    }

    /// `object` as JSON whose "attribute" members come in `order`.
    static func orderedJSON(_ object: [String: Any], order: [String]) throws -> [UInt8] {
        let attributes = try #require(object["attribute"] as? [String: Any])
        let members = try order.map { name -> String in
            let value = try JSONSerialization.data(withJSONObject: try #require(attributes[name]))
            return "\"\(name)\":" + String(decoding: value, as: UTF8.self)
        }
        let data = try JSONSerialization.data(withJSONObject: try #require(object["data"]))
        return Array(
            ("{\"attribute\":{" + members.joined(separator: ",") + "},\"data\":" + String(decoding: data, as: UTF8.self)
                + "}").utf8)
    }
}

/// Interop with fastavro given the Avro compact format's draft schema
/// (`Tests/Peers/avro_compact_peer.py`), both directions.
@Suite("Avro compact interop with fastavro", .timeLimit(.minutes(10)))
struct FastavroCompactInteropTests {
    @Test("Swift encodes, fastavro decodes: each field, the time in UTC microseconds, typed extensions")
    func swiftToFastavro() throws {
        let event = try AvroCompactFormatTests.event()
        let bytes = try AvroCompactEventFormat().encode(event)
        let record = try PythonPeer.run(
            "avro_compact_peer.py", "decode", json: ["avro": Data(bytes).base64EncodedString()])
        #expect(record["id"] as? String == "ïd-1")
        #expect(record["subject"] as? String == "Grüße 🌍")
        #expect(record["dataschema"] as? String == "https://example.com/s.json")
        #expect((record["time"] as? NSNumber)?.int64Value == 1_796_113_800_123_000)
        let extensions = try #require(record["extensions"] as? [String: [Any]])
        func pair(_ name: String) -> String { extensions[name].map { "\($0[0]) \($0[1])" } ?? "absent" }
        #expect(pair("retrycount") == "int -3")
        #expect(pair("flag") == "boolean 1")
        #expect(pair("blob") == "bytes AP8=")
        #expect(pair("note") == "string ünïcode")
        #expect(pair("due") == "timestamp-micros 1798070400000120")
        let data = try #require((record["data"] as? String).flatMap { Data(base64Encoded: $0) })
        #expect(String(decoding: data, as: UTF8.self) == #"{"total":12.50,"big":12345678901234567890}"#)
    }

    @Test("fastavro encodes, Swift decodes the same event; and fastavro writes our bytes exactly")
    func fastavroToSwift() throws {
        // JSON text, so that the extension map's entries come in our order and the bytes compare.
        let request = #"""
            {"id": "ïd-1", "source": "/orders/%C3%B6", "type": "com.example.order.created",
             "datacontenttype": "application/json", "dataschema": "https://example.com/s.json",
             "subject": "Grüße 🌍", "time": 1796113800123000,
             "extensions": {"retrycount": ["int", -3], "flag": ["boolean", true], "blob": ["bytes", "AP8="],
                            "note": ["string", "ünïcode"], "due": ["timestamp-micros", 1798070400000120]},
             "data": "eyJ0b3RhbCI6MTIuNTAsImJpZyI6MTIzNDU2Nzg5MDEyMzQ1Njc4OTB9"}
            """#
        let answer = try PythonPeer.run("avro_compact_peer.py", "encode", input: Array(request.utf8))
        let theirs = try #require((answer["avro"] as? String).flatMap { Data(base64Encoded: $0) })
        let event = try AvroCompactFormatTests.event()
        #expect(try AvroCompactEventFormat().decode(Array(theirs)[...]) == event)
        #expect(Array(theirs) == (try AvroCompactEventFormat().encode(event)))
    }
}
