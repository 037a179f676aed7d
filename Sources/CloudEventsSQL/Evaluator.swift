import CloudEvents

/// Evaluates a ``Node`` tree against one event, collecting the errors.
///
/// The event is passed down each call rather than stored, so that evaluating does not copy it.
/// A subexpression that reads a missing attribute directly gives the zero value of its return
/// type (section 3.2); `nil` stands for such a missing operand on the way up.
struct Evaluator {
    var errors: [CESQLError] = []

    /// The value of `node`, or `nil` when `node` is an attribute the event does not have.
    ///
    /// A cast error carries the byte offset of the operator or function whose operand failed to
    /// cast: the innermost one, since each node locates its own casts once its children have.
    mutating func value(of node: Node, in event: CloudEvent) -> CESQLValue? {
        let before = errors.count
        let value = unlocatedValue(of: node, in: event)
        locateCasts(since: before, at: node.operatorOffset)
        return value
    }

    /// Gives the cast errors collected since `before` that have no byte offset yet `offset`.
    mutating func locateCasts(since before: Int, at offset: Int?) {
        guard let offset, before < errors.count else { return }
        for index in before..<errors.count where errors[index].kind == .cast && errors[index].byteOffset == nil {
            errors[index].byteOffset = offset
        }
    }

    private mutating func unlocatedValue(of node: Node, in event: CloudEvent) -> CESQLValue? {
        switch node {
        case .literal(let value):
            return value
        case .attribute(let name, let offset):
            return attributeValue(name, at: offset, in: event)
        case .exists(let name):
            return .boolean(event.attribute(name) != nil)
        case .not(let operand, _):
            guard let value = value(of: operand, in: event) else { return .boolean(false) }
            return .boolean(!Cast.boolean(value, errors: &errors))
        case .negate(let operand, let offset):
            guard let value = value(of: operand, in: event) else { return .integer(0) }
            let integer = Cast.integer(value, errors: &errors)
            guard integer != .min else {
                errors.append(
                    CESQLError(.math, message: "-(\(integer)) overflows a 32-bit Integer", byteOffset: offset))
                return .integer(0)
            }
            return .integer(-integer)
        case .arithmetic(let arithmeticOperator, let left, let right, let offset):
            let leftValue = value(of: left, in: event)
            let rightValue = value(of: right, in: event)
            guard let leftValue, let rightValue else { return .integer(0) }
            let x = Cast.integer(leftValue, errors: &errors)
            let y = Cast.integer(rightValue, errors: &errors)
            let before = errors.count
            let result = arithmetic(arithmeticOperator, x, y)
            for index in before..<errors.count { errors[index].byteOffset = offset }
            return .integer(result)
        case .equality(let negated, let left, let right, _):
            let leftValue = value(of: left, in: event)
            let rightValue = value(of: right, in: event)
            guard let leftValue, let rightValue else { return .boolean(false) }
            return .boolean(equal(leftValue, rightValue) != negated)
        case .ordering(let orderingOperator, let left, let right, _):
            let leftValue = value(of: left, in: event)
            let rightValue = value(of: right, in: event)
            guard let leftValue, let rightValue else { return .boolean(false) }
            let x = Cast.integer(leftValue, errors: &errors)
            let y = Cast.integer(rightValue, errors: &errors)
            return .boolean(Evaluator.compare(orderingOperator, x, y))
        case .logic(let logicOperator, let left, let right, _):
            return .boolean(logic(logicOperator, left, right, in: event))
        case .like(let operand, let pattern, let negated):
            guard let value = value(of: operand, in: event) else { return .boolean(false) }
            return .boolean(pattern.matches(Cast.string(value)) != negated)
        case .in(let operand, let set, let negated, _):
            return .boolean(membership(operand, set, negated: negated, in: event))
        case .call(let function, let arguments, let offset):
            var values: [CESQLValue] = []
            values.reserveCapacity(arguments.count)
            var missing = false
            for argument in arguments {
                if let value = value(of: argument, in: event) { values.append(value) } else { missing = true }
            }
            if missing { return function.returnType.zeroValue }
            let before = errors.count
            let result = function.apply(values, errors: &errors)
            for index in before..<errors.count { errors[index].byteOffset = offset }
            return result
        case .missingFunction(let name, let arity, let offset):
            errors.append(
                CESQLError(
                    .missingFunction,
                    message: "no function \(name) takes \(arity) argument\(arity == 1 ? "" : "s")", byteOffset: offset))
            return .boolean(false)
        case .passes(let subtree):
            let outer = errors
            errors = []
            let verdict = value(of: subtree, in: event) == .boolean(true) && errors.isEmpty
            errors = outer
            return .boolean(verdict)
        case .textEquality(let attribute, let literal, let utf8, let negated):
            return .boolean(textEquality(attribute, literal, utf8, negated: negated, in: event))
        case .textLike(let attribute, let pattern, let negated):
            return .boolean(textLike(attribute, pattern, negated: negated, in: event))
        case .integerOrdering(let orderingOperator, let attribute, let literal, _):
            return .boolean(integerOrdering(orderingOperator, attribute, literal, in: event))
        }
    }

