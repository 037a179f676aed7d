import Foundation
import CloudEventsConformance
import CloudEventsHTTP
import Testing

@Suite("Upstream conformance material: every case and scenario passes")
struct UpstreamConformanceTests {
    @Test("YAML case", arguments: try UpstreamCases.caseRuns())
    func yamlCase(_ run: CaseRun) {
        let result = ConformanceRunner().run(run.conformanceCase, mode: run.mode)
        #expect(result.passed, "\(result)")
        #expect(result.mode == run.mode)
    }

    @Test("HTTP feature scenario", arguments: try UpstreamCases.httpScenarios())
    func httpScenario(_ run: ScenarioRun) {
        let result = FeatureRunner().run(run.scenario)
        #expect(result.passed, "\(result)")
    }

    @Test("Kafka feature scenario", arguments: try UpstreamCases.kafkaScenarios())
    func kafkaScenario(_ run: ScenarioRun) {
        let result = FeatureRunner().run(run.scenario)
        #expect(result.passed, "\(result)")
    }

    @Test("The material is all there: 15 YAML cases in 28 runs, 4 HTTP and 3 Kafka scenarios")
    func materialCounts() throws {
        let cases = try ConformanceCase.load(.builtIn)
        #expect(cases.count == 15)
        #expect(try UpstreamCases.caseRuns().count == 28)
        #expect(try UpstreamCases.httpScenarios().count == 4)
        #expect(try UpstreamCases.kafkaScenarios().count == 3)
    }

    @Test("The built-in report: one line per run, everything passes, nothing skipped")
    func builtInReport() throws {
        let report = try ConformanceReport.run(.builtIn)
        #expect(report.results.count == 28 + 4 + 3)
        #expect(report.failedCount == 0, "\(report.text)")
        #expect(report.passedCount == 35)
        #expect(report.skippedCount == 0)
        #expect(report.summary == "35 passed, 0 failed")
        #expect(report.lines.count == report.results.count)
        #expect(report.lines.contains("PASS yaml/v1.yaml#0 [binary]"))
        #expect(
            report.lines.contains(
                "PASS yaml/v1.0/v1_minimum.yaml#2 (Minimum application/json; charset=utf-8) [structured]"))
        #expect(report.text.hasSuffix("\n35 passed, 0 failed"))
    }

    @Test("The built-in cases are the files of Sources/CloudEventsConformance/Cases, read from disk")
    func builtInEqualsDirectory() throws {
        let fromDisk = try ConformanceReport.run(.directory(UpstreamCases.directory))
        #expect(fromDisk == (try ConformanceReport.run(.builtIn)))
        #expect(try ConformanceCase.load(.directory(UpstreamCases.directory)) == ConformanceCase.load(.builtIn))
        #expect(try FeatureScenario.load(.directory(UpstreamCases.directory)) == FeatureScenario.load(.builtIn))
        #expect(ConformanceMaterial.builtIn.description.contains(String(ConformanceMaterial.upstreamCommit.prefix(7))))
    }

    @Test("A directory search skips hidden files and folders and build folders")
    func directorySearchSkipsHiddenAndBuildFolders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let valid = """
            ContextAttributes:
              specversion: 1.0
              id: "1"
              source: /s
              type: t
            """
        // Not cases: each of these would fail to parse as one.
        let notCases = ["x: [unclosed", "- a list", "just text"]
        for (path, text) in [
            ("cases/one.yaml", valid), (".build/checkouts/Yams/.jazzy.yaml", notCases[0]),
            ("cases/.hidden.yaml", notCases[1]), ("build/debug/x.yaml", notCases[2]), ("cases/.git/y.yaml", notCases[0]),
        ] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let cases = try ConformanceCase.load(.directory(root.path))
        #expect(cases.map(\.name) == ["cases/one.yaml#0"])
        // The same files are cases (and errors) when searched for directly.
        #expect(throws: ConformanceError.self) { try ConformanceCase.load(.directory(root.appendingPathComponent("build").path)) }
    }
}
