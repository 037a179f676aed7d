import CloudEventsConformance
import HTTPTypes
import Testing

@Suite("Gherkin parsing and raw HTTP requests")
struct GherkinParserTests {
    static let outline = """
        @http
        Feature: Sample
            Free text describing the feature.

            Background:
            Given HTTP Protocol Binding is supported

            # a comment
            Scenario Outline: Thing (<kind>)
            Given an HTTP request
                \"\"\"
                POST / HTTP/1.1
                Content-Type: <kind>

                {
                    "k": "<kind>"
                }
                \"\"\"
            Then the attributes are:
                | key | value  |
                | a   | <kind> |
                | b   | x \\| y |
            Examples:
            | kind  |
            | one   |
            | two   |
        """

    @Test("Outline rows become scenarios with placeholders substituted and the background first")
    func outlineExpansion() throws {
        let scenarios = try FeatureScenario.parse(feature: Self.outline, file: "sample.feature")
        #expect(scenarios.map(\.name) == ["Thing (one)", "Thing (two)"])
        #expect(scenarios.map(\.description) == ["sample.feature: Thing (one)", "sample.feature: Thing (two)"])
        #expect(scenarios[0].feature == "Sample")
        #expect(scenarios[0].tags == ["@http"])
        let steps = scenarios[1].steps
        #expect(steps.map(\.keyword) == ["Given", "Given", "Then"])
        #expect(steps[0].text == "HTTP Protocol Binding is supported")
        #expect(steps[2].table == [["key", "value"], ["a", "two"], ["b", "x | y"]])
        #expect(steps[1].docString == "POST / HTTP/1.1\nContent-Type: two\n\n{\n    \"k\": \"two\"\n}")
    }

    @Test("Doc string indentation: only the opening delimiter's indentation is removed")
    func docStringIndentation() throws {
        let text = """
            Feature: F
              Scenario: S
                Given an HTTP request
                  \"\"\"
                  a
                      b
                 c
                  \"\"\"
            """
        let scenario = try #require(try FeatureScenario.parse(feature: text, file: "f.feature").first)
        #expect(scenario.steps.first?.docString == "a\n    b\nc")
    }

    @Test("Malformed features are errors with a line")
    func malformed() {
        let unclosed = "Feature: F\nScenario: S\nGiven x\n\"\"\"\nabc\n"
        #expect(throws: ConformanceError.self) { try FeatureScenario.parse(feature: unclosed, file: "f.feature") }
        let noExamples = "Feature: F\nScenario Outline: S <a>\nGiven x\n"
        #expect(throws: ConformanceError.self) { try FeatureScenario.parse(feature: noExamples, file: "f.feature") }
        let stray = "Feature: F\nScenario: S\nGiven x\nthis is not gherkin\n"
        #expect(throws: ConformanceError.self) { try FeatureScenario.parse(feature: stray, file: "f.feature") }
        let tableWithoutStep = "Feature: F\nScenario: S\n| a |\n"
        #expect(throws: ConformanceError.self) {
            try FeatureScenario.parse(feature: tableWithoutStep, file: "f.feature")
        }
    }

    @Test("A raw request: request line, header fields, blank line, body")
    func rawRequest() throws {
        let request = try RawHTTPRequest.parse("POST /x HTTP/1.1\r\nHost: example.com\r\nce-id:  1 \r\n\r\n{\n}")
        #expect(request.method == "POST")
        #expect(request.target == "/x")
        #expect(request.version == "HTTP/1.1")
        #expect(request.headerFields[HTTPField.Name("ce-id")!] == "1")
        #expect(request.headerFields[HTTPField.Name("Host")!] == "example.com")
        #expect(request.body == Array("{\n}".utf8))
        #expect(try RawHTTPRequest.parse("GET / HTTP/1.1").body.isEmpty)
        #expect(throws: ConformanceError.self) { try RawHTTPRequest.parse("POST /x\nHost: a\n") }
        #expect(throws: ConformanceError.self) { try RawHTTPRequest.parse("POST /x HTTP/1.1\nno colon\n") }
        #expect(throws: ConformanceError.self) { try RawHTTPRequest.parse("POST /x HTTP/1.1\nbad name: a\n") }
    }
}
