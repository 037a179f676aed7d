extension Node {
    /// The same tree with its common comparisons replaced by specialised leaves: an attribute
    /// against a string literal (`=`, `!=`), against a `LIKE` pattern, or against an Integer
    /// literal (`<`, `<=`, `>`, `>=`). Each evaluates as the subtree it replaces; the height does
    /// not grow, so ``CESQLExpression/Limits/maximumDepth`` still bounds the recursion.
    func specialized() -> Node {
        switch self {
        case .literal, .attribute, .exists, .missingFunction, .textEquality, .textLike, .integerOrdering:
            return self
        case .not(let operand, let offset):
            return .not(operand.specialized(), at: offset)
        case .negate(let operand, let offset):
            return .negate(operand.specialized(), at: offset)
        case .arithmetic(let arithmeticOperator, let left, let right, let offset):
            return .arithmetic(arithmeticOperator, left.specialized(), right.specialized(), at: offset)
        case .equality(let negated, .attribute(let name, let offset), .literal(.string(let literal)), _):
            return .textEquality(
                AttributeReference(name: name, offset: offset), literal, utf8: Array(literal.utf8), negated: negated)
        case .equality(let negated, let left, let right, let offset):
            return .equality(negated: negated, left.specialized(), right.specialized(), at: offset)
        case .ordering(
            let orderingOperator, .attribute(let name, let attributeOffset), .literal(.integer(let literal)), let offset
        ):
            return .integerOrdering(
                orderingOperator, AttributeReference(name: name, offset: attributeOffset), literal, at: offset)
        case .ordering(let orderingOperator, let left, let right, let offset):
            return .ordering(orderingOperator, left.specialized(), right.specialized(), at: offset)
        case .logic(let logicOperator, let left, let right, let offset):
            return .logic(logicOperator, left.specialized(), right.specialized(), at: offset)
        case .like(.attribute(let name, let offset), let pattern, let negated):
            return .textLike(AttributeReference(name: name, offset: offset), pattern, negated: negated)
        case .like(let operand, let pattern, let negated):
            return .like(operand.specialized(), pattern, negated: negated)
        case .in(let operand, let set, let negated, let offset):
            return .in(operand.specialized(), set.map { $0.specialized() }, negated: negated, at: offset)
        case .call(let function, let arguments, let offset):
            return .call(function, arguments.map { $0.specialized() }, at: offset)
        case .passes(let subtree):
            return .passes(subtree.specialized())
        }
    }
}