    /// The attribute `name` in the CESQL type system, or `nil` with a missing-attribute error.
    mutating func attributeValue(_ name: String, at offset: Int?, in event: CloudEvent) -> CESQLValue? {
        guard let value = event.attribute(name) else {
            errors.append(
                CESQLError(
                    .missingAttribute, message: "the event has no attribute \(name)", byteOffset: offset,
                    attribute: name))
            return nil
        }
        return Evaluator.cesqlValue(value)
    }

    /// `x < y`, `x <= y`, `x > y`, `x >= y`.
    static func compare(_ orderingOperator: OrderingOperator, _ x: Int32, _ y: Int32) -> Bool {
        switch orderingOperator {
        case .less: x < y
        case .lessOrEqual: x <= y
        case .greater: x > y
        case .greaterOrEqual: x >= y
        }
    }

    /// An attribute's value in the CESQL type system: anything but Boolean and Integer as a String.
    static func cesqlValue(_ value: CloudEventAttributeValue) -> CESQLValue {
        switch value {
        case .boolean(let boolean): .boolean(boolean)
        case .integer(let integer): .integer(integer)
        case .string(let text), .uri(let text), .uriReference(let text): .string(text)
        default: .string(value.canonicalString)
        }
    }

    /// `=` is ambiguous: the right operand's type decides, and the left operand is cast to it.
    private mutating func equal(_ left: CESQLValue, _ right: CESQLValue) -> Bool {
        switch right {
        case .boolean(let y): Cast.boolean(left, errors: &errors) == y
        case .integer(let y): Cast.integer(left, errors: &errors) == y
        case .string(let y): Cast.same(Cast.string(left), y)
        }
    }

    private mutating func arithmetic(_ arithmeticOperator: ArithmeticOperator, _ x: Int32, _ y: Int32) -> Int32 {
        let result: (partialValue: Int32, overflow: Bool)
        switch arithmeticOperator {
        case .add: result = x.addingReportingOverflow(y)
        case .subtract: result = x.subtractingReportingOverflow(y)
        case .multiply: result = x.multipliedReportingOverflow(by: y)
        case .divide, .remainder:
            guard y != 0 else {
                errors.append(CESQLError(.math, message: "division by zero"))
                return 0
            }
            // The remainder of Int32.min by -1 is 0: no overflow in the result.
            if arithmeticOperator == .remainder { return y == -1 ? 0 : x % y }
            result = x.dividedReportingOverflow(by: y)
        }
        guard !result.overflow else {
            errors.append(CESQLError(.math, message: "the result of \(x) and \(y) overflows a 32-bit Integer"))
            return 0
        }
        return result.partialValue
    }

    /// AND and OR short-circuit: the right operand is not evaluated when the left one decides.
    private mutating func logic(_ logicOperator: LogicOperator, _ left: Node, _ right: Node, in event: CloudEvent)
        -> Bool
    {
        guard let x = boolean(of: left, in: event) else { return false }
        switch logicOperator {
        case .and where !x: return false
        case .or where x: return true
        default: break
        }
        guard let y = boolean(of: right, in: event) else { return false }
        switch logicOperator {
        case .and: return y
        case .or: return y
        case .xor: return x != y
        }
    }

    /// An operand of AND, OR or XOR cast to Boolean, or `nil` when it is a missing attribute; the
    /// Boolean leaves and operators give their verdict without wrapping it in a ``CESQLValue``.
    private mutating func boolean(of node: Node, in event: CloudEvent) -> Bool? {
        let before = errors.count
        let verdict: Bool
        switch node {
        case .logic(let logicOperator, let left, let right, _):
            verdict = logic(logicOperator, left, right, in: event)
        case .textEquality(let attribute, let literal, let utf8, let negated):
            return textEquality(attribute, literal, utf8, negated: negated, in: event)
        case .textLike(let attribute, let pattern, let negated):
            return textLike(attribute, pattern, negated: negated, in: event)
        case .integerOrdering(let orderingOperator, let attribute, let literal, _):
            verdict = integerOrdering(orderingOperator, attribute, literal, in: event)
        default:
            // This cast is the caller's: the caller's node locates it.
            return value(of: node, in: event).map { Cast.boolean($0, errors: &errors) }
        }
        locateCasts(since: before, at: node.operatorOffset)
        return verdict
    }

    /// `IN`: every element is cast to the left operand's type, then compared as `=` does.
    private mutating func membership(_ operand: Node, _ set: [Node], negated: Bool, in event: CloudEvent) -> Bool {
        guard let value = value(of: operand, in: event) else { return false }
        var found = false
        var missing = false
        for element in set {
            guard let elementValue = self.value(of: element, in: event) else {
                missing = true
                continue
            }
            if !found { found = Cast.same(Cast.value(elementValue, to: value.type, errors: &errors), value) }
        }
        if missing { return false }
        return found != negated
    }
}
