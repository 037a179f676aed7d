/// Reads one JSON document into a ``JSONValue``, recursing no deeper than a fixed limit.
struct JSONReader {
    /// A failure, with the byte offset where it was found.
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    private let bytes: [UInt8]
    private let maximumDepth: Int
    private var position = 0

    /// The document in `text`, which must hold exactly one value.
    static func read(_ text: String, maximumDepth: Int) throws(Failure) -> JSONValue {
        var reader = JSONReader(bytes: Array(text.utf8), maximumDepth: maximumDepth)
        let value = try reader.value(depth: 1)
        reader.skipSpace()
        guard reader.position == reader.bytes.count else { throw reader.failure("expected the end of the JSON text") }
        return value
    }

    private init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    private func failure(_ message: String) -> Failure { Failure(message: message, offset: position) }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { throw failure("expected \(what)") }
        position += 1
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        skipSpace()
        guard position < bytes.count else { throw failure("expected a JSON value") }
        switch bytes[position] {
        case 0x7B, 0x5B:
            guard depth <= maximumDepth else { throw failure("the JSON nests deeper than \(maximumDepth) levels") }
            return bytes[position] == 0x7B ? try object(depth: depth) : try array(depth: depth)
        case 0x22: return .string(try string())
        default:
            let start = position
            while position < bytes.count, bytes[position] == 0x2D || bytes[position] == 0x2B
                || bytes[position] == 0x2E || (bytes[position] | 0x20 >= 0x61 && bytes[position] | 0x20 <= 0x7A)
                || (bytes[position] >= 0x30 && bytes[position] <= 0x39)
            {
                position += 1
            }
            let word = String(decoding: bytes[start..<position], as: UTF8.self)
            guard ["true", "false", "null"].contains(word) || JSONReader.isNumber(word) else {
                position = start
                throw failure("expected a JSON value")
            }
            return .scalar(word)
        }
    }

    private static func isNumber(_ word: String) -> Bool {
        guard let first = word.utf8.first, first == 0x2D || (first >= 0x30 && first <= 0x39) else { return false }
        return Double(word) != nil
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if position < bytes.count, bytes[position] == 0x7D {
            position += 1
            return .object(members)
        }
        while true {
            skipSpace()
            let keyOffset = position
            guard position < bytes.count, bytes[position] == 0x22 else { throw failure("expected a member name") }
            let key = try string()
            guard !members.contains(where: { $0.key == key }) else {
                throw Failure(message: "the member \"\(key)\" appears twice", offset: keyOffset)
            }
            try expect(0x3A, "':'")
            members.append((key, try value(depth: depth + 1)))
            skipSpace()
            guard position < bytes.count else { throw failure("expected ',' or '}'") }
            position += 1
            if bytes[position - 1] == 0x7D { return .object(members) }
            guard bytes[position - 1] == 0x2C else {
                position -= 1
                throw failure("expected ',' or '}'")
            }
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        position += 1
        var elements: [JSONValue] = []
        skipSpace()
        if position < bytes.count, bytes[position] == 0x5D {
            position += 1
            return .array(elements)
        }
        while true {
            elements.append(try value(depth: depth + 1))
            skipSpace()
            guard position < bytes.count else { throw failure("expected ',' or ']'") }
            position += 1
            if bytes[position - 1] == 0x5D { return .array(elements) }
            guard bytes[position - 1] == 0x2C else {
                position -= 1
                throw failure("expected ',' or ']'")
            }
        }
    }

    private mutating func string() throws(Failure) -> String {
        let start = position
        position += 1
        var scalars = String.UnicodeScalarView()
        var runStart = position
        func flush(_ end: Int) { scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars) }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x22 {
                flush(position)
                position += 1
                return String(scalars)
            }
            if byte < 0x20 { throw failure("expected an escape for the control character in the string") }
            guard byte == 0x5C else {
                position += 1
                continue
            }
            flush(position)
            position += 1
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case 0x22: scalars.append("\"")
            case 0x5C: scalars.append("\\")
            case 0x2F: scalars.append("/")
            case 0x62: scalars.append("\u{08}")
            case 0x66: scalars.append("\u{0C}")
            case 0x6E: scalars.append("\n")
            case 0x72: scalars.append("\r")
            case 0x74: scalars.append("\t")
            case 0x75: scalars.append(try unicodeEscape())
            default:
                position -= 2
                throw failure("expected a JSON escape")
            }
            runStart = position
        }
        throw Failure(message: "expected the end of the string that starts here", offset: start)
    }

    /// `\uXXXX` (after the `u`), a surrogate pair joined.
    private mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800...0xDBFF).contains(high) {
            guard position + 1 < bytes.count, bytes[position] == 0x5C, bytes[position + 1] == 0x75 else {
                throw failure("expected the low surrogate of a \\u escape pair")
            }
            position += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low),
                let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            else { throw failure("expected a low surrogate") }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else { throw failure("a lone surrogate is not a character") }
        return scalar
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count,
            bytes[position..<position + 4].allSatisfy({ ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) || ($0 >= 0x30 && $0 <= 0x39) }),
            let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { throw failure("expected 4 hexadecimal digits") }
        position += 4
        return value
    }
}
