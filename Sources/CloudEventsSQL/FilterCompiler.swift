/// Compiles subscription filter dialects to ``Node`` trees of CESQL operators.
///
/// `exact`, `prefix` and `suffix` read each attribute only after `EXISTS` says it is there, so
/// they give `false` for an absent attribute without an error (which `not` must be able to
/// invert); a `sql` expression is wrapped so that its errors make it `false` inside the tree.
/// Lists are combined as balanced trees, so that evaluation recurses only logarithmically deep.
enum FilterCompiler {
    /// The deepest nesting of `all`, `any` and `not` a filter may have.
    static let maximumNesting = 32

    static func node(for dialect: SubscriptionFilter.Dialect, depth: Int = 1) throws(SubscriptionFilterError) -> Node {
        guard depth <= maximumNesting else {
            throw SubscriptionFilterError(
                .invalidFilter, dialect: dialect.name, message: "filters nest deeper than \(maximumNesting) levels")
        }
        switch dialect {
        case .exact(let map):
            let checked = try attributes(map, of: dialect)
            return balanced(
                checked.map { name, value -> Node in
                    .logic(
                        .and, .exists(name),
                        .equality(negated: false, .attribute(name, at: nil), .literal(.string(value)), at: nil), at: nil
                    )
                }, .and)
        case .prefix(let map), .suffix(let map):
            let isPrefix = if case .prefix = dialect { true } else { false }
            let checked = try attributes(map, of: dialect)
            return balanced(
                checked.map { name, value -> Node in
                    let literal = value.unicodeScalars.map { LikePattern.Element.literal($0) }
                    let pattern = LikePattern(elements: isPrefix ? literal + [.anyRun] : [.anyRun] + literal)
                    return .logic(
                        .and, .exists(name), .like(.attribute(name, at: nil), pattern, negated: false), at: nil)
                }, .and)
        case .all(let filters), .any(let filters):
            guard !filters.isEmpty else {
                throw SubscriptionFilterError(
                    .invalidFilter, dialect: dialect.name, message: "\(dialect.name) needs at least one filter")
            }
            var nodes: [Node] = []
            for filter in filters { nodes.append(try node(for: filter, depth: depth + 1)) }
            if case .all = dialect { return balanced(nodes, .and) }
            return balanced(nodes, .or)
        case .not(let filter):
            return .not(try node(for: filter, depth: depth + 1), at: nil)
        case .sql(let expression):
            return .passes(expression.root)
        }
    }

    /// The attributes sorted by name, checked: names `[a-z0-9]+`, values not empty.
    private static func attributes(_ attributes: [String: String], of dialect: SubscriptionFilter.Dialect)
        throws(SubscriptionFilterError) -> [(String, String)]
    {
        let sorted = attributes.sorted { $0.key < $1.key }
        for (name, value) in sorted {
            guard Parser.isAttributeName(name) else {
                throw SubscriptionFilterError(
                    .invalidFilter, dialect: dialect.name,
                    message: "\"\(name)\" is not an attribute name (lower-case letters and digits, not empty)")
            }
            guard !value.isEmpty else {
                throw SubscriptionFilterError(
                    .invalidFilter, dialect: dialect.name, message: "the value for \(name) must not be empty")
            }
        }
        return sorted.map { ($0.key, $0.value) }
    }

    /// `nodes` joined by `logicOperator`; no nodes is `true`.
    private static func balanced(_ nodes: [Node], _ logicOperator: LogicOperator) -> Node {
        guard !nodes.isEmpty else { return .literal(.boolean(true)) }
        var level = nodes
        while level.count > 1 {
            var next: [Node] = []
            next.reserveCapacity((level.count + 1) / 2)
            var index = 0
            while index + 1 < level.count {
                next.append(.logic(logicOperator, level[index], level[index + 1], at: nil))
                index += 2
            }
            if index < level.count { next.append(level[index]) }
            level = next
        }
        return level[0]
    }
}
