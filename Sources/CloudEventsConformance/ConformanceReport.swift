/// Every conformance case and scenario under a directory, run, with one line per result and
/// a count.
///
/// ```swift
/// let report = try ConformanceReport.run(.builtIn)   // or .directory("conformance")
/// print(report.text)      // PASS v1.yaml#0 [binary] ... then "30 passed, 0 failed, 2 skipped"
/// if report.failedCount > 0 { exit(1) }
/// ```
public struct ConformanceReport: Sendable, Hashable, CustomStringConvertible {
    /// The results: YAML cases (files in path order, each case in each of its modes), then feature
    /// scenarios.
    public var results: [ConformanceResult]

    /// Creates a report from results.
    public init(results: [ConformanceResult]) {
        self.results = results
    }

    /// Runs every `*.yaml` case and every `*.feature` scenario under `directory` (recursively).
    ///
    /// - Throws: ``ConformanceError`` when a file cannot be read or parsed. A case that fails is
    ///   a failed result, not an error.
    public static func run(
        directory: String, runner: ConformanceRunner = ConformanceRunner(),
        featureRunner: FeatureRunner = FeatureRunner()
    ) throws -> ConformanceReport {
        try run(.directory(directory), runner: runner, featureRunner: featureRunner)
    }

    /// Runs every `*.yaml` case and every `*.feature` scenario of `material`: the upstream cases
    /// built into this module (``ConformanceMaterial/builtIn``), or a directory's.
    ///
    /// - Throws: ``ConformanceError`` when a file cannot be read or parsed. A case that fails is
    ///   a failed result, not an error.
    public static func run(
        _ material: ConformanceMaterial, runner: ConformanceRunner = ConformanceRunner(),
        featureRunner: FeatureRunner = FeatureRunner()
    ) throws -> ConformanceReport {
        let cases = try ConformanceCase.load(material)
        let scenarios = try FeatureScenario.load(material)
        return ConformanceReport(results: runner.run(cases) + featureRunner.run(scenarios))
    }

    /// How many results passed.
    public var passedCount: Int { results.count { $0.passed } }
    /// How many results failed.
    public var failedCount: Int { results.count { $0.failed } }
    /// How many results were skipped.
    public var skippedCount: Int { results.count { $0.skipReason != nil } }

    /// One line per result: `PASS name [mode]`, `FAIL name [mode]: differences`, `SKIP name: reason`.
    public var lines: [String] { results.map(\.description) }

    /// `N passed, M failed`, and `, K skipped` when any were.
    public var summary: String {
        "\(passedCount) passed, \(failedCount) failed" + (skippedCount > 0 ? ", \(skippedCount) skipped" : "")
    }

    /// The lines, then the summary, separated by newlines.
    public var text: String {
        (lines + [summary]).joined(separator: "\n")
    }

    /// The report's ``text``.
    public var description: String { text }
}
