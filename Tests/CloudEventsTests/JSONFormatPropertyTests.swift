import CoreTestSupport
import Testing

@testable import CloudEvents

@Suite("JSON event format: round-trip properties over generated events")
struct JSONFormatPropertyTests {
    let format = JSONEventFormat()

    @Test("decode(encode(e)) == e for 3,000 generated events")
    func decodeEncode() throws {
        var generator = EventGenerator(seed: 0xC0FFEE)
        for _ in 0..<3000 {
            let event = generator.event()
            try event.validate()
            let encoded = try format.encode(event)
            let decoded = try format.decode(encoded)
            // JSON carries Boolean and Integer natively; every other extension type travels as a string.
            var expected = event
            for (name, value) in event.extensions where value.type != .boolean && value.type != .integer {
                expected[extension: name] = .string(value.canonicalString)
            }
            #expect(decoded == expected, "\(encoded.text)")
        }
    }

    @Test("encode(decode(b)) == b for canonical documents")
    func encodeDecode() throws {
        var generator = EventGenerator(seed: 42)
        for _ in 0..<3000 {
            let canonical = try format.encode(generator.event())
            #expect(try format.encode(format.decode(canonical)) == canonical)
        }
    }

    @Test("encoding is deterministic and in the documented member order")
    func memberOrder() throws {
        var event = CloudEvent(
            id: "1", source: "/s", type: "t", subject: "sub", time: try Timestamp(parsing: "2018-04-05T03:56:24Z"),
            dataContentType: "application/json", dataSchema: "https://x/s", data: .json("[1]"))
        event[extension: "zz"] = .integer(1)
        event[extension: "aa"] = .boolean(false)
        let expected = #"{"specversion":"1.0","id":"1","source":"/s","type":"t","subject":"sub","time":"2018-04-05T03:56:24Z","datacontenttype":"application/json","dataschema":"https://x/s","zz":1,"aa":false,"data":[1]}"#
        #expect(try format.encode(event).text == expected)
        #expect(try format.encode(event) == format.encode(event))
    }

    @Test("encoding validates first and refuses an invalid event")
    func encodeValidates() {
        let event = CloudEvent(id: "", source: "/s", type: "t")
        #expect(cloudEventError { try format.encode(event) }?.code == .invalidEvent)
    }

    @Test("JSON data that is not one JSON value is refused on encode", arguments: ["", "{", "1 2", "[1,]", "nul", "\"a"])
    func encodeChecksJSONData(data: String) {
        let event = CloudEvent(id: "1", source: "/s", type: "t", data: .json(data))
        let error = cloudEventError { try format.encode(event) }
        #expect(error?.code == .invalidData)
        #expect(error?.attribute == "data")
    }

    @Test("binary data is data_base64; text with a non-JSON type is a JSON string")
    func dataForms() throws {
        let binary = CloudEvent(id: "1", source: "/s", type: "t", data: .binary([0xFF, 0]))
        #expect(try format.encode(binary).text.hasSuffix(#""data_base64":"/wA="}"#))
        let text = CloudEvent(
            id: "1", source: "/s", type: "t", dataContentType: "text/plain", data: .text("line\n\"q\"\u{1}"))
        #expect(try format.encode(text).text.hasSuffix(#""data":"line\n\"q\"\u0001"}"#))
    }
}

@Suite("JSON batch format")
struct JSONBatchTests {
    let format = JSONEventFormat()

    @Test("an empty batch is valid both ways")
    func empty() throws {
        #expect(try format.decodeBatch("[]").isEmpty)
        #expect(try format.decodeBatch(" [ ] ").isEmpty)
        #expect(try format.encodeBatch([]) == Array("[]".utf8))
    }

    @Test("batches round-trip")
    func roundTrip() throws {
        var generator = EventGenerator(seed: 7)
        let events = (0..<200).map { _ in generator.event(specVersion: .v1_0) }
        let encoded = try format.encodeBatch(events)
        let decoded = try format.decodeBatch(encoded)
        #expect(decoded.count == 200)
        #expect(try format.encodeBatch(decoded) == encoded)
    }

    @Test("an error names the index of the failing event and the batch's byte offset")
    func failingIndex() {
        let batch = #"[{"specversion":"1.0","id":"1","source":"/s","type":"t"}, {"specversion":"1.0","id":"2","source":"/s","type":"t","n":1.5}]"#
        let error = cloudEventError { try format.decodeBatch(batch) }
        #expect(error?.index == 1)
        #expect(error?.attribute == "n")
        #expect(error?.byteOffset == 117)
        #expect(error?.description.contains("[event 1]") == true)
        let invalid = #"[{"specversion":"1.0","id":"1","source":"/s","type":"t"},{"specversion":"1.0","id":"","source":"/s","type":"t"}]"#
        #expect(cloudEventError { try format.decodeBatch(invalid) }?.index == 1)
        let event = CloudEvent(id: "", source: "/s", type: "t")
        #expect(cloudEventError { try format.encodeBatch([CloudEvent(source: "/s", type: "t"), event]) }?.index == 1)
    }

    @Test("malformed batches", arguments: [
        "", "{}", "[", "[{}", #"[{"specversion":"1.0","id":"1","source":"/s","type":"t"},]"#, "[1]", "[] []",
    ])
    func malformed(document: String) {
        #expect(cloudEventError { try format.decodeBatch(document) } != nil)
    }

    @Test("batch length is limited")
    func lengthLimit() {
        let limited = JSONEventFormat(limits: .init(maximumBatchLength: 2))
        let one = #"{"specversion":"1.0","id":"1","source":"/s","type":"t"}"#
        #expect(throws: Never.self) { try limited.decodeBatch("[\(one),\(one)]") }
        #expect(cloudEventError { try limited.decodeBatch("[\(one),\(one),\(one)]") }?.code == .limitExceeded)
    }

    @Test("each decoded event of a batch owns only its own bytes")
    func batchEventsAreCompact() throws {
        let one = #"{"specversion":"1.0","id":"1","source":"/s","type":"t"}"#
        let batch = "[" + Array(repeating: one, count: 100).joined(separator: ",") + "]"
        let events = try format.decodeBatch(batch)
        #expect(events.allSatisfy { $0.storage.text.count == one.utf8.count })
    }
}
