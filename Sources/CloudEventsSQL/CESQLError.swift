/// An error found while compiling or evaluating a CESQL expression.
///
/// Parse errors are thrown by ``CESQLExpression/init(parsing:limits:)``; every other kind is
/// collected in ``CESQLResult/errors`` next to the value the expression still returns.
public struct CESQLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error types the specification's section 3.3 requires.
    public enum Kind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// The expression is not valid CESQL (or exceeds a limit).
        case parse
        /// A math operation failed: division by zero, overflow.
        case math
        /// An implicit or explicit type cast failed.
        case cast
        /// No function of that name and arity exists.
        case missingFunction
        /// A function was called with arguments it rejects.
        case functionEvaluation
        /// The expression addresses an attribute the event does not have.
        case missingAttribute
        /// Any other error.
        case generic

        /// The kind's name, as the CESQL TCK spells it.
        public var description: String { rawValue }
    }

    /// A limit of ``CESQLExpression/Limits`` an expression exceeded.
    public enum Limit: Sendable, Hashable {
        /// ``CESQLExpression/Limits/maximumLength``.
        case expressionLength
        /// ``CESQLExpression/Limits/maximumDepth``.
        case nestingDepth
    }

    /// What kind of error this is.
    public var kind: Kind
    /// A message a person can act on.
    public var message: String
    /// The byte offset into the expression's UTF-8 text where the error was found: for parse
    /// errors, and for errors of an attribute, a function or an operator; a cast error names the
    /// operator or function whose operand did not cast. `nil` in expressions compiled from
    /// subscription filters.
    public var byteOffset: Int?
    /// For missing-attribute errors: the attribute's name.
    public var attribute: String?
    /// For parse errors caused by a limit: which one.
    public var exceededLimit: Limit?

    /// Creates an error.
    public init(
        _ kind: Kind, message: String, byteOffset: Int? = nil, attribute: String? = nil,
        exceededLimit: Limit? = nil
    ) {
        self.kind = kind
        self.message = message
        self.byteOffset = byteOffset
        self.attribute = attribute
        self.exceededLimit = exceededLimit
    }

    /// A one-line rendering: kind, location and message.
    public var description: String {
        var text = kind.rawValue
        if let attribute { text += " (\(attribute))" }
        if let byteOffset { text += " at byte \(byteOffset)" }
        return text + ": " + message
    }
}
