/// A small Gherkin parser: enough of the language for the CloudEvents conformance features.
///
/// Supported: `Feature`, `Background`, `Scenario`/`Example`, `Scenario Outline`/`Scenario
/// Template` with `Examples`/`Scenarios` tables (placeholders substituted in names, step text,
/// doc strings and tables), `Rule` (as a plain heading), tags, comments, free-text descriptions
/// under headings, steps (`Given`, `When`, `Then`, `And`, `But`, `*`), doc strings delimited by
/// `"""` or ```` ``` ```` and data tables with `\|`, `\\` and `\n` escapes. Not supported: other
/// spoken languages' keywords.
struct GherkinParser {
    let file: String

    private struct ExamplesBlock {
        var tags: [String]
        var header: [String]?
        var rows: [(line: Int, cells: [String])] = []
    }

    private struct Draft {
        var name: String
        var tags: [String]
        var line: Int
        var isOutline: Bool
        var steps: [GherkinStep] = []
        var examples: [ExamplesBlock] = []
    }

    private enum Section {
        case none, feature, background, scenario, examples
    }

    private var featureName = ""
    private var featureTags: [String] = []
    private var pendingTags: [String] = []
    private var background: [GherkinStep] = []
    private var drafts: [Draft] = []
    private var section = Section.none
    /// Free text is allowed right under a heading, before its first step or table.
    private var inDescription = false

    init(file: String) {
        self.file = file
    }

    private func error(_ line: Int, _ message: String) -> ConformanceError {
        ConformanceError(file: file, line: line, message: message)
    }

    mutating func parse(_ text: String) throws -> [FeatureScenario] {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        var index = 0
        while index < lines.count {
            let line = index + 1
            let trimmed = Self.trim(lines[index])
            index += 1
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("\"\"\"") || trimmed.hasPrefix("```") {
                let (docString, next) = try readDocString(lines, opening: index - 1)
                try modifyLastStep(line, "a doc string") { $0.docString = docString }
                index = next
            } else if trimmed.hasPrefix("|") {
                try addRow(try Self.cells(trimmed, line: line, file: file), line: line)
            } else if trimmed.hasPrefix("@") {
                pendingTags += trimmed.split(whereSeparator: \.isWhitespace).prefix { !$0.hasPrefix("#") }.map(
                    String.init)
            } else if let (keyword, rest) = Self.heading(trimmed) {
                try startSection(keyword, name: rest, line: line)
            } else if let (keyword, rest) = Self.stepKeyword(trimmed) {
                try addStep(GherkinStep(keyword: keyword, text: rest, line: line))
            } else if !inDescription {
                throw error(line, "not a Gherkin line: \(trimmed)")
            }
        }
        return try scenarios()
    }

    // MARK: Structure

    private mutating func startSection(_ keyword: String, name: String, line: Int) throws {
        let tags = pendingTags
        pendingTags = []
        inDescription = true
        switch keyword {
        case "Feature":
            featureName = name
            featureTags = tags
            section = .feature
        case "Rule":
            section = .feature
        case "Background":
            guard drafts.isEmpty else { throw error(line, "Background must come before the scenarios") }
            section = .background
        case "Scenario", "Example":
            drafts.append(Draft(name: name, tags: tags, line: line, isOutline: false))
            section = .scenario
        case "Scenario Outline", "Scenario Template":
            drafts.append(Draft(name: name, tags: tags, line: line, isOutline: true))
            section = .scenario
        default:  // Examples, Scenarios
            guard let last = drafts.indices.last, drafts[last].isOutline else {
                throw error(line, "\(keyword) outside a Scenario Outline")
            }
            drafts[last].examples.append(ExamplesBlock(tags: tags))
            section = .examples
        }
    }

    private mutating func addStep(_ step: GherkinStep) throws {
        inDescription = false
        switch section {
        case .background: background.append(step)
        case .scenario: drafts[drafts.count - 1].steps.append(step)
        default: throw error(step.line, "a step outside a Background or Scenario: \(step)")
        }
    }

    private mutating func modifyLastStep(_ line: Int, _ what: String, _ change: (inout GherkinStep) -> Void) throws {
        inDescription = false
        switch section {
        case .background where !background.isEmpty:
            change(&background[background.count - 1])
        case .scenario where !(drafts.last?.steps.isEmpty ?? true):
            change(&drafts[drafts.count - 1].steps[drafts[drafts.count - 1].steps.count - 1])
        default:
            throw error(line, "\(what) without a step")
        }
    }

