import CloudEvents
import CloudEventsConformance
import CloudEventsHTTP
import HTTPTypes
import Testing

/// The runners must be able to fail: each test breaks the message on its way, or the
/// expectation, and checks the result names the difference.
@Suite("Conformance runners report differences")
struct NegativeConformanceTests {
    static let sample = ConformanceCase(
        name: "sample.yaml#0",
        contextAttributes: [
            "specversion": "1.0", "id": "1", "source": "/s", "type": "t", "subject": "sub",
            "datacontenttype": "application/json",
        ],
        extensions: ["color": "blue"], transportExtensions: ["user-agent": "test"], data: "{\"a\": [1, 2]}\n")

    static func runner(_ change: @escaping @Sendable (inout EncodedHTTPMessage) -> Void) -> ConformanceRunner {
        ConformanceRunner(relay: { message in
            var copy = message
            change(&copy)
            return copy
        })
    }

    @Test("Unchanged, the sample passes in both modes, and transport extensions do not become attributes")
    func samplePasses() {
        let results = ConformanceRunner().run(Self.sample)
        #expect(results.map(\.mode) == [.binary, .structured])
        #expect(results.allSatisfy { $0.passed }, "\(results)")
        #expect(results.map(\.description) == ["PASS sample.yaml#0 [binary]", "PASS sample.yaml#0 [structured]"])
    }

    @Test("A missing attribute fails, naming it")
    func missingAttribute() {
        let result = Self.runner { $0.headerFields[HTTPField.Name("ce-subject")!] = nil }.run(
            Self.sample, mode: .binary)
        #expect(result.failed)
        #expect(result.differences == [#"attribute subject is missing (expected "sub")"#])
        #expect(result.description == #"FAIL sample.yaml#0 [binary]: attribute subject is missing (expected "sub")"#)
    }

    @Test("An extra attribute fails, naming it and its value")
    func extraAttribute() {
        let result = Self.runner { $0.headerFields[HTTPField.Name("ce-extra")!] = "x" }.run(Self.sample, mode: .binary)
        #expect(result.differences == [#"unexpected attribute extra = "x""#])
    }

    @Test("A different attribute value fails, showing both")
    func differentValue() {
        let result = Self.runner { $0.headerFields[HTTPField.Name("ce-color")!] = "red" }.run(
            Self.sample, mode: .binary)
        #expect(result.differences == [#"attribute color is "red", expected "blue""#])
    }

