/// Splits a CESQL expression's UTF-8 text into tokens.
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Every token of the text, ending with a `.end` token.
    static func tokens(of bytes: [UInt8]) throws(CESQLError) -> [Token] {
        var lexer = Lexer(bytes)
        var result: [Token] = []
        while true {
            let token = try lexer.next()
            result.append(token)
            if token.kind == .end { return result }
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x5F
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func next() throws(CESQLError) -> Token {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09
            || bytes[position] == 0x0A || bytes[position] == 0x0D
        {
            position += 1
        }
        let start = position
        guard position < bytes.count else { return Token(kind: .end, offset: start, end: start) }
        let byte = bytes[position]
        position += 1
        func token(_ kind: Token.Kind) -> Token { Token(kind: kind, offset: start, end: position) }
        switch byte {
        case 0x28: return token(.openParenthesis)
        case 0x29: return token(.closeParenthesis)
        case 0x2C: return token(.comma)
        case 0x2B: return token(.symbol(.plus))
        case 0x2D: return token(.symbol(.minus))
        case 0x2A: return token(.symbol(.star))
        case 0x2F: return token(.symbol(.slash))
        case 0x25: return token(.symbol(.percent))
        case 0x3D: return token(.symbol(.equal))
        case 0x21:
            guard position < bytes.count, bytes[position] == 0x3D else {
                throw CESQLError(.parse, message: "expected '=' after '!'", byteOffset: position)
            }
            position += 1
            return token(.symbol(.notEqual))
        case 0x3C:
            if position < bytes.count, bytes[position] == 0x3D {
                position += 1
                return token(.symbol(.lessOrEqual))
            }
            if position < bytes.count, bytes[position] == 0x3E {
                position += 1
                return token(.symbol(.lessGreater))
            }
            return token(.symbol(.less))
        case 0x3E:
            if position < bytes.count, bytes[position] == 0x3D {
                position += 1
                return token(.symbol(.greaterOrEqual))
            }
            return token(.symbol(.greater))
        case 0x27, 0x22:
            return token(.string(try string(quote: byte, start: start)))
        default:
            guard Lexer.isWordByte(byte) else {
                throw CESQLError(
                    .parse, message: "expected an expression, found an unexpected character", byteOffset: start)
            }
            while position < bytes.count, Lexer.isWordByte(bytes[position]) { position += 1 }
            let word = String(decoding: bytes[start..<position], as: UTF8.self)
            if bytes[start..<position].allSatisfy(Lexer.isDigit) { return token(.digits(word)) }
            if let keyword = Token.Keyword(rawValue: word.uppercased()) { return token(.keyword(keyword)) }
            return token(.word(word))
        }
    }

    /// A string literal after its opening quote: `\` before the quote escapes it; any other
    /// backslash is kept as it is (LIKE patterns give `\%` and `\_` their meaning).
    private mutating func string(quote: UInt8, start: Int) throws(CESQLError) -> String {
        var content: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == quote { return String(decoding: content, as: UTF8.self) }
            if byte == 0x5C, position < bytes.count, bytes[position] == quote {
                content.append(quote)
                position += 1
            } else {
                content.append(byte)
            }
        }
        throw CESQLError(
            .parse, message: "expected the closing quote of the string literal that starts here", byteOffset: start)
    }
}
