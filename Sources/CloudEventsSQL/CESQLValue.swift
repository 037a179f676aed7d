/// A CESQL value: one of the language's three primitive types.
///
/// URI, URI-reference, Timestamp and Binary attributes are represented as ``string(_:)``, in their
/// canonical string encoding.
public enum CESQLValue: Sendable, Hashable, CustomStringConvertible {
    /// A Boolean.
    case boolean(Bool)
    /// A signed 32-bit Integer.
    case integer(Int32)
    /// A String.
    case string(String)

    /// The value's CESQL type.
    public var type: CESQLType {
        switch self {
        case .boolean: .boolean
        case .integer: .integer
        case .string: .string
        }
    }

    /// The value as one JSON value: `true`, `-12`, or the string as a JSON string literal.
    public var json: String {
        switch self {
        case .boolean(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .string(let value): JSONValue.quoted(value)
        }
    }

    /// The value as CESQL text would cast it to a String (`true`, `-12`, the string itself).
    public var description: String {
        switch self {
        case .boolean(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .string(let value): value
        }
    }
}

/// The three primitive types of CESQL.
public enum CESQLType: Sendable, Hashable, CustomStringConvertible {
    /// The Boolean type.
    case boolean
    /// The signed 32-bit Integer type.
    case integer
    /// The String type.
    case string

    /// The type's zero value: `false`, `0` or `""`.
    public var zeroValue: CESQLValue {
        switch self {
        case .boolean: .boolean(false)
        case .integer: .integer(0)
        case .string: .string("")
        }
    }

    /// The type's name as the specification writes it.
    public var description: String {
        switch self {
        case .boolean: "Boolean"
        case .integer: "Integer"
        case .string: "String"
        }
    }
}
