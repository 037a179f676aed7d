/// A recursive-descent parser from tokens to a ``Node`` tree, with the precedence of section 3.6.
///
/// Binary operators of one precedence level are parsed in a loop (left to right), so the parser
/// recurses only into parentheses, unary operators and function arguments; each recursion and
/// each tree level is checked against the depth limit first.
struct Parser {
    /// A parsed subtree and its height.
    struct Parsed {
        var node: Node
        var height: Int
    }

    private let tokens: [Token]
    private let maximumDepth: Int
    private var index = 0
    private var depth = 0

    init(tokens: [Token], maximumDepth: Int) {
        self.tokens = tokens
        self.maximumDepth = maximumDepth
    }

    /// Parses the whole token list as one expression.
    mutating func parseAll() throws(CESQLError) -> Node {
        let parsed = try expression()
        guard current.kind == .end else {
            throw failure("expected an operator or the end of the expression, found \(current.display)")
        }
        return parsed.node
    }

    private var current: Token { tokens[index] }

    private func failure(_ message: String, at token: Token? = nil) -> CESQLError {
        CESQLError(.parse, message: message, byteOffset: (token ?? current).offset)
    }

    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    /// Enters one level of nesting, failing when that exceeds the limit.
    private mutating func enter() throws(CESQLError) {
        depth += 1
        guard depth <= maximumDepth else {
            throw CESQLError(
                .parse, message: "the expression nests deeper than \(maximumDepth) levels",
                byteOffset: current.offset, exceededLimit: .nestingDepth)
        }
    }

    private func combined(_ node: Node, _ children: Parsed...) throws(CESQLError) -> Parsed {
        try combined(node, children)
    }

    private mutating func expression() throws(CESQLError) -> Parsed {
        try enter()
        defer { depth -= 1 }
        return try logic()
    }

    /// AND, OR and XOR: one precedence level, left to right.
    private mutating func logic() throws(CESQLError) -> Parsed {
        var left = try comparison()
        while case .keyword(let keyword) = current.kind {
            let logicOperator: LogicOperator
            switch keyword {
            case .and: logicOperator = .and
            case .or: logicOperator = .or
            case .xor: logicOperator = .xor
            default: return left
            }
            let offset = current.offset
            advance()
            let right = try comparison()
            left = try combined(.logic(logicOperator, left.node, right.node, at: offset), left, right)
        }
        return left
    }

    private mutating func comparison() throws(CESQLError) -> Parsed {
        var left = try additive()
        while case .symbol(let symbol) = current.kind {
            let offset = current.offset
            let make: (Node, Node) -> Node
            switch symbol {
            case .equal: make = { .equality(negated: false, $0, $1, at: offset) }
            case .notEqual, .lessGreater: make = { .equality(negated: true, $0, $1, at: offset) }
            case .less: make = { .ordering(.less, $0, $1, at: offset) }
            case .lessOrEqual: make = { .ordering(.lessOrEqual, $0, $1, at: offset) }
            case .greater: make = { .ordering(.greater, $0, $1, at: offset) }
            case .greaterOrEqual: make = { .ordering(.greaterOrEqual, $0, $1, at: offset) }
            default: return left
            }
            advance()
            let right = try additive()
            left = try combined(make(left.node, right.node), left, right)
        }
        return left
    }

    private mutating func additive() throws(CESQLError) -> Parsed {
        var left = try multiplicative()
        while case .symbol(let symbol) = current.kind, symbol == .plus || symbol == .minus {
            let offset = current.offset
            advance()
            let right = try multiplicative()
            left = try combined(
                .arithmetic(symbol == .plus ? .add : .subtract, left.node, right.node, at: offset), left, right)
        }
        return left
    }

    private mutating func multiplicative() throws(CESQLError) -> Parsed {
        var left = try membership()
        while case .symbol(let symbol) = current.kind {
            let arithmeticOperator: ArithmeticOperator
            switch symbol {
            case .star: arithmeticOperator = .multiply
            case .slash: arithmeticOperator = .divide
            case .percent: arithmeticOperator = .remainder
            default: return left
            }
            let offset = current.offset
            advance()
            let right = try membership()
            left = try combined(.arithmetic(arithmeticOperator, left.node, right.node, at: offset), left, right)
        }
        return left
    }

    /// Whether the current token is `NOT` followed by `keyword`, or `keyword` itself.
    private func atPostfix(_ keyword: Token.Keyword) -> (Bool, negated: Bool) {
        if current.kind == .keyword(keyword) { return (true, false) }
        if current.kind == .keyword(.not), tokens[index + 1].kind == .keyword(keyword) { return (true, true) }
        return (false, false)
    }

    /// `x [NOT] IN (y1, ...)`.
    private mutating func membership() throws(CESQLError) -> Parsed {
        var left = try likeOperation()
        while case (true, let negated) = atPostfix(.in) {
            let offset = current.offset
            advance()
            if negated { advance() }
            guard current.kind == .openParenthesis else { throw failure("expected '(' after IN") }
            advance()
            var set: [Parsed] = []
            repeat {
                if !set.isEmpty { advance() }
                set.append(try expression())
            } while current.kind == .comma
            guard current.kind == .closeParenthesis else {
                throw failure("expected ',' or ')' in the IN set, found \(current.display)")
            }
            advance()
            let node = Node.in(left.node, set.map(\.node), negated: negated, at: offset)
            left = try combined(node, [left] + set)
        }
        return left
    }

