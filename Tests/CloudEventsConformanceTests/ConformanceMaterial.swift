import CloudEventsConformance
import CloudEventsHTTP
import Foundation
import Testing

/// The upstream conformance material in the shared folder beside the package.
enum ConformanceMaterial {
    /// The package root: three levels up from this file (`Tests/CloudEventsConformanceTests/`).
    static let packageRoot: String =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// `<root>/../shared/conformance`.
    static let directory: String =
        URL(fileURLWithPath: packageRoot).deletingLastPathComponent().appendingPathComponent("shared/conformance").path

    static var yamlDirectory: String { directory + "/yaml" }
    static var featuresDirectory: String { directory + "/features" }

    /// Every YAML case in each of its modes: one test case each.
    static func caseRuns() throws -> [CaseRun] {
        try ConformanceCase.load(directory: yamlDirectory).flatMap { conformanceCase in
            conformanceCase.modes.map { CaseRun(conformanceCase: conformanceCase, mode: $0) }
        }
    }

    /// Every scenario of the HTTP feature: one test case each.
    static func httpScenarios() throws -> [ScenarioRun] {
        try FeatureScenario.load(directory: featuresDirectory).filter { $0.file == "http-protocol-binding.feature" }
            .map(ScenarioRun.init)
    }

    /// Every scenario of the Kafka feature.
    static func kafkaScenarios() throws -> [ScenarioRun] {
        try FeatureScenario.load(directory: featuresDirectory).filter { $0.file == "kafka-protocol-binding.feature" }
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
