/// The header value encoding of the HTTP binding (section 3.1.3.2).
///
/// Encoding: the UTF-8 bytes of the canonical string, with space, `"`, `%` and every byte outside
/// printable ASCII (0x21–0x7E) written as `%XY` (upper-case hex). The result is always a valid
/// HTTP field value, so swift-http-types never has a byte to "legalize" into a space and no value
/// can inject a header line.
///
/// Decoding: an optional RFC 7230 quoted-string is unquoted first (older senders quote), then one
/// round of percent-decoding; lower-case hex and needlessly encoded bytes are accepted, malformed
/// `%` sequences and byte sequences that are not UTF-8 are errors.
package enum PercentEncoding {
    /// Whether `byte` must be percent-encoded in a header value.
    @inline(__always)
    static func needsEncoding(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "%")
    }

    /// The encoded length of `bytes`, and whether any byte needs encoding.
    static func encodedCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = bytes.count
        for byte in bytes where needsEncoding(byte) { count += 2 }
        return count
    }

    /// Appends the encoded form of `bytes` to `output`, copying runs that need no encoding whole.
    static func encode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        let hex: StaticString = "0123456789ABCDEF"
        var runStart = 0
        for index in 0..<bytes.count where needsEncoding(bytes[index]) {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            let byte = bytes[index]
            output.append(UInt8(ascii: "%"))
            output.append(hex.utf8Start[Int(byte >> 4)])
            output.append(hex.utf8Start[Int(byte & 0x0F)])
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// Encodes a string (convenience for tests and tools).
    package static func encode(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(encodedCount(bytes))
            encode(bytes, into: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Appends the decoded bytes of a header value to `output`.
    ///
    /// - Returns: `nil` on success, or the failure with the offset in the header value as sent:
    ///   of the malformed `%`, or of the byte or `%XY` escape that decoded to the first byte
    ///   that is not UTF-8 (inside a quoted-string, counting its quote and `\` escapes).
    static func decode(_ value: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> SyntaxFailure? {
        if value.first == UInt8(ascii: "\"") {
            return unquoteAndDecode(value, into: &output)
        }
        return percentDecode(value, into: &output)
    }

    /// One round of percent-decoding (no quoted-string handling), then the UTF-8 check.
    private static func percentDecode(_ value: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> SyntaxFailure?
    {
        let start = output.count
        var index = 0
        var runStart = 0
        let count = value.count
        while index < count {
            guard value[index] == UInt8(ascii: "%") else {
                index += 1
                continue
            }
            guard index + 2 < count, let high = hexValue(value[index + 1]), let low = hexValue(value[index + 2]) else {
                output.removeSubrange(start...)
                return SyntaxFailure(index, "'%' must be followed by two hex digits")
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: value[runStart..<index]))
            output.append(high << 4 | low)
            index += 3
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: value[runStart...]))
        if runStart == 0 && isASCII(value) { return nil }
        guard let failure = checkUTF8(output, from: start) else { return nil }
        output.removeSubrange(start...)
        return SyntaxFailure(valueOffset(ofDecoded: failure.offset, in: value), failure.reason)
    }

    /// The offset in a well-formed percent-encoded `value` of the byte or `%XY` escape that
    /// decoded to byte `target` of the decoded bytes.
    private static func valueOffset(ofDecoded target: Int, in value: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        for _ in 0..<target where index < value.count {
            index += value[index] == UInt8(ascii: "%") ? 3 : 1
        }
        return index
    }

    /// The offset in a quoted-string `value` of the byte (or `\` escape) that unquoting turned
    /// into byte `target` of the unquoted bytes.
    private static func quotedOffset(ofUnquoted target: Int, in value: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 1  // after the opening quote
        for _ in 0..<target where index < value.count {
            index += value[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        return index
    }

    /// Whether every byte is ASCII (then the value is valid UTF-8 without decoding it).
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
    }

    private static func checkUTF8(_ output: [UInt8], from start: Int) -> SyntaxFailure? {
        let offset = output.withUnsafeBufferPointer {
            StringRules.validateUTF8(UnsafeBufferPointer(rebasing: $0[start...]))
        }
        guard let offset else { return nil }
        return SyntaxFailure(offset, "the decoded bytes are not valid UTF-8 (decoded byte \(offset))")
    }

    /// RFC 7230 quoted-string: `"` ... `"` with `\` escaping the next byte; then percent-decoding.
    private static func unquoteAndDecode(_ value: UnsafeBufferPointer<UInt8>, into output: inout [UInt8])
        -> SyntaxFailure?
    {
        var unquoted: [UInt8] = []
        unquoted.reserveCapacity(value.count)
        var index = 1
        var closed = false
        while index < value.count {
            let byte = value[index]
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < value.count else { return SyntaxFailure(index, "a quoted value ends in '\\'") }
                unquoted.append(value[index + 1])
                index += 2
            } else if byte == UInt8(ascii: "\"") {
                closed = true
                index += 1
                break
            } else {
                unquoted.append(byte)
                index += 1
            }
        }
        guard closed else { return SyntaxFailure(0, "a quoted value is not closed") }
        guard index == value.count else { return SyntaxFailure(index, "bytes after the closing quote") }
        var failure: SyntaxFailure?
        unquoted.withUnsafeBufferPointer { unquotedBytes in
            var decoded: [UInt8] = []
            if let inner = percentDecode(unquotedBytes, into: &decoded) {
                failure = SyntaxFailure(quotedOffset(ofUnquoted: inner.offset, in: value), inner.reason)
            } else {
                output.append(contentsOf: decoded)
            }
        }
        return failure
    }

    @inline(__always)
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
