public import CloudEvents

/// A compiled CloudEvents SQL (CESQL 1.0) expression: parse once, evaluate against many events.
///
/// ```swift
/// let filter = try CESQLExpression(parsing: "type LIKE 'com.example.%' AND INT(priority) > 3")
/// if filter.matches(event) { ... }
/// let result = filter.evaluate(event)  // the value and any errors
/// ```
public struct CESQLExpression: Sendable, Hashable {
    /// Bounds on the work an expression's text can cause.
    public struct Limits: Sendable, Hashable {
        /// The longest expression accepted, in UTF-8 bytes. Default 16,384.
        public var maximumLength: Int
        /// The deepest nesting accepted: parentheses, unary operators, function arguments and
        /// operator chains (`a OR b OR c` nests 2 levels below the top) all count. Default 100.
        public var maximumDepth: Int

        /// Creates limits.
        public init(maximumLength: Int = 16_384, maximumDepth: Int = 100) {
            self.maximumLength = maximumLength
            self.maximumDepth = maximumDepth
        }
    }

    /// The expression's text, as given; for a ``SubscriptionFilter``'s expression, the filter's JSON.
    public let text: String
    let root: Node
    /// The flat form of `root`, when it has one: what evaluation tries first.
    let fast: FastFilter?

    /// An expression compiled from something else (a subscription filter).
    init(root: Node, text: String) {
        self.root = root.specialized()
        fast = FastFilter(self.root)
        self.text = text
    }

    /// Two expressions are equal when their texts are.
    public static func == (left: CESQLExpression, right: CESQLExpression) -> Bool { left.text == right.text }

    /// Hashes the text.
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// Parses and compiles an expression.
    ///
    /// - Throws: a ``CESQLError`` of kind ``CESQLError/Kind/parse`` naming the byte offset and
    ///   what was expected there, or the limit (``CESQLError/exceededLimit``) the text exceeds.
    public init(parsing text: String, limits: Limits = Limits()) throws(CESQLError) {
        try self.init(parsing: text, limits: limits, specializing: true)
    }

    /// Parses and compiles an expression; without `specializing`, into the general tree only
    /// (what the tests compare the specialised leaves of ``Node/specialized()`` against).
    init(parsing text: String, limits: Limits = Limits(), specializing: Bool) throws(CESQLError) {
        let bytes = Array(text.utf8)
        guard bytes.count <= limits.maximumLength else {
            throw CESQLError(
                .parse, message: "the expression is \(bytes.count) bytes long; the limit is \(limits.maximumLength)",
                byteOffset: limits.maximumLength, exceededLimit: .expressionLength)
        }
        var parser = Parser(tokens: try Lexer.tokens(of: bytes), maximumDepth: max(1, limits.maximumDepth))
        let root = try parser.parseAll()
        self.root = specializing ? root.specialized() : root
        fast = specializing ? FastFilter(self.root) : nil
        self.text = text
    }

    /// Evaluates the expression against `event`: its value and the errors that occurred.
    ///
    /// Evaluation is complete (not fail-fast): the value is the one the specification defines
    /// even when errors occurred. A bare missing attribute evaluates to `false`.
    public func evaluate(_ event: CloudEvent) -> CESQLResult {
        if let verdict = fast?.run(event) { return CESQLResult(value: .boolean(verdict)) }
        var evaluator = Evaluator()
        let value = evaluator.value(of: root, in: event) ?? .boolean(false)
        return CESQLResult(value: value, errors: evaluator.errors)
    }

    /// Whether `event` passes this expression as a filter: `true` with no error (section 1.2).
    public func matches(_ event: CloudEvent) -> Bool {
        if let verdict = fast?.run(event) { return verdict }
        return evaluate(event).matches
    }
}
