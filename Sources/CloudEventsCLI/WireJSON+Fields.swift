import CloudEvents

/// Reading and writing the fields the messages of every binding share: Base64 byte fields,
/// optional text, and lists of name/value pairs.
extension WireJSON {
    /// A byte field: Base64 text, or `null` for none.
    static func bytes(_ bytes: [UInt8]?) -> WireJSON {
        bytes.map { .string(Base64.encode($0)) } ?? .null
    }

    /// Optional text: a string, or `null`.
    static func text(_ text: String?) -> WireJSON {
        text.map { .string($0) } ?? .null
    }

    /// Name/value pairs as `[[name, value], ...]`.
    static func pairs(_ pairs: [(String, String)]) -> WireJSON {
        .array(pairs.map { .array([.string($0.0), .string($0.1)]) })
    }

    /// The bytes of a Base64 field; `nil` for `null`.
    func bytes(_ field: String) throws -> [UInt8]? {
        switch self {
        case .null: return nil
        case .string(let text):
            do {
                return try Base64.decode(text)
            } catch {
                throw WireFormatError("\"\(field)\" is not Base64: \(error.message)")
            }
        default: throw WireFormatError("\"\(field)\" must be a Base64 string or null")
        }
    }

    /// The text of an optional string field; `nil` for `null`.
    func text(_ field: String) throws -> String? {
        switch self {
        case .null: return nil
        case .string(let text): return text
        default: throw WireFormatError("\"\(field)\" must be a string or null")
        }
    }

    /// The elements of an array field.
    func elements(_ field: String) throws -> [WireJSON] {
        guard case .array(let elements) = self else { throw WireFormatError("\"\(field)\" must be an array") }
        return elements
    }

    /// The pairs of a `[[name, value], ...]` field, each value read by `value`.
    func pairs<Value>(_ field: String, value: (WireJSON, String) throws -> Value) throws -> [(String, Value)] {
        try elements(field).enumerated().map { index, element in
            let place = "\(field)[\(index)]"
            guard case .array(let pair) = element, pair.count == 2, case .string(let name) = pair[0] else {
                throw WireFormatError("\"\(place)\" must be a [name, value] pair with a string name")
            }
            return (name, try value(pair[1], place))
        }
    }

    /// The pairs of a `[[name, "text"], ...]` field.
    func textPairs(_ field: String) throws -> [(String, String)] {
        try pairs(field) { value, place in
            guard case .string(let text) = value else { throw WireFormatError("\"\(place)\" must have a string value") }
            return text
        }
    }
}
