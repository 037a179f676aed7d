/// One step of a Gherkin scenario: keyword, text, and the doc string or data table it carries.
public struct GherkinStep: Sendable, Hashable, CustomStringConvertible {
    /// `Given`, `When`, `Then`, `And`, `But` or `*`.
    public var keyword: String
    /// The step's text after the keyword, with outline placeholders already substituted.
    public var text: String
    /// The `"""` (or triple-backtick) doc string under the step, indentation normalised as
    /// Gherkin does (the opening delimiter's indentation removed from every line).
    public var docString: String?
    /// The data table under the step, one array of cells per row (the header row included).
    public var table: [[String]]
    /// The 1-based line of the step in its file.
    public var line: Int

    /// Creates a step.
    public init(keyword: String, text: String, docString: String? = nil, table: [[String]] = [], line: Int) {
        self.keyword = keyword
        self.text = text
        self.docString = docString
        self.table = table
        self.line = line
    }

    /// `keyword text`.
    public var description: String { "\(keyword) \(text)" }
}

/// One runnable scenario of a Gherkin feature file: a `Scenario`, or one `Examples` row of a
/// `Scenario Outline` with its `<placeholders>` substituted, with the `Background` steps first.
///
/// Parse a file with ``parse(feature:file:)`` or every `*.feature` file under a directory with
/// ``load(_:)`` (``ConformanceMaterial/builtIn`` or a directory); run scenarios with ``FeatureRunner``.
public struct FeatureScenario: Sendable, Hashable, CustomStringConvertible {
    /// The file the scenario is in (relative to the directory searched).
    public var file: String
    /// The feature's name (`Feature: ...`).
    public var feature: String
    /// The scenario's name, substituted for an outline, made unique within its file.
    public var name: String
    /// The tags of the feature and of the scenario (and of its `Examples`), e.g. `@http`.
    public var tags: [String]
    /// The 1-based line of the scenario (of its `Examples` row for an outline).
    public var line: Int
    /// The background's steps, then the scenario's.
    public var steps: [GherkinStep]

    /// Creates a scenario.
    public init(file: String, feature: String, name: String, tags: [String] = [], line: Int, steps: [GherkinStep]) {
        self.file = file
        self.feature = feature
        self.name = name
        self.tags = tags
        self.line = line
        self.steps = steps
    }

    /// `file: name`, the name results carry.
    public var description: String { "\(file): \(name)" }

    /// Parses one feature file into its runnable scenarios.
    ///
    /// - Throws: ``ConformanceError`` with the line, for a doc string that is not closed, a
    ///   table row or doc string without a step, a `Scenario Outline` without `Examples`, an
    ///   `Examples` row whose cell count differs from its header's, or a line that is not Gherkin.
    ///   A `<placeholder>` with no column stays as written, as in Gherkin (XML data has `<tags>`).
    public static func parse(feature text: String, file: String) throws -> [FeatureScenario] {
        var parser = GherkinParser(file: file)
        return try parser.parse(text)
    }

    /// Reads every scenario of every `*.feature` file under `directory` (recursively), files in
    /// path order.
    public static func load(directory: String) throws -> [FeatureScenario] {
        try load(.directory(directory))
    }

    /// Reads every scenario of every `*.feature` file of `material`, files in path order.
    public static func load(_ material: ConformanceMaterial) throws -> [FeatureScenario] {
        try material.files(suffix: "feature").flatMap { file in
            try parse(feature: file.text, file: file.relativePath)
        }
    }
}