    /// `node` over `children`, failing when the tree gets taller than the limit.
    private func combined(_ node: Node, _ children: [Parsed]) throws(CESQLError) -> Parsed {
        let height = (children.map(\.height).max() ?? 0) + 1
        guard height <= maximumDepth else {
            throw CESQLError(
                .parse, message: "the expression nests deeper than \(maximumDepth) levels",
                byteOffset: current.offset, exceededLimit: .nestingDepth)
        }
        return Parsed(node: node, height: height)
    }

    /// `x [NOT] LIKE 'pattern'`: the pattern must be a string literal.
    private mutating func likeOperation() throws(CESQLError) -> Parsed {
        var left = try unary()
        while case (true, let negated) = atPostfix(.like) {
            advance()
            if negated { advance() }
            guard case .string(let pattern) = current.kind else {
                throw failure("expected a string literal as the LIKE pattern, found \(current.display)")
            }
            advance()
            left = try combined(.like(left.node, LikePattern(pattern), negated: negated), left)
        }
        return left
    }

    private mutating func unary() throws(CESQLError) -> Parsed {
        switch current.kind {
        case .keyword(.not):
            let offset = current.offset
            advance()
            try enter()
            defer { depth -= 1 }
            let operand = try unary()
            return try combined(.not(operand.node, at: offset), operand)
        case .symbol(let sign) where sign == .minus || sign == .plus:
            let signToken = current
            advance()
            if case .digits(let digits) = current.kind, current.offset == signToken.end {
                return Parsed(node: .literal(.integer(try integer(digits, negative: sign == .minus))), height: 1)
            }
            guard sign == .minus else { throw failure("expected an integer right after '+'") }
            try enter()
            defer { depth -= 1 }
            let operand = try unary()
            return try combined(.negate(operand.node, at: signToken.offset), operand)
        default:
            return try primary()
        }
    }

    private mutating func integer(_ digits: String, negative: Bool) throws(CESQLError) -> Int32 {
        guard let value = Int32(negative ? "-" + digits : digits, radix: 10) else {
            throw failure("expected a 32-bit integer literal, found \(negative ? "-" : "")\(digits)")
        }
        advance()
        return value
    }

    private mutating func primary() throws(CESQLError) -> Parsed {
        let token = current
        switch token.kind {
        case .digits(let digits):
            return Parsed(node: .literal(.integer(try integer(digits, negative: false))), height: 1)
        case .string(let text):
            advance()
            return Parsed(node: .literal(.string(text)), height: 1)
        case .keyword(.true), .keyword(.false):
            advance()
            return Parsed(node: .literal(.boolean(token.kind == .keyword(.true))), height: 1)
        case .keyword(.exists):
            advance()
            guard case .word(let name) = current.kind, Parser.isAttributeName(name) else {
                throw failure("expected an attribute name after EXISTS, found \(current.display)")
            }
            advance()
            return Parsed(node: .exists(name), height: 1)
        case .openParenthesis:
            advance()
            let inner = try expression()
            guard current.kind == .closeParenthesis else {
                throw failure("expected ')' to close the '(' at byte \(token.offset), found \(current.display)")
            }
            advance()
            return inner
        case .word(let name):
            advance()
            if current.kind == .openParenthesis { return try invocation(name, at: token) }
            guard Parser.isAttributeName(name) else {
                throw failure(
                    "expected an attribute name (lower-case letters and digits) or a function call, found '\(name)'",
                    at: token)
            }
            return Parsed(node: .attribute(name, at: token.offset), height: 1)
        default:
            throw failure("expected an expression, found \(token.display)")
        }
    }

    /// `NAME(arg, ...)`, after the name.
    private mutating func invocation(_ name: String, at token: Token) throws(CESQLError) -> Parsed {
        guard Parser.isFunctionName(name) else { throw failure("'\(name)' is not a function name", at: token) }
        advance()
        var arguments: [Parsed] = []
        if current.kind != .closeParenthesis {
            repeat {
                if !arguments.isEmpty { advance() }
                arguments.append(try expression())
            } while current.kind == .comma
        }
        guard current.kind == .closeParenthesis else {
            throw failure("expected ',' or ')' in the arguments of \(name), found \(current.display)")
        }
        advance()
        guard let function = BuiltinFunction(name: name, arity: arguments.count) else {
            return Parsed(node: .missingFunction(name: name, arity: arguments.count, at: token.offset), height: 1)
        }
        return try combined(.call(function, arguments.map(\.node), at: token.offset), arguments)
    }

    /// `[a-z0-9]+`: the attribute naming convention.
    static func isAttributeName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    /// `char ( "_" | char )*`.
    static func isFunctionName(_ name: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) }
        guard let first = name.utf8.first, isLetter(first) else { return false }
        return name.utf8.allSatisfy { isLetter($0) || $0 == 0x5F }
    }
}