    @Test("Different JSON data fails; the same JSON written differently passes")
    func differentData() {
        let different = Self.runner { $0.body = Array(#"{"a": [2, 1]}"#.utf8) }.run(Self.sample, mode: .binary)
        #expect(different.failed)
        #expect(different.differences.count == 1)
        #expect(different.differences.first?.hasPrefix("data is JSON") == true, "\(different)")
        let reformatted = Self.runner { $0.body = Array(" { \"a\" : [ 1.0 , 2e0 ] } ".utf8) }.run(
            Self.sample, mode: .binary)
        #expect(reformatted.passed, "\(reformatted)")
    }

    @Test("Different text data fails, at the first differing byte")
    func differentText() {
        var textCase = Self.sample
        textCase.contextAttributes["datacontenttype"] = "text/plain"
        textCase.data = "Hello\n"
        let result = Self.runner { $0.body = Array("Hellp\n".utf8) }.run(textCase, mode: .binary)
        #expect(result.differences == [#"data differs at byte 4: got 6 bytes "Hellp\n", expected 6 bytes "Hello\n""#])
    }

    @Test("Structured mode: a tampered body fails with every difference at once")
    func structuredTampered() {
        let body =
            #"{"specversion":"1.0","id":"1","source":"/s","type":"t","datacontenttype":"application/json","data":{"a":[1,2]},"extra":"x"}"#
        let result = Self.runner { $0.body = Array(body.utf8) }.run(Self.sample, mode: .structured)
        #expect(
            result.differences == [
                #"attribute color is missing (expected "blue")"#, #"unexpected attribute extra = "x""#,
                #"attribute subject is missing (expected "sub")"#,
            ])
    }

    @Test("A message the decoder rejects fails with the decoder's error")
    func undecodable() {
        let result = Self.runner { $0.headerFields[.contentType] = "application/cloudevents+xml" }.run(
            Self.sample, mode: .binary)
        #expect(result.failed)
        #expect(result.differences.first?.hasPrefix("decoding failed: unsupported_format") == true, "\(result)")
    }

    @Test("A mode switch on the way is reported")
    func modeSwitch() throws {
        let structured = try HTTPEventEncoder(mode: .structured).encode(try Self.sample.event())
        let result = Self.runner { $0 = structured }.run(Self.sample, mode: .binary)
        #expect(result.differences == ["decoded as structured mode"])
    }

    // MARK: Feature scenarios

    static func scenario(table: [[String]], json: String, contentType: String = "application/json") -> FeatureScenario {
        let request =
            "POST / HTTP/1.1\nce-specversion: 1.0\nce-id: 1\nce-source: /s\nce-type: t\nContent-Type: \(contentType)\nContent-Length: 999\n\n{\"m\": \"hi\"}"
        return FeatureScenario(
            file: "t.feature", feature: "T", name: "S", line: 1,
            steps: [
                GherkinStep(keyword: "Given", text: "HTTP Protocol Binding is supported", line: 1),
                GherkinStep(keyword: "Given", text: "an HTTP request", docString: request, line: 2),
                GherkinStep(keyword: "When", text: "parsed as HTTP request", line: 3),
                GherkinStep(keyword: "Then", text: "the attributes are:", table: table, line: 4),
                GherkinStep(keyword: "And", text: "the data is equal to the following JSON:", docString: json, line: 5),
            ])
    }

    static let fullTable = [
        ["key", "value"], ["specversion", "1.0"], ["id", "1"], ["source", "/s"], ["type", "t"],
        ["datacontenttype", "application/json"],
    ]

    @Test("A feature scenario passes when it matches (Content-Length ignored), fails on each kind of difference")
    func featureDifferences() {
        let runner = FeatureRunner()
        let passing = runner.run(Self.scenario(table: Self.fullTable, json: "{ \"m\" : \"hi\" }"))
        #expect(passing.passed, "\(passing)")
        #expect(passing.mode == .binary)

        let fewerRows = runner.run(Self.scenario(table: Array(Self.fullTable.dropLast()), json: "{\"m\": \"hi\"}"))
        #expect(fewerRows.differences == [#"unexpected attribute datacontenttype = "application/json""#])

        let moreRows = runner.run(Self.scenario(table: Self.fullTable + [["subject", "x"]], json: "{\"m\": \"hi\"}"))
        #expect(moreRows.differences == [#"attribute subject is missing (expected "x")"#])

        let otherData = runner.run(Self.scenario(table: Self.fullTable, json: "{\"m\": \"bye\"}"))
        #expect(otherData.differences == [#"data is JSON "{\"m\": \"hi\"}", expected "{\"m\": \"bye\"}""#])

        let notJSON = runner.run(
            Self.scenario(table: Self.fullTable, json: "{\"m\": \"hi\"}", contentType: "text/plain"))
        #expect(notJSON.differences == [#"attribute datacontenttype is "text/plain", expected "application/json""#])
        #expect(notJSON.failed)
    }

    @Test("Unknown steps and scenarios without checks fail rather than pass unread")
    func unknownSteps() {
        var scenario = Self.scenario(table: Self.fullTable, json: "{}")
        scenario.steps.append(GherkinStep(keyword: "And", text: "the moon is full", line: 9))
        let unknown = FeatureRunner().run(scenario)
        #expect(unknown.differences.last == "line 9: unsupported step: And the moon is full")

        scenario.steps = Array(scenario.steps.prefix(3))
        #expect(FeatureRunner().run(scenario).differences == ["the scenario checks nothing"])
    }

    @Test("The report counts failures and prints them")
    func reportCounts() {
        let report = ConformanceReport(results: [
            ConformanceResult(name: "a", mode: .binary, differences: []),
            ConformanceResult(name: "b", mode: .structured, differences: ["x", "y"]),
            .skipped("c", reason: "no Kafka"),
        ])
        #expect(report.lines == ["PASS a [binary]", "FAIL b [structured]: x; y", "SKIP c: no Kafka"])
        #expect(report.summary == "1 passed, 1 failed, 1 skipped")
        #expect(ConformanceReport(results: []).summary == "0 passed, 0 failed")
    }
}
