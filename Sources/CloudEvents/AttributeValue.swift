/// A context attribute value that keeps its CloudEvents type.
///
/// Extension attributes keep their type through set, get, encode and decode where the event
/// format can carry it (the JSON format carries Boolean and Integer natively; every other type
/// travels as a string). Where a format or binding carries only text (HTTP binary mode, or a JSON
/// string), the value arrives as ``string(_:)`` and the typed reads (``integerValue(attribute:)``,
/// ``timestampValue(attribute:)``...) convert it from the canonical string encoding on request, failing
/// with a clear error.
public enum CloudEventAttributeValue: Sendable, Hashable, CustomStringConvertible {
    /// A Boolean.
    case boolean(Bool)
    /// An Integer: the spec's range is exactly `Int32`.
    case integer(Int32)
    /// A String.
    case string(String)
    /// A Binary value.
    case binary([UInt8])
    /// An absolute URI, as text.
    case uri(String)
    /// A URI reference, as text.
    case uriReference(String)
    /// A Timestamp, kept exactly as written.
    case timestamp(Timestamp)

    /// The value's CloudEvents type.
    public var type: CloudEventAttributeType {
        switch self {
        case .boolean: .boolean
        case .integer: .integer
        case .string: .string
        case .binary: .binary
        case .uri: .uri
        case .uriReference: .uriReference
        case .timestamp: .timestamp
        }
    }

