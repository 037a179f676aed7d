import CloudEventsConformance
import CloudEventsHTTP
import Testing

@Suite("Upstream conformance material: every case and scenario passes")
struct UpstreamConformanceTests {
    @Test("YAML case", arguments: try ConformanceMaterial.caseRuns())
    func yamlCase(_ run: CaseRun) {
        let result = ConformanceRunner().run(run.conformanceCase, mode: run.mode)
        #expect(result.passed, "\(result)")
        #expect(result.mode == run.mode)
    }

    @Test("HTTP feature scenario", arguments: try ConformanceMaterial.httpScenarios())
    func httpScenario(_ run: ScenarioRun) {
        let result = FeatureRunner().run(run.scenario)
        #expect(result.passed, "\(result)")
    }

    @Test(
        "Kafka scenarios are skipped with a reason, not run or dropped",
        arguments: try ConformanceMaterial.kafkaScenarios())
    func kafkaScenario(_ run: ScenarioRun) {
        let result = FeatureRunner().run(run.scenario)
        #expect(!result.passed && !result.failed)
        #expect(result.skipReason?.contains("Kafka") == true, "\(result)")
    }

    @Test("The material is all there: 15 YAML cases in 28 runs, 4 HTTP and 3 Kafka scenarios")
    func materialCounts() throws {
        let cases = try ConformanceCase.load(directory: ConformanceMaterial.yamlDirectory)
        #expect(cases.count == 15)
        #expect(try ConformanceMaterial.caseRuns().count == 28)
        #expect(try ConformanceMaterial.httpScenarios().count == 4)
        #expect(try ConformanceMaterial.kafkaScenarios().count == 3)
    }

    @Test("The report over the whole directory: one line per run, everything passes, Kafka skipped")
    func wholeDirectoryReport() throws {
        let report = try ConformanceReport.run(directory: ConformanceMaterial.directory)
        #expect(report.results.count == 28 + 4 + 3)
        #expect(report.failedCount == 0, "\(report.text)")
        #expect(report.passedCount == 32)
        #expect(report.skippedCount == 3)
        #expect(report.summary == "32 passed, 0 failed, 3 skipped")
        #expect(report.lines.count == report.results.count)
        #expect(report.lines.contains("PASS yaml/v1.yaml#0 [binary]"))
        #expect(
            report.lines.contains(
                "PASS yaml/v1.0/v1_minimum.yaml#2 (Minimum application/json; charset=utf-8) [structured]"))
        #expect(report.text.hasSuffix("\n32 passed, 0 failed, 3 skipped"))
    }
}
