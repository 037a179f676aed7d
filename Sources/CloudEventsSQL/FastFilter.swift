import CloudEvents

/// A compiled expression made only of Boolean operators (`AND`, `OR`, `XOR`, `NOT`), `EXISTS`
/// and the specialised comparisons of ``Node/specialized()``, flattened into an array of steps
/// with no reference-counted payload, so that evaluating it reads the event's stored fields and
/// retains nothing.
///
/// It answers only when every attribute it reads is stored in the shape its step needs; it then
/// gives the value the general tree gives, and no error (none of these steps can fail on such
/// an event). Otherwise it answers `nil` and the caller evaluates the general tree, which gives
/// the value and the errors. Evaluating is pure, so starting over loses nothing.
struct FastFilter: Sendable {
    /// An attribute's stored field.
    enum Field: Sendable {
        case id, source, type, subject, dataContentType
        /// The core `dataschema`/`schemaurl` field, when the event is of this version.
        case dataSchema(coreIn: CloudEventSpecVersion)
        /// An extension attribute, by its name's bytes in ``FastFilter/bytes``.
        case `extension`(TextRange)
    }

    /// One step; operands are indices of other steps.
    enum Step: Sendable {
        case and(Int, Int), or(Int, Int), xor(Int, Int), not(Int)
        case exists(Field)
        /// The text attribute equals the bytes in ``FastFilter/bytes``.
        case textEquals(Field, TextRange, negated: Bool)
        /// The text attribute starts with the bytes in ``FastFilter/bytes`` (`LIKE 'prefix%'`).
        case textHasPrefix(Field, TextRange, negated: Bool)
        /// The text attribute matches ``FastFilter/patterns`` at this index.
        case textLike(Field, Int, negated: Bool)
        /// The Integer extension attribute compared with a literal.
        case integerOrdering(OrderingOperator, Field, Int32)
    }

    /// The steps; the last one is the root.
    private(set) var steps: [Step] = []
    /// The literals' and extension names' UTF-8 bytes.
    private(set) var bytes: [UInt8] = []
    /// The `LIKE` patterns that are not a literal prefix.
    private(set) var patterns: [LikePattern] = []

    /// The flat form of a specialised tree; `nil` when it has any other kind of node.
    init?(_ root: Node) {
        guard add(root) != nil else { return nil }
    }

    /// Adds `node`'s steps, children first; the index of its step, or `nil` if it cannot be added.
    private mutating func add(_ node: Node) -> Int? {
        let step: Step
        switch node {
        case .logic(let logicOperator, let left, let right, _):
            guard let x = add(left), let y = add(right) else { return nil }
            switch logicOperator {
            case .and: step = .and(x, y)
            case .or: step = .or(x, y)
            case .xor: step = .xor(x, y)
            }
        case .not(let operand, _):
            guard let x = add(operand) else { return nil }
            step = .not(x)
        case .exists(let name):
            guard let field = field(AttributeKey(name)) else { return nil }
            step = .exists(field)
        case .textEquality(let attribute, _, let utf8, let negated):
            guard let field = field(attribute.key) else { return nil }
            step = .textEquals(field, store(utf8), negated: negated)
        case .textLike(let attribute, let pattern, let negated):
            guard let field = field(attribute.key) else { return nil }
            if let prefix = pattern.prefix {
                step = .textHasPrefix(field, store(prefix), negated: negated)
            } else {
                patterns.append(pattern)
                step = .textLike(field, patterns.count - 1, negated: negated)
            }
        case .integerOrdering(let orderingOperator, let attribute, let literal, _):
            guard let field = field(attribute.key) else { return nil }
            step = .integerOrdering(orderingOperator, field, literal)
        default:
            return nil
        }
        steps.append(step)
        return steps.count - 1
    }

    private mutating func field(_ key: AttributeKey) -> Field? {
        switch key {
        case .id: .id
        case .source: .source
        case .type: .type
        case .subject: .subject
        case .dataContentType: .dataContentType
        case .dataSchema(let version): .dataSchema(coreIn: version)
        case .computed: nil
        case .extension(let name): .extension(store(name))
        }
    }

    private mutating func store(_ utf8: [UInt8]) -> TextRange {
        let start = bytes.count
        bytes.append(contentsOf: utf8)
        return TextRange(start: UInt32(truncatingIfNeeded: start), count: UInt32(truncatingIfNeeded: utf8.count))
    }
}