    private mutating func addRow(_ cells: [String], line: Int) throws {
        guard section == .examples else {
            try modifyLastStep(line, "a table row") { $0.table.append(cells) }
            return
        }
        inDescription = false
        let last = drafts.count - 1
        let block = drafts[last].examples.count - 1
        if let header = drafts[last].examples[block].header {
            guard cells.count == header.count else {
                throw error(line, "an Examples row has \(cells.count) cells, the header \(header.count)")
            }
            drafts[last].examples[block].rows.append((line, cells))
        } else {
            drafts[last].examples[block].header = cells
        }
    }

    /// The doc string opening at `lines[opening]`, and the index of the line after it closes.
    private func readDocString(_ lines: [Substring], opening: Int) throws -> (String, Int) {
        let openingLine = lines[opening]
        let indentation = openingLine.prefix { $0 == " " || $0 == "\t" }.count
        let delimiter = String(Self.trim(openingLine).prefix(3))
        var content: [String] = []
        var index = opening + 1
        while index < lines.count {
            let line = lines[index]
            if Self.trim(line) == delimiter {
                return (content.joined(separator: "\n"), index + 1)
            }
            // Gherkin removes the opening delimiter's indentation, no more, from each line.
            var dropped = 0
            let stripped = line.drop { character in
                guard dropped < indentation, character == " " || character == "\t" else { return false }
                dropped += 1
                return true
            }
            content.append(
                String(stripped).replacing("\\" + delimiter.map { String($0) }.joined(separator: "\\"), with: delimiter)
            )
            index += 1
        }
        throw error(opening + 1, "a doc string opened here is never closed")
    }

    // MARK: Expansion

    private func scenarios() throws -> [FeatureScenario] {
        var result: [FeatureScenario] = []
        var seen: Set<String> = []
        func add(_ name: String, tags: [String], line: Int, steps: [GherkinStep]) {
            var unique = name
            if seen.contains(unique) { unique += " (line \(line))" }
            seen.insert(unique)
            result.append(
                FeatureScenario(
                    file: file, feature: featureName, name: unique, tags: featureTags + tags, line: line,
                    steps: background + steps))
        }
        for draft in drafts {
            guard draft.isOutline else {
                add(draft.name, tags: draft.tags, line: draft.line, steps: draft.steps)
                continue
            }
            guard !draft.examples.isEmpty else {
                throw error(draft.line, "Scenario Outline \"\(draft.name)\" has no Examples")
            }
            for block in draft.examples {
                let header = block.header ?? []
                for row in block.rows {
                    let values = Dictionary(zip(header, row.cells), uniquingKeysWith: { first, _ in first })
                    let substitute = { (text: String) in Self.substitute(text, values) }
                    let steps = draft.steps.map { step in
                        GherkinStep(
                            keyword: step.keyword, text: substitute(step.text),
                            docString: step.docString.map(substitute),
                            table: step.table.map { $0.map(substitute) }, line: step.line)
                    }
                    add(substitute(draft.name), tags: draft.tags + block.tags, line: row.line, steps: steps)
                }
            }
        }
        return result
    }

    private static func substitute(_ text: String, _ values: [String: String]) -> String {
        var result = text
        for (name, value) in values {
            result = result.replacing("<\(name)>", with: value)
        }
        return result
    }

    // MARK: Lines

    private static func trim(_ line: Substring) -> Substring {
        let start = line.drop { $0 == " " || $0 == "\t" }
        var end = start.endIndex
        while end > start.startIndex, start[start.index(before: end)] == " " || start[start.index(before: end)] == "\t"
        {
            end = start.index(before: end)
        }
        return start[..<end]
    }

    private static let headings = [
        "Feature", "Background", "Scenario Outline", "Scenario Template", "Scenario", "Examples", "Example",
        "Scenarios", "Rule",
    ]

    private static func heading(_ line: Substring) -> (String, String)? {
        for keyword in headings where line.hasPrefix(keyword + ":") {
            return (keyword, String(trim(line.dropFirst(keyword.count + 1))))
        }
        return nil
    }

    private static func stepKeyword(_ line: Substring) -> (String, String)? {
        for keyword in ["Given", "When", "Then", "And", "But", "*"] where line.hasPrefix(keyword + " ") {
            return (keyword, String(trim(line.dropFirst(keyword.count + 1))))
        }
        return nil
    }

    /// The cells of `| a | b |`, trimmed, with `\|`, `\\` and `\n` unescaped.
    static func cells(_ line: Substring, line number: Int, file: String) throws -> [String] {
        guard line.count >= 2, line.hasSuffix("|") else {
            throw ConformanceError(file: file, line: number, message: "a table row must end with '|'")
        }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.dropFirst() {
            if escaped {
                switch character {
                case "n": current.append("\n")
                case "|", "\\": current.append(character)
                default: current += "\\" + String(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(String(trim(current[...])))
                current = ""
            } else {
                current.append(character)
            }
        }
        return cells
    }
}
