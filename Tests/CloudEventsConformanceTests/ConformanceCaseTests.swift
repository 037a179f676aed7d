import CloudEvents
import CloudEventsConformance
import CloudEventsHTTP
import Testing

@Suite("Conformance YAML cases: parsing and building events")
struct ConformanceCaseTests {
    static let twoDocuments = """
        # First: binary with extensions
        Mode: binary
        ContextAttributes:
          specversion: 1.0
          type: com.example.someevent
          time: 2018-04-05T03:56:24Z
          id: 4321-4321-4321
          source: /mycontext/subcontext
          Extensions:
            comexampleextension1 : "value"
            comexampleextension2 : |
              {"othervalue": 5}
        TransportExtensions:
          user-agent: "foo"
        Data: |
            {"world":"hello"}
        ---
        ContextAttributes:
          specversion: 0.3
          id: b
          source: /s
          type: t
          datacontenttype: text/plain; charset=utf-8
        Data: |
          Hello!
        """

    @Test("Documents, names, modes and values exactly as YAML gives them")
    func parsesDocuments() throws {
        let cases = try ConformanceCase.parse(yaml: Self.twoDocuments, file: "sample.yaml")
        try #require(cases.count == 2)
        #expect(cases[0].name == "sample.yaml#0 (First: binary with extensions)")
        #expect(cases[1].name == "sample.yaml#1")
        #expect(cases[0].mode == .binary)
        #expect(cases[1].mode == nil)
        #expect(cases[1].modes == [.binary, .structured])
        #expect(cases[0].contextAttributes["specversion"] == "1.0")
        #expect(cases[0].contextAttributes["time"] == "2018-04-05T03:56:24Z")
        #expect(
            cases[0].extensions == ["comexampleextension1": "value", "comexampleextension2": "{\"othervalue\": 5}\n"])
        #expect(cases[0].transportExtensions == ["user-agent": "foo"])
        #expect(cases[0].data == "{\"world\":\"hello\"}\n")
        #expect(cases[1].data == "Hello!\n")
        #expect(cases[0].contextAttributes["Extensions"] == nil)
    }

    @Test("The event: trimmed attribute values, String extensions, data by content type")
    func buildsEvents() throws {
        let cases = try ConformanceCase.parse(yaml: Self.twoDocuments, file: "sample.yaml")
        let first = try cases[0].event()
        #expect(first.specVersion == .v1_0)
        #expect(first[extension: "comexampleextension2"] == .string("{\"othervalue\": 5}"))
        #expect(first[extension: "comexampleextension1"] == .string("value"))
        #expect(first.time?.rfc3339 == "2018-04-05T03:56:24Z")
        #expect(first.dataContentType == nil)
        #expect(first.data == .binary(Array("{\"world\":\"hello\"}\n".utf8)))
        #expect(first[extension: "user-agent"] == nil)

        let second = try cases[1].event()
        #expect(second.specVersion == .v0_3)
        #expect(second.data == .text("Hello!\n"))
        #expect(cases[1].expectedAttributes["datacontenttype"] == "text/plain; charset=utf-8")
    }

    @Test(
        "JSON content types make JSON data, trimmed",
        arguments: ["application/json", "APPLICATION/JSON; charset=utf-8", "application/cloudevents+json", "text/json"])
    func jsonData(contentType: String) throws {
        let conformanceCase = ConformanceCase(
            name: "json",
            contextAttributes: [
                "specversion": "1.0", "id": "1", "source": "/s", "type": "t", "datacontenttype": contentType,
            ],
            data: "  {\"a\": 1}\n")
        #expect(try conformanceCase.event().data == .json("{\"a\": 1}"))
    }

    @Test(
        "Non-JSON content types make text data, kept as it is",
        arguments: ["application/xml", "text/plain", "application/jsonx"])
    func textData(contentType: String) throws {
        let conformanceCase = ConformanceCase(
            name: "text",
            contextAttributes: [
                "specversion": "1.0", "id": "1", "source": "/s", "type": "t", "datacontenttype": contentType,
            ],
            data: "<a/>\n")
        #expect(try conformanceCase.event().data == .text("<a/>\n"))
    }

    @Test("A case without a required attribute cannot build an event")
    func missingRequired() {
        let conformanceCase = ConformanceCase(
            name: "x", contextAttributes: ["specversion": "1.0", "id": "1", "type": "t"])
        #expect(throws: ConformanceError.self) { try conformanceCase.event() }
        let result = ConformanceRunner().run(conformanceCase, mode: .binary)
        #expect(result.failed)
        #expect(result.differences.first?.contains("has no source") == true)
    }

    @Test("Unknown keys, bad modes and non-text values are errors, not ignored")
    func strictParsing() {
        #expect(throws: ConformanceError.self) {
            try ConformanceCase.parse(yaml: "Mode: binary\nContextAtributes:\n  id: 1\n", file: "typo.yaml")
        }
        #expect(throws: ConformanceError.self) { try ConformanceCase.parse(yaml: "Mode: batch\n", file: "mode.yaml") }
        #expect(throws: ConformanceError.self) {
            try ConformanceCase.parse(yaml: "ContextAttributes:\n  id: [1, 2]\n", file: "list.yaml")
        }
        #expect(throws: ConformanceError.self) { try ConformanceCase.parse(yaml: "- a\n- b\n", file: "seq.yaml") }
    }

    @Test("Separators: a leading ---, empty documents and comment-only documents make no case")
    func separators() throws {
        let text = "---\n# only a comment\n---\nContextAttributes:\n  id: a\n---\n\n"
        let cases = try ConformanceCase.parse(yaml: text, file: "f.yaml")
        #expect(cases.map(\.name) == ["f.yaml#0"])
        #expect(cases.first?.contextAttributes == ["id": "a"])
    }

    @Test("CRLF line endings split documents like LF")
    func crlf() throws {
        let text = "# One\r\nContextAttributes:\r\n  id: a\r\n---\r\nContextAttributes:\r\n  id: b\r\n"
        let cases = try ConformanceCase.parse(yaml: text, file: "f.yaml")
        #expect(cases.map(\.name) == ["f.yaml#0 (One)", "f.yaml#1"])
        #expect(cases.map { $0.contextAttributes["id"] } == ["a", "b"])
    }
}
