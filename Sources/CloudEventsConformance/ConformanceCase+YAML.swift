import CloudEvents
internal import Yams

/// Reading cases from the upstream YAML files.
extension ConformanceCase {
    /// Reads every case of every `*.yaml` file under `directory` (recursively), files in path
    /// order, documents in file order.
    ///
    /// - Throws: ``ConformanceError`` naming the file (and line) that cannot be read or parsed.
    public static func load(directory: String) throws -> [ConformanceCase] {
        try load(.directory(directory))
    }

    /// Reads every case of every `*.yaml` file of `material`, files in path order, documents in
    /// file order: `ConformanceCase.load(.builtIn)` gives the upstream cases.
    ///
    /// - Throws: ``ConformanceError`` naming the file (and line) that cannot be read or parsed.
    public static func load(_ material: ConformanceMaterial) throws -> [ConformanceCase] {
        try material.files(suffix: "yaml").flatMap { file in
            try parse(yaml: file.text, file: file.relativePath)
        }
    }

    /// Parses the documents (separated by `---` lines) of one YAML file.
    ///
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - file: The name the cases are given, usually the path relative to the directory searched.
    /// - Throws: ``ConformanceError`` for YAML that does not parse or a document that is not a
    ///   case (an unknown key, a value that is not text, an unknown `Mode`).
    public static func parse(yaml text: String, file: String) throws -> [ConformanceCase] {
        var cases: [ConformanceCase] = []
        for document in YAMLDocuments.split(text) {
            let name = "\(file)#\(cases.count)" + (document.comment.map { " (\($0))" } ?? "")
            let node: Node?
            do {
                node = try Yams.compose(yaml: document.text)
            } catch {
                throw ConformanceError(file: file, line: document.firstLine, message: "YAML does not parse: \(error)")
            }
            guard let mapping = node?.mapping else {
                throw ConformanceError(file: file, line: document.firstLine, message: "a case must be a YAML mapping")
            }
            var reader = CaseReader(file: file, line: document.firstLine)
            cases.append(try reader.read(mapping, name: name))
        }
        return cases
    }
}

/// Turns one YAML mapping into a case, strictly: anything it does not know is an error rather
/// than silently ignored, so a new upstream key cannot go untested unnoticed.
private struct CaseReader {
    var file: String
    var line: Int

    func error(_ message: String) -> ConformanceError {
        ConformanceError(file: file, line: line, message: message)
    }

    mutating func read(_ mapping: Node.Mapping, name: String) throws -> ConformanceCase {
        var result = ConformanceCase(name: name, contextAttributes: [:])
        for (keyNode, value) in mapping {
            guard let key = try text(of: keyNode, at: "a key") else { throw error("a key is null") }
            switch key {
            case "Mode":
                let modeText = try text(of: value, at: "Mode") ?? ""
                switch modeText {
                case "binary": result.mode = .binary
                case "structured": result.mode = .structured
                default: throw error("Mode \"\(modeText)\" is neither binary nor structured")
                }
            case "ContextAttributes":
                guard let attributes = value.mapping else { throw error("ContextAttributes must be a mapping") }
                for (attributeKey, attributeValue) in attributes {
                    guard let attributeName = try text(of: attributeKey, at: "an attribute name") else { continue }
                    if attributeName == "Extensions" {
                        result.extensions = try strings(in: attributeValue, at: "Extensions")
                    } else if let attributeText = try text(of: attributeValue, at: attributeName) {
                        result.contextAttributes[attributeName] = attributeText
                    }
                }
            case "TransportExtensions":
                result.transportExtensions = try strings(in: value, at: "TransportExtensions")
            case "Data":
                result.data = try text(of: value, at: "Data")
            default:
                throw error("unknown key \(key) (expected Mode, ContextAttributes, TransportExtensions, Data)")
            }
        }
        return result
    }

    /// A mapping of names to text; a null mapping is empty.
    func strings(in node: Node, at place: String) throws -> [String: String] {
        if isNull(node) { return [:] }
        guard let mapping = node.mapping else { throw error("\(place) must be a mapping") }
        var result: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = try text(of: key, at: "a name in \(place)") else { continue }
            if let valueText = try text(of: value, at: "\(place).\(name)") { result[name] = valueText }
        }
        return result
    }

    /// A scalar's text exactly as YAML gives it (a `|` block keeps its final newline); `nil` for
    /// a YAML null (`~`, `null` or nothing), which means absent.
    func text(of node: Node, at place: String) throws -> String? {
        guard let scalar = node.scalar else { throw error("\(place) must be text, not a mapping or a list") }
        return isNull(node) ? nil : scalar.string
    }

    func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}

/// Splits a YAML stream into its documents, keeping each one's first line and leading comment,
/// which a YAML parser drops.
enum YAMLDocuments {
    struct Document {
        var text: String
        var firstLine: Int
        var comment: String?
    }

    static func split(_ stream: String) -> [Document] {
        var documents: [Document] = []
        var lines: [Substring] = []
        var firstLine = 1
        func finish() {
            let content = lines.filter { line in
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                return !trimmed.isEmpty && !trimmed.hasPrefix("#")
            }
            if !content.isEmpty {
                var comment: String?
                for line in lines {
                    let trimmed = line.drop { $0 == " " || $0 == "\t" }
                    if trimmed.isEmpty { continue }
                    if trimmed.hasPrefix("#") { comment = ConformanceCase.trimmed(String(trimmed.dropFirst())) }
                    break
                }
                documents.append(
                    Document(text: lines.joined(separator: "\n") + "\n", firstLine: firstLine, comment: comment))
            }
            lines = []
        }
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let allLines = stream.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, line) in allLines.enumerated() {
            if isSeparator(line) {
                finish()
                firstLine = index + 1
                // `--- value` starts the document on the separator's own line.
                let rest = line.dropFirst(3).drop { $0 == " " || $0 == "\t" }
                if rest.isEmpty || rest.hasPrefix("#") { firstLine += 1 } else { lines.append(rest) }
            } else {
                lines.append(line)
            }
        }
        finish()
        return documents
    }

    /// `---` at the start of a line, followed by nothing, white space or a comment.
    private static func isSeparator(_ line: Substring) -> Bool {
        guard line.hasPrefix("---") else { return false }
        let rest = line.dropFirst(3)
        return rest.isEmpty || rest.first == " " || rest.first == "\t"
    }
}
