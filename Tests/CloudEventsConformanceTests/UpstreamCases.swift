import CloudEventsConformance
import CloudEventsHTTP
import Foundation
import Testing

/// The upstream conformance cases built into `CloudEventsConformance`, as test arguments.
enum UpstreamCases {
    /// `Sources/CloudEventsConformance/Cases`, the files the module embeds: three levels up from
    /// this file (`Tests/CloudEventsConformanceTests/`), then down.
    static let directory: String =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/CloudEventsConformance/Cases").path

    /// Every YAML case in each of its modes: one test case each.
    static func caseRuns() throws -> [CaseRun] {
        try ConformanceCase.load(.builtIn).flatMap { conformanceCase in
            conformanceCase.modes.map { CaseRun(conformanceCase: conformanceCase, mode: $0) }
        }
    }

    /// Every scenario of the HTTP feature: one test case each.
    static func httpScenarios() throws -> [ScenarioRun] {
        try FeatureScenario.load(.builtIn).filter { $0.file == "features/http-protocol-binding.feature" }
            .map(ScenarioRun.init)
    }

    /// Every scenario of the Kafka feature.
    static func kafkaScenarios() throws -> [ScenarioRun] {
        try FeatureScenario.load(.builtIn).filter { $0.file == "features/kafka-protocol-binding.feature" }
            .map(ScenarioRun.init)
    }
}

/// One YAML case in one mode, named for the test report.
struct CaseRun: Sendable, CustomTestStringConvertible {
    var conformanceCase: ConformanceCase
    var mode: HTTPContentMode
    var testDescription: String { "\(conformanceCase.name) [\(mode)]" }
}

/// One feature scenario, named for the test report.
struct ScenarioRun: Sendable, CustomTestStringConvertible {
    var scenario: FeatureScenario
    var testDescription: String { scenario.description }
}
