/// A subscription filter that cannot be decoded or is not valid.
public struct SubscriptionFilterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// The text is not well-formed JSON (or nests too deeply).
        case malformedJSON
        /// The filter names a dialect this library does not support.
        case unknownDialect
        /// The filter breaks its dialect's rules (an empty name or value, an empty `all`...).
        case invalidFilter
        /// A `sql` filter's expression is not valid CESQL; see ``SubscriptionFilterError/expressionError``.
        case invalidExpression
    }

    /// What went wrong.
    public var kind: Kind
    /// The dialect concerned, if known.
    public var dialect: String?
    /// For malformed JSON: the byte offset where it was found.
    public var byteOffset: Int?
    /// For an invalid `sql` expression: the parse error.
    public var expressionError: CESQLError?
    /// A message a person can act on.
    public var message: String

    /// Creates an error.
    public init(
        _ kind: Kind, dialect: String? = nil, byteOffset: Int? = nil, expressionError: CESQLError? = nil,
        message: String
    ) {
        self.kind = kind
        self.dialect = dialect
        self.byteOffset = byteOffset
        self.expressionError = expressionError
        self.message = message
    }

    /// A one-line rendering: kind, dialect, location and message.
    public var description: String {
        var text = kind.rawValue
        if let dialect { text += " (\(dialect))" }
        if let byteOffset { text += " at byte \(byteOffset)" }
        return text + ": " + message
    }
}
