public import CloudEvents

/// A filter expression of the CloudEvents Subscriptions API (section 3.2.4): one of the REQUIRED
/// dialects `exact`, `prefix`, `suffix`, `all`, `any`, `not`, or the OPTIONAL `sql`.
///
/// A filter is validated and compiled once, into the same evaluable ``CESQLExpression`` as
/// CESQL; ``matches(_:)`` is then the filter's verdict.
///
/// ```swift
/// let filter = try SubscriptionFilter(json: #"{"prefix": {"type": "com.github."}}"#)
/// filter.matches(event)
/// ```
public struct SubscriptionFilter: Sendable, Hashable {
    /// A filter in one dialect, with its dialect-specific properties.
    public indirect enum Dialect: Sendable, Hashable {
        /// Every named attribute exists and equals its value exactly (case-sensitive).
        case exact([String: String])
        /// Every named attribute exists and starts with its value.
        case prefix([String: String])
        /// Every named attribute exists and ends with its value.
        case suffix([String: String])
        /// Every nested filter passes (at least one).
        case all([Dialect])
        /// At least one nested filter passes (at least one).
        case any([Dialect])
        /// The nested filter does not pass.
        case not(Dialect)
        /// A CESQL expression that evaluates to `true` without an error.
        case sql(CESQLExpression)

        /// The dialect's name in the JSON form.
        public var name: String {
            switch self {
            case .exact: "exact"
            case .prefix: "prefix"
            case .suffix: "suffix"
            case .all: "all"
            case .any: "any"
            case .not: "not"
            case .sql: "sql"
            }
        }
    }

    /// The filter, as given.
    public let dialect: Dialect
    /// The filter compiled to a CESQL expression whose value is the verdict, never with errors.
    public let expression: CESQLExpression

    /// Validates and compiles a filter.
    ///
    /// - Throws: ``SubscriptionFilterError`` of kind ``SubscriptionFilterError/Kind/invalidFilter``
    ///   for an empty attribute name or value, a name that is not `[a-z0-9]+`, or an empty `all`
    ///   or `any`.
    public init(_ dialect: Dialect) throws(SubscriptionFilterError) {
        self.dialect = dialect
        expression = CESQLExpression(root: try FilterCompiler.node(for: dialect), text: dialect.json.text)
    }

    /// Whether `event` passes the filter.
    public func matches(_ event: CloudEvent) -> Bool {
        expression.matches(event)
    }

    /// Whether `event` passes every filter of a subscription's `filters` (true when there is none).
    public static func matchesAll(_ filters: [SubscriptionFilter], _ event: CloudEvent) -> Bool {
        filters.allSatisfy { $0.matches(event) }
    }

    /// Two filters are equal when their dialects are.
    public static func == (left: SubscriptionFilter, right: SubscriptionFilter) -> Bool {
        left.dialect == right.dialect
    }

    /// Hashes the dialect.
    public func hash(into hasher: inout Hasher) { hasher.combine(dialect) }
}
