import CloudEvents

/// The specialised leaves of ``Node/specialized()``: each reads the stored attribute directly
/// when the event stores it in the shape the comparison needs, and otherwise evaluates exactly as
/// the general tree it replaced (the attribute by name, then the casts), errors included.
extension Evaluator {
    /// `attribute = 'text'` (or `!=`): the stored UTF-8 bytes against the literal's.
    mutating func textEquality(
        _ attribute: AttributeReference, _ literal: String, _ utf8: [UInt8], negated: Bool, in event: CloudEvent
    )
        -> Bool
    {
        if let same = event.withText(
            attribute.key, { text in utf8.withUnsafeBufferPointer { ByteComparison.equal(text, $0) } })
        {
            return same != negated
        }
        guard let value = attributeValue(attribute.name, at: attribute.offset, in: event) else { return false }
        return Cast.same(Cast.string(value), literal) != negated
    }

    /// `attribute LIKE pattern` (or `NOT LIKE`): the pattern over the stored UTF-8 bytes.
    mutating func textLike(_ attribute: AttributeReference, _ pattern: LikePattern, negated: Bool, in event: CloudEvent)
        -> Bool
    {
        if let matched = event.withText(attribute.key, { pattern.matches(utf8: $0) }) {
            return matched != negated
        }
        guard let value = attributeValue(attribute.name, at: attribute.offset, in: event) else { return false }
        return pattern.matches(Cast.string(value)) != negated
    }

    /// `attribute < 5` and the like: a stored Integer extension compared without a cast.
    mutating func integerOrdering(
        _ orderingOperator: OrderingOperator, _ attribute: AttributeReference, _ literal: Int32,
        in event: CloudEvent
    ) -> Bool {
        if let stored = event.storedInteger(attribute.key) {
            return Evaluator.compare(orderingOperator, stored, literal)
        }
        guard let value = attributeValue(attribute.name, at: attribute.offset, in: event) else { return false }
        return Evaluator.compare(orderingOperator, Cast.integer(value, errors: &errors), literal)
    }
}
