import CoreTestSupport
import Foundation
import Testing

@Suite("cloudevents validate")
struct ValidateCommandTests {
    static let goodEvent = #"""
        {"specversion":"1.0","id":"a-1","source":"/orders","type":"com.example.order.created",
         "time":"2024-05-20T14:23:18.123456789+08:00","retrycount":3,"datacontenttype":"application/json",
         "data":{"total":1.10}}
        """#

    @Test("valid files print nothing and exit 0")
    func validFiles() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let event = try directory.write("event.json", Self.goodEvent)
        let batch = try directory.write("batch.json", "  [\(Self.goodEvent), \(Self.goodEvent)]\n")
        let empty = try directory.write("empty-batch.json", "[]")
        let result = try await runTool(["validate", event, batch, empty])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.isEmpty)
        #expect(result.error.isEmpty)
    }

    @Test("every violation of one event is printed, one line each: types, times, names and rules")
    func everyViolationOfAnEvent() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let event = #"""
            {"specversion":"1.0","id":7,"source":"","type":"t","time":"yesterday","retrycount":1.5,
             "Bad_Name":"x","count":2147483648,"subject":"ok"}
            """#
        let file = try directory.write("event.json", event)
        let result = try await runTool(["validate", file])
        #expect(result.status == 1)
        let lines = result.outputLines
        let expected = [
            ("id", "attribute_type_mismatch"), ("time", "invalid_timestamp"), ("retrycount", "invalid_attribute_value"),
            ("Bad_Name", "invalid_attribute_name"), ("count", "integer_out_of_range"), ("source", "empty_attribute"),
        ]
        #expect(lines.count == expected.count, "\(lines)")
        for (attribute, code) in expected {
            #expect(
                lines.contains { $0.hasPrefix("\(file): \(attribute): ") && $0.contains("[\(code)]") },
                "\(attribute) [\(code)] in \(lines)")
        }
    }

    @Test("every invalid event of a batch is reported with its index and attribute")
    func invalidBatch() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let noSource = #"{"specversion":"1.0","id":"b","type":"t"}"#
        let tooBig = #"{"specversion":"1.0","id":"d","source":"/s","type":"t","retrycount":2147483648}"#
        let batch = try directory.write("batch.json", "[\(Self.goodEvent),\(noSource),\(Self.goodEvent),\(tooBig)]")
        let result = try await runTool(["validate", batch])
        #expect(result.status == 1)
        let lines = result.outputLines
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("\(batch): event 1: source: ") && $0.contains("[missing_attribute]") })
        #expect(
            lines.contains { $0.hasPrefix("\(batch): event 3: retrycount: ") && $0.contains("[integer_out_of_range]") })
    }

    @Test("every violation of one event is its own line")
    func everyViolation() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("bad.json", #"{"specversion":"1.0","id":"","source":"/s","type":""}"#)
        let good = try directory.write("good.json", Self.goodEvent)
        let result = try await runTool(["validate", good, file])
        #expect(result.status == 1)
        #expect(result.outputLines.count == 2, "\(result.outputLines)")
        #expect(result.outputLines.contains { $0.hasPrefix("\(file): id: ") && $0.hasSuffix("[empty_attribute]") })
        #expect(result.outputLines.contains { $0.hasPrefix("\(file): type: ") && $0.hasSuffix("[empty_attribute]") })
    }

    @Test("malformed JSON is reported with its byte offset; --quiet prints nothing")
    func malformed() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("broken.json", #"{"specversion":"1.0","id":"x" "source":"/s"}"#)
        let result = try await runTool(["validate", file])
        #expect(result.status == 1)
        #expect(result.outputLines.count == 1)
        #expect(result.output.contains("[malformed_input] (byte "), "\(result.output)")
        let quiet = try await runTool(["validate", "--quiet", file])
        #expect(quiet.status == 1)
        #expect(quiet.output.isEmpty)
    }

    @Test("standard input, a missing file, and neither an event nor a batch")
    func inputs() async throws {
        let fromStandardInput = try await runTool(["validate"], input: Array(Self.goodEvent.utf8))
        #expect(fromStandardInput.status == 0, "\(fromStandardInput.error)")
        let dash = try await runTool(["validate", "-"], input: Array("\"just a string\"".utf8))
        #expect(dash.status == 1)
        #expect(dash.output.hasPrefix("standard input: expected '{' (an event) or '[' (a batch)"), "\(dash.output)")
        let missing = try await runTool(["validate", "/nonexistent/event.json"])
        #expect(missing.status == 1)
        #expect(missing.error.contains("cannot read /nonexistent/event.json"))
    }

    @Test("a large batch validates, and --timing reports the rate")
    func largeBatch() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let template = String(decoding: try TestMaterial.mediumEvent(), as: UTF8.self)
        let idMember = #""id":"0f9c2e7a-5b1d-4c3e-9a8f-2d6e4b1c7a90""#
        #expect(template.contains(idMember))
        let count = 20_000
        var text = "["
        for index in 0..<count {
            if index > 0 { text += ",\n" }
            text += template.replacingOccurrences(of: idMember, with: #""id":"event-\#(index)""#)
        }
        text += "]"
        let file = try directory.write("large.json", text)
        let result = try await runTool(["validate", "--timing", file], timeout: .seconds(600))
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.isEmpty)
        #expect(result.error.contains("\(count) events, valid"), "\(result.error)")
        #expect(result.error.contains("events/s"))
    }
}
