/// A strict, single-pass, non-recursive JSON (RFC 8259) scanner over UTF-8 bytes.
///
/// It never builds a tree: callers ask for the next token and get byte ranges back. Every
/// failure is a ``CloudEventError`` with code ``CloudEventError/Code/malformedInput`` (or
/// ``CloudEventError/Code/limitExceeded`` for depth) and the byte offset into the document.
/// The byte-level work is ``JSONValueSkipper``'s.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    /// Added to every reported offset, so errors inside a batch name the batch's byte offset.
    let offsetBase: Int
    let maximumDepth: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, index: Int = 0, offsetBase: Int = 0, maximumDepth: Int) {
        self.bytes = bytes
        self.index = index
        self.offsetBase = offsetBase
        self.maximumDepth = maximumDepth
    }

    var isAtEnd: Bool { index >= bytes.count }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    func error(_ message: String, at offset: Int? = nil, code: CloudEventError.Code = .malformedInput)
        -> CloudEventError
    {
        CloudEventError(code, byteOffset: offsetBase + (offset ?? index), message: message)
    }

    func unexpected(_ expectation: String) -> CloudEventError {
        JSONValueSkipper.Failure(offset: index, reason: isAtEnd ? .unexpectedEnd(expectation) : .unexpected(expectation))
            .error(offsetBase: offsetBase, bytes: bytes, maximumDepth: maximumDepth)
    }

    private func converting<R>(_ body: () throws(JSONValueSkipper.Failure) -> R) throws -> R {
        do {
            return try body()
        } catch {
            throw error.error(offsetBase: offsetBase, bytes: bytes, maximumDepth: maximumDepth)
        }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count, JSONValueSkipper.isWhitespace(bytes[index]) { index += 1 }
    }

    /// Consumes `byte` (after whitespace) or throws naming what was expected.
    @inline(__always)
    mutating func expect(_ byte: UInt8, _ description: String) throws {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { throw unexpected(description) }
        index += 1
    }

    // MARK: Tokens

    /// A scanned string: the bytes between the quotes, and whether any escape occurs in them.
    struct StringToken {
        var start: Int
        var end: Int
        var hasEscapes: Bool
    }

    /// Scans a string whose opening quote is at `index`; validates UTF-8 and escapes.
    mutating func scanString() throws -> StringToken {
        guard let base = bytes.baseAddress else { throw unexpected("a string") }
        let start = index + 1
        if let end = JSONValueSkipper.plainStringEnd(base, from: start, count: bytes.count) {
            index = end
            return StringToken(start: start, end: end - 1, hasEscapes: false)
        }
        var hasEscapes = false
        let end = try converting { () throws(JSONValueSkipper.Failure) in
            try JSONValueSkipper.skipString(base, from: start, count: bytes.count, hasEscapes: &hasEscapes)
        }
        index = end
        return StringToken(start: start, end: end - 1, hasEscapes: hasEscapes)
    }

    /// Scans a number at `index` per RFC 8259; reports whether it is only an integer component.
    mutating func scanNumber() throws -> (start: Int, end: Int, isInteger: Bool) {
        guard let base = bytes.baseAddress else { throw unexpected("a number") }
        let start = index
        var isInteger = true
        index = try converting { () throws(JSONValueSkipper.Failure) in
            try JSONValueSkipper.skipNumber(base, from: start, count: bytes.count, isInteger: &isInteger)
        }
        return (start, index, isInteger)
    }

    /// Scans `true`, `false` or `null` at `index`; returns which.
    mutating func scanLiteral() throws -> Bool? {
        guard let base = bytes.baseAddress, index < bytes.count else { throw unexpected("a JSON value") }
        let start = index
        let count = bytes.count
        switch base[start] {
        case UInt8(ascii: "t"):
            index = try converting { () throws(JSONValueSkipper.Failure) in
                try JSONValueSkipper.skipLiteral(base, from: start, count: count, "true")
            }
            return true
        case UInt8(ascii: "f"):
            index = try converting { () throws(JSONValueSkipper.Failure) in
                try JSONValueSkipper.skipLiteral(base, from: start, count: count, "false")
            }
            return false
        case UInt8(ascii: "n"):
            index = try converting { () throws(JSONValueSkipper.Failure) in
                try JSONValueSkipper.skipLiteral(base, from: start, count: count, "null")
            }
            return nil
        default:
            throw unexpected("a JSON value")
        }
    }

    /// Scans one complete JSON value at `index` (after whitespace), validating it fully, without
    /// recursion. `depth` is the number of containers already open around the value.
    mutating func skipValue(depth: Int) throws {
        let levels = max(1, min(maximumDepth - depth, 1 << 16))
        let start = index
        let bytes = self.bytes
        let maximumDepth = self.maximumDepth
        index = try converting { () throws(JSONValueSkipper.Failure) in
            try withUnsafeTemporaryAllocation(of: Bool.self, capacity: levels) {
                stack throws(JSONValueSkipper.Failure) in
                try JSONValueSkipper.skip(bytes, from: start, depth: depth, maximumDepth: maximumDepth, stack: stack)
            }
        }
    }

    // MARK: Unescaping

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Appends the unescaped UTF-8 of a string scanned by ``scanString()`` (already validated).
    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, _ token: StringToken, into output: inout [UInt8]) {
        var index = token.start
        while index < token.end {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            let kind = bytes[index + 1]
            index += 2
            switch kind {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4Unchecked(bytes, index)
                index += 4
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    let low = hex4Unchecked(bytes, index + 2)
                    index += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                appendUTF8(scalar, to: &output)
            default: output.append(kind)  // " \ /
            }
        }
    }

    /// The length in bytes of what ``unescape(_:_:into:)`` would append, without appending it.
    static func unescapedCount(_ bytes: UnsafeBufferPointer<UInt8>, _ token: StringToken) -> Int {
        var count = 0
        var index = token.start
        while index < token.end {
            guard bytes[index] == UInt8(ascii: "\\") else {
                count += 1
                index += 1
                continue
            }
            let kind = bytes[index + 1]
            index += 2
            guard kind == UInt8(ascii: "u") else {
                count += 1
                continue
            }
            let scalar = hex4Unchecked(bytes, index)
            index += 4
            switch scalar {
            case 0..<0x80: count += 1
            case 0x80..<0x800: count += 2
            case 0xD800...0xDBFF:
                index += 6  // the low surrogate's escape; the pair is one 4-byte scalar
                count += 4
            default: count += 3
            }
        }
        return count
    }

    private static func hex4Unchecked(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 { value = value << 4 | UInt32(hexValue(bytes[at + offset]) ?? 0) }
        return value
    }

    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
