public import CloudEventsHTTP

/// The outcome of one conformance case (or feature scenario) in one mode.
public struct ConformanceResult: Sendable, Hashable, CustomStringConvertible {
    /// The case's or scenario's name.
    public var name: String
    /// The mode the event travelled in: the mode encoded for a YAML case, the mode the decoder
    /// detected for a feature scenario; `nil` when it never got that far, or for a skipped scenario.
    public var mode: HTTPContentMode?
    /// Every way the decoded event differs from what the case expects, one readable line each;
    /// empty when it passed.
    public var differences: [String]
    /// Why the case was not run, when it was skipped (for example a transport this package has
    /// no binding for). A skipped case has neither passed nor failed.
    public var skipReason: String?

    /// Creates a result.
    public init(name: String, mode: HTTPContentMode?, differences: [String], skipReason: String? = nil) {
        self.name = name
        self.mode = mode
        self.differences = differences
        self.skipReason = skipReason
    }

    /// A skipped case, with the reason.
    public static func skipped(_ name: String, reason: String) -> ConformanceResult {
        ConformanceResult(name: name, mode: nil, differences: [], skipReason: reason)
    }

    /// Whether the case ran and matched exactly.
    public var passed: Bool { skipReason == nil && differences.isEmpty }

    /// Whether the case ran and did not match.
    public var failed: Bool { skipReason == nil && !differences.isEmpty }

    /// One report line: `PASS name [mode]`, `FAIL name [mode]: difference; difference`, or
    /// `SKIP name: reason`.
    public var description: String {
        let label = name + (mode.map { " [\($0)]" } ?? "")
        if let skipReason { return "SKIP \(label): \(skipReason)" }
        if differences.isEmpty { return "PASS \(label)" }
        return "FAIL \(label): " + differences.joined(separator: "; ")
    }
}
