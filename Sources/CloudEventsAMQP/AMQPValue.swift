/// A value of an AMQP 1.0 application property: the simple types a client library hands over.
///
/// The CloudEvents AMQP binding maps its types onto a few of these (section 3.1.3.2): Boolean to
/// ``boolean(_:)``, Integer to ``long(_:)``, String, URI and URI-reference to ``string(_:)``,
/// Binary to ``binary(_:)``, Timestamp to ``timestamp(_:)``. The others exist so that a decoder
/// can name what it received when a sender used one.
public enum AMQPValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `boolean`.
    case boolean(Bool)
    /// `ubyte`: an unsigned 8-bit integer.
    case ubyte(UInt8)
    /// `ushort`: an unsigned 16-bit integer.
    case ushort(UInt16)
    /// `uint`: an unsigned 32-bit integer.
    case uint(UInt32)
    /// `ulong`: an unsigned 64-bit integer.
    case ulong(UInt64)
    /// `byte`: a signed 8-bit integer.
    case byte(Int8)
    /// `short`: a signed 16-bit integer.
    case short(Int16)
    /// `int`: a signed 32-bit integer.
    case int(Int32)
    /// `long`: a signed 64-bit integer; the binding's type for Integer.
    case long(Int64)
    /// `float`: an IEEE 754 binary32.
    case float(Float)
    /// `double`: an IEEE 754 binary64.
    case double(Double)
    /// `char`: one Unicode scalar.
    case char(Unicode.Scalar)
    /// `timestamp`: milliseconds since 1970-01-01T00:00:00Z (UTC), as a signed 64-bit integer.
    case timestamp(Int64)
    /// `uuid`: the 16 bytes of a UUID, in network order.
    case uuid([UInt8])
    /// `binary`: a sequence of bytes.
    case binary([UInt8])
    /// `string`: Unicode text.
    case string(String)
    /// `symbol`: ASCII text naming a symbolic value.
    case symbol(String)

    /// The AMQP type's name, as the AMQP 1.0 types specification writes it (`long`, `symbol`).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case .ubyte: "ubyte"
        case .ushort: "ushort"
        case .uint: "uint"
        case .ulong: "ulong"
        case .byte: "byte"
        case .short: "short"
        case .int: "int"
        case .long: "long"
        case .float: "float"
        case .double: "double"
        case .char: "char"
        case .timestamp: "timestamp"
        case .uuid: "uuid"
        case .binary: "binary"
        case .string: "string"
        case .symbol: "symbol"
        }
    }

    /// How an integer type's value fits the CloudEvents Integer (`Int32`); `nil` for the types
    /// that are not integers.
    var integerFit: IntegerFit? {
        switch self {
        case .ubyte(let value): IntegerFit(value)
        case .ushort(let value): IntegerFit(value)
        case .uint(let value): IntegerFit(value)
        case .ulong(let value): IntegerFit(value)
        case .byte(let value): IntegerFit(value)
        case .short(let value): IntegerFit(value)
        case .int(let value): IntegerFit(value)
        case .long(let value): IntegerFit(value)
        default: nil
        }
    }
}

/// An AMQP integer as a CloudEvents Integer, or the decimal text of one that does not fit.
enum IntegerFit: Equatable {
    case fits(Int32)
    case outOfRange(String)

    init(_ value: some BinaryInteger) {
        self = Int32(exactly: value).map(IntegerFit.fits) ?? .outOfRange(String(value))
    }
}
