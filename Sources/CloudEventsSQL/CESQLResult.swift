/// The outcome of evaluating a CESQL expression: its value and the errors met on the way.
///
/// CESQL is total: an expression always has a value, even when errors occurred (section 3.3).
public struct CESQLResult: Sendable, Hashable {
    /// The expression's value.
    public var value: CESQLValue
    /// The errors the evaluation collected, in the order they occurred; empty when none.
    public var errors: [CESQLError]

    /// Creates a result.
    public init(value: CESQLValue, errors: [CESQLError] = []) {
        self.value = value
        self.errors = errors
    }

    /// Whether the event passes as a filter: the value is `true` and there is no error (section 1.2).
    public var matches: Bool { errors.isEmpty && value == .boolean(true) }
}
