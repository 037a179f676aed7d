import Foundation

/// A code sample of README.md that a test compiles: the test source holds the same lines between
/// `// README: <name>` and `// README: end`, and the test checks that README.md shows them, so
/// the sample can neither break nor drift.
public enum ReadmeSnippet {
    /// The lines between the markers named `name` in the source file `path` (a test's
    /// `#filePath`), without the indentation they share.
    public static func lines(_ name: String, inSource path: String) throws -> String {
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "// README: \(name)" }),
            let end = lines[start...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "// README: end" })
        else { throw ReadmeSnippetError(description: "no README: \(name) … README: end markers in \(path)") }
        let body = lines[(start + 1)..<end]
        let indentation =
            body.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return body.map { $0.count >= indentation ? String($0.dropFirst(indentation)) : "" }.joined(separator: "\n")
    }

    /// README.md of the package.
    public static func readme() throws -> String {
        try String(contentsOfFile: TestMaterial.packageRoot + "/README.md", encoding: .utf8)
    }
}

/// A test source without the markers it names.
public struct ReadmeSnippetError: Error, CustomStringConvertible {
    public let description: String
}
