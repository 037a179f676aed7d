extension Node {
    /// The same tree with its common comparisons replaced by specialised leaves: an attribute
    /// against a string literal (`=`, `!=`), against a `LIKE` pattern, or against an Integer
    /// literal (`<`, `<=`, `>`, `>=`). Each evaluates as the subtree it replaces; the height does
    /// not grow, so ``CESQLExpression/Limits/maximumDepth`` still bounds the recursion.
    func specialized() -> Node {
        switch self {
        case .literal, .attribute, .exists, .missingFunction, .textEquality, .textLike, .integerOrdering:
            return self
        case .not(let operand):
            return .not(operand.specialized())
        case .negate(let operand, let offset):
            return .negate(operand.specialized(), at: offset)
        case .arithmetic(let arithmeticOperator, let left, let right, let offset):
            return .arithmetic(arithmeticOperator, left.specialized(), right.specialized(), at: offset)
        case .equality(let negated, .attribute(let name, let offset), .literal(.string(let literal))):
            return .textEquality(
                AttributeReference(name: name, offset: offset), literal, utf8: Array(literal.utf8), negated: negated)
        case .equality(let negated, let left, let right):
            return .equality(negated: negated, left.specialized(), right.specialized())
        case .ordering(let orderingOperator, .attribute(let name, let offset), .literal(.integer(let literal))):
            return .integerOrdering(orderingOperator, AttributeReference(name: name, offset: offset), literal)
        case .ordering(let orderingOperator, let left, let right):
            return .ordering(orderingOperator, left.specialized(), right.specialized())
        case .logic(let logicOperator, let left, let right):
            return .logic(logicOperator, left.specialized(), right.specialized())
        case .like(.attribute(let name, let offset), let pattern, let negated):
            return .textLike(AttributeReference(name: name, offset: offset), pattern, negated: negated)
        case .like(let operand, let pattern, let negated):
            return .like(operand.specialized(), pattern, negated: negated)
        case .in(let operand, let set, let negated):
            return .in(operand.specialized(), set.map { $0.specialized() }, negated: negated)
        case .call(let function, let arguments, let offset):
            return .call(function, arguments.map { $0.specialized() }, at: offset)
        case .passes(let subtree):
            return .passes(subtree.specialized())
        }
    }
}
