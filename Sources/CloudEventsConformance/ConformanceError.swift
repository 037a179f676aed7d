/// A conformance file that cannot be read or understood: a YAML case, a Gherkin feature or the
/// raw HTTP request inside one.
///
/// This is about the test material, not the implementation under test: an implementation that
/// decodes an event wrongly produces a failing ``ConformanceResult``, never this error.
public struct ConformanceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (relative to the directory searched, when known) the problem is in.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// What is wrong, in words a person can act on.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