    /// The canonical string encoding of the specification's type system.
    ///
    /// Boolean `true`/`false`, Integer in decimal, Binary in Base64, Timestamp in RFC 3339 as
    /// received; String, URI and URI-reference as they are.
    public var canonicalString: String {
        switch self {
        case .boolean(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .string(let value), .uri(let value), .uriReference(let value): value
        case .binary(let bytes): Base64.encode(bytes)
        case .timestamp(let value): value.rfc3339
        }
    }

    /// The canonical string encoding.
    public var description: String { canonicalString }

    /// Parses a canonical string encoding as the given type.
    ///
    /// - Throws: ``CloudEventError`` when `text` is not a valid canonical encoding of `type`
    ///   (for example `1.5` or `2147483648` as an Integer, `True` as a Boolean).
    public init(canonicalString text: String, as type: CloudEventAttributeType, attribute: String? = nil)
        throws
    {
        switch type {
        case .string:
            self = .string(text)
        case .boolean:
            switch text {
            case "true": self = .boolean(true)
            case "false": self = .boolean(false)
            default:
                throw CloudEventError(
                    .invalidAttributeValue, attribute: attribute,
                    message: "\"\(text)\" is not a Boolean; the canonical forms are true and false")
            }
        case .integer:
            self = .integer(try CloudEventAttributeValue.parseInteger(text, attribute: attribute))
        case .binary:
            do {
                self = .binary(try Base64.decode(text))
            } catch var error {
                error.attribute = attribute
                error.code = .invalidAttributeValue
                throw error
            }
        case .uri:
            try CloudEventAttributeValue.checkURI(text, absolute: true, attribute: attribute)
            self = .uri(text)
        case .uriReference:
            try CloudEventAttributeValue.checkURI(text, absolute: false, attribute: attribute)
            self = .uriReference(text)
        case .timestamp:
            do {
                self = .timestamp(try Timestamp(parsing: text))
            } catch var error as CloudEventError {
                error.attribute = attribute
                throw error
            }
        }
    }

    /// This value converted to `type`, through the canonical string encoding when needed.
    ///
    /// A value that already has the type is returned as it is; a ``string(_:)`` is parsed; any
    /// other combination is an ``CloudEventError/Code/attributeTypeMismatch``.
    public func converted(to type: CloudEventAttributeType, attribute: String? = nil) throws
        -> CloudEventAttributeValue
    {
        if self.type == type { return self }
        switch self {
        case .string(let text), .uri(let text), .uriReference(let text):
            return try CloudEventAttributeValue(canonicalString: text, as: type, attribute: attribute)
        default:
            if type == .string { return .string(canonicalString) }
            throw CloudEventError(
                .attributeTypeMismatch, attribute: attribute,
                message: "a \(self.type) value cannot be read as \(type)")
        }
    }

    /// The value as an Integer: an ``integer(_:)``, or a String in canonical Integer form.
    public func integerValue(attribute: String? = nil) throws -> Int32 {
        guard case .integer(let value) = try converted(to: .integer, attribute: attribute) else {
            throw CloudEventError(.attributeTypeMismatch, attribute: attribute, message: "not an Integer")
        }
        return value
    }

    /// The value as a Boolean: a ``boolean(_:)``, or the String `true` or `false`.
    public func booleanValue(attribute: String? = nil) throws -> Bool {
        guard case .boolean(let value) = try converted(to: .boolean, attribute: attribute) else {
            throw CloudEventError(.attributeTypeMismatch, attribute: attribute, message: "not a Boolean")
        }
        return value
    }

    /// The value as a Timestamp: a ``timestamp(_:)``, or a String in RFC 3339 form.
    public func timestampValue(attribute: String? = nil) throws -> Timestamp {
        guard case .timestamp(let value) = try converted(to: .timestamp, attribute: attribute) else {
            throw CloudEventError(.attributeTypeMismatch, attribute: attribute, message: "not a Timestamp")
        }
        return value
    }

    /// The value as Binary: a ``binary(_:)``, or a String in Base64.
    public func binaryValue(attribute: String? = nil) throws -> [UInt8] {
        guard case .binary(let value) = try converted(to: .binary, attribute: attribute) else {
            throw CloudEventError(.attributeTypeMismatch, attribute: attribute, message: "not Binary")
        }
        return value
    }

    /// The value as an absolute URI's text, checked against RFC 3986.
    public func uriValue(attribute: String? = nil) throws -> String {
        guard case .uri(let value) = try converted(to: .uri, attribute: attribute) else {
            throw CloudEventError(.attributeTypeMismatch, attribute: attribute, message: "not a URI")
        }
        return value
    }

    /// The value as a URI reference's text, checked against RFC 3986.
    public func uriReferenceValue(attribute: String? = nil) throws -> String {
        switch self {
        case .uri(let value): return value  // every URI is a URI reference
        default:
            guard case .uriReference(let value) = try converted(to: .uriReference, attribute: attribute)
            else {
                throw CloudEventError(
                    .attributeTypeMismatch, attribute: attribute, message: "not a URI-reference")
            }
            return value
        }
    }

    /// Parses the Integer canonical form: an optional `-` then decimal digits, in `Int32` range.
    static func parseInteger(_ text: String, attribute: String?) throws -> Int32 {
        var copy = text
        return try copy.withUTF8 { bytes in
            switch IntegerSyntax.parse(bytes) {
            case .value(let value): return value
            case .malformed(let offset):
                throw CloudEventError(
                    .invalidAttributeValue, attribute: attribute, byteOffset: offset,
                    message: "\"\(text)\" is not an Integer (an optional '-' and decimal digits)")
            case .outOfRange:
                throw CloudEventError(
                    .integerOutOfRange, attribute: attribute,
                    message: "\(text) is outside the Integer range -2147483648...2147483647")
            }
        }
    }

    static func checkURI(_ text: String, absolute: Bool, attribute: String?) throws {
        var copy = text
        if let error = copy.withUTF8({ AttributeRules.checkURI($0, absolute: absolute, attribute: attribute) }) {
            throw error
        }
    }
}

/// The Integer canonical form, shared by every decoder.
enum IntegerSyntax {
    enum Outcome: Equatable {
        case value(Int32)
        case malformed(offset: Int)
        case outOfRange
    }

    /// Parses `-?[0-9]+` into `Int32` without allocating. Leading zeros are accepted, as JSON's
    /// integer component does not allow them but header text in the wild has them; the range
    /// check is exact.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < bytes.count else { return .malformed(offset: index) }
        var magnitude: Int64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return .malformed(offset: index) }
            magnitude = magnitude * 10 + Int64(digit)
            if magnitude > 2_147_483_648 { return .outOfRange }
            index += 1
        }
        let value = negative ? -magnitude : magnitude
        guard let result = Int32(exactly: value) else { return .outOfRange }
        return .value(result)
    }
}
