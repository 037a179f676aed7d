import CloudEvents

/// The binding's type mapping (section 3.1.3.2) in both directions.
extension AMQPValue {
    /// The types of the attributes the header decoder reads as core attributes, which take text
    /// (and `time` a Timestamp) only: every core attribute of 1.0 and 0.3.
    static let coreTypes: [String: CloudEventAttributeType] = [
        "specversion": .string, "id": .string, "source": .uriReference, "type": .string, "subject": .string,
        "time": .timestamp, "datacontenttype": .string, "dataschema": .uri, "schemaurl": .uriReference,
        "datacontentencoding": .string,
    ]

    /// The native AMQP form of an attribute value, as the encoder writes it: Boolean as
    /// `boolean`, Integer as `long`, String, URI and URI-reference as `string`, Binary as
    /// `binary`, Timestamp as ``native(_:)-(Timestamp)``.
    static func native(_ value: CloudEventAttributeValue) -> AMQPValue {
        switch value {
        case .boolean(let flag): .boolean(flag)
        case .integer(let integer): .long(Int64(integer))
        case .string(let text), .uri(let text), .uriReference(let text): .string(text)
        case .binary(let bytes): .binary(bytes)
        case .timestamp(let timestamp): native(timestamp)
        }
    }

    /// A Timestamp as an AMQP `timestamp` when that carries it exactly, else as its RFC 3339
    /// `string`.
    ///
    /// An AMQP timestamp is a count of UTC milliseconds, which decodes (``timestamp(milliseconds:)``)
    /// to a `Z` time with no fractional digits when the milliseconds are 0 and 3 otherwise. A
    /// Timestamp goes native only when that gives it back unchanged; any other (nanoseconds, an
    /// offset, a lowercase `z` or `t`, `.000`, a leap second) keeps its exact text as a string.
    static func native(_ timestamp: Timestamp) -> AMQPValue {
        timestamp.exactUTCCount(unitsPerSecond: 1000).map { .timestamp($0) } ?? .string(timestamp.rfc3339)
    }

    /// The Timestamp of an AMQP timestamp: UTC (`Z`), with 3 fractional digits when the
    /// millisecond part is not 0, else none.
    static func timestamp(milliseconds: Int64) throws -> Timestamp {
        try Timestamp(utcCount: milliseconds, unitsPerSecond: 1000)
    }

    /// The attribute value this AMQP value carries in the application property `property`.
    ///
    /// `string` and `symbol` are text, `boolean` a Boolean, `binary` Binary, `timestamp` a
    /// Timestamp, and every integer type (the binding's `long`, and the others, as the binding
    /// allows a receiver to accept) an Integer when it is within its range. `null`, `float`,
    /// `double`, `char` and `uuid` have no CloudEvents type and are refused, never converted.
    func attributeValue(property: String, attribute: String) throws -> CloudEventAttributeValue {
        switch self {
        case .string(let text), .symbol(let text): return .string(text)
        case .boolean(let flag): return .boolean(flag)
        case .binary(let bytes): return .binary(bytes)
        case .timestamp(let milliseconds):
            do {
                return .timestamp(try Self.timestamp(milliseconds: milliseconds))
            } catch var error as CloudEventError {
                error.attribute = attribute
                error.message =
                    "application property \(property) carries the AMQP timestamp \(milliseconds): "
                    + error.message
                throw error
            }
        case .null, .float, .double, .char, .uuid:
            throw CloudEventError(
                .attributeTypeMismatch, attribute: attribute,
                message: "application property \(property) carries an AMQP \(typeName), which the binding maps to"
                    + " no CloudEvents type (boolean, long, string, binary or timestamp)")
        default:
            switch integerFit {
            case .fits(let integer): return .integer(integer)
            case .outOfRange(let text):
                if let type = AMQPValue.coreTypes[attribute] {
                    // What the header decoder says of an Integer for a core attribute.
                    throw CloudEventError(
                        .attributeTypeMismatch, attribute: attribute,
                        message: "application property \(property) carries an Integer; \(attribute) is"
                            + " \(type == .integer ? "an" : "a") \(type) (it arrived as an AMQP \(typeName) \(text))")
                }
                throw CloudEventError(
                    .integerOutOfRange, attribute: attribute,
                    message: "application property \(property) carries the AMQP \(typeName) \(text), outside the"
                        + " Integer range -2147483648...2147483647")
            case nil:
                throw CloudEventError(
                    .attributeTypeMismatch, attribute: attribute,
                    message: "application property \(property) carries an AMQP \(typeName)")
            }
        }
    }
}
