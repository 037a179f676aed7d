/// A node of a compiled CESQL expression tree.
///
/// The `at` offsets are the byte offsets in the expression's text that errors report: of the
/// attribute, the function, or the operator's token (`nil` in trees compiled from subscription
/// filters).
///
/// Its height is bounded by ``CESQLExpression/Limits/maximumDepth`` (the parser checks it), so
/// that evaluating it recurses no deeper than that.
indirect enum Node: Sendable {
    /// A literal value.
    case literal(CESQLValue)
    /// An attribute, by name.
    case attribute(String, at: Int?)
    /// `EXISTS name`.
    case exists(String)
    /// `NOT x`.
    case not(Node, at: Int?)
    /// `-x`.
    case negate(Node, at: Int)
    /// `x * y`, `x / y`, `x % y`, `x + y`, `x - y`.
    case arithmetic(ArithmeticOperator, Node, Node, at: Int)
    /// `x = y`, `x != y`, `x <> y`.
    case equality(negated: Bool, Node, Node, at: Int?)
    /// `x < y`, `x <= y`, `x > y`, `x >= y`.
    case ordering(OrderingOperator, Node, Node, at: Int?)
    /// `x AND y`, `x OR y`, `x XOR y`.
    case logic(LogicOperator, Node, Node, at: Int?)
    /// `x LIKE pattern`, `x NOT LIKE pattern`.
    case like(Node, LikePattern, negated: Bool)
    /// `x IN (y1, ...)`, `x NOT IN (y1, ...)`.
    case `in`(Node, [Node], negated: Bool, at: Int?)
    /// A built-in function invocation.
    case call(BuiltinFunction, [Node], at: Int)
    /// An invocation no function answers (name or arity unknown).
    case missingFunction(name: String, arity: Int, at: Int)
    /// A filter's verdict on its subtree: `true` exactly when the subtree is `true` without an
    /// error; the subtree's errors stay inside (subscription filters' `sql` dialect).
    case passes(Node)

    // Specialised shapes (see ``Node/specialized()``): each is a leaf that evaluates as the
    // general tree it replaces, reading the stored attribute directly when it can.

    /// `attribute = 'text'`, `attribute != 'text'`.
    case textEquality(AttributeReference, String, utf8: [UInt8], negated: Bool)
    /// `attribute LIKE pattern`, `attribute NOT LIKE pattern`.
    case textLike(AttributeReference, LikePattern, negated: Bool)
    /// `attribute < 5` and the other comparisons against an Integer literal.
    case integerOrdering(OrderingOperator, AttributeReference, Int32, at: Int?)
}

/// An attribute as a specialised node reads it: its name and offset for the general path and
/// errors, and its stored field resolved in advance.
struct AttributeReference: Sendable {
    let name: String
    let offset: Int?
    let key: AttributeKey

    init(name: String, offset: Int?) {
        self.name = name
        self.offset = offset
        key = AttributeKey(name)
    }
}

/// The Integer operators.
enum ArithmeticOperator: Sendable {
    case multiply, divide, remainder, add, subtract
}

/// The Integer comparisons.
enum OrderingOperator: Sendable {
    case less, lessOrEqual, greater, greaterOrEqual
}

/// The Boolean binary operators.
enum LogicOperator: Sendable {
    case and, or, xor
}

extension Node {
    /// The offset of the operator's (or function's) token, which the cast errors of its operands
    /// report; `nil` for leaves, and in trees compiled from subscription filters.
    var operatorOffset: Int? {
        switch self {
        case .not(_, let offset), .equality(_, _, _, let offset), .ordering(_, _, _, let offset),
            .logic(_, _, _, let offset), .in(_, _, _, let offset), .integerOrdering(_, _, _, let offset):
            offset
        case .negate(_, let offset), .arithmetic(_, _, _, let offset), .call(_, _, let offset):
            offset
        case .literal, .attribute, .exists, .like, .missingFunction, .passes, .textEquality, .textLike:
            nil
        }
    }
}
