/// RFC 4648 Base64 (standard alphabet, `=` padding), for `data_base64` and Binary attributes.
///
/// Decoding is strict: the length must be a multiple of 4, padding may only be the last one or
/// two characters, there is no whitespace and no base64url alphabet, and the unused bits before
/// the padding must be zero (RFC 4648 §3.5 allows decoders to reject them). Strictness makes
/// each byte string have exactly one accepted encoding, so `encode(decode(x)) == x` for every
/// accepted `x`, and the JSON format's `data_base64` round-trips byte for byte.
package enum Base64 {
    /// The length of the encoding of `count` bytes, so callers can size buffers exactly.
    @inline(__always)
    package static func encodedLength(_ count: Int) -> Int {
        count / 3 * 4 + (count % 3 == 0 ? 0 : 4)
    }

    /// Appends the encoding of `bytes` to `output`, growing it exactly once by exactly the
    /// needed amount, so an encoder can write straight into its output buffer.
    package static func encode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        let length = encodedLength(bytes.count)
        guard length > 0 else { return }
        let start = output.count
        output.reserveCapacity(start + length)
        output.append(contentsOf: repeatElement(0, count: length))
        output.withUnsafeMutableBufferPointer { out in
            encode(bytes, to: UnsafeMutableBufferPointer(rebasing: out[start...]))
        }
    }

    /// Encodes `bytes` as a `String`, for attribute values of type Binary.
    package static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        bytes.withUnsafeBufferPointer { encode($0, into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the bytes `text` encodes to `output`; on failure `output` is left as it was and
    /// the failure gives the offset of the first offending character (the text's length when
    /// only the length is wrong).
    package static func decode(_ text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> SyntaxFailure? {
        let n = text.count
        guard n > 0 else { return nil }
        let quads = n / 4
        var padding = 0
        if n % 4 == 0 && text[n - 1] == UInt8(ascii: "=") {
            padding = text[n - 2] == UInt8(ascii: "=") ? 2 : 1
        }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: quads * 3 - padding))
        let failure = output.withUnsafeMutableBufferPointer { out in
            decodeTable.withUnsafeBufferPointer { table in
                decode(
                    text, quads: quads, padding: padding, table: table,
                    to: UnsafeMutableBufferPointer(rebasing: out[start...]))
            }
        }
        if failure != nil { output.removeSubrange(start...) }
        return failure
    }

    /// Decodes a Binary attribute value or `data_base64`, throwing ``CloudEventError/Code/malformedInput``
    /// with the offending character's offset.
    package static func decode(_ string: some StringProtocol) throws(CloudEventError) -> [UInt8] {
        var output: [UInt8] = []
        let failure = ByteText.withUTF8(string) { decode($0, into: &output) }
        if let failure { throw failure.error(.malformedInput, subject: "Base64") }
        return output
    }

    // MARK: - Implementation

    private static var alphabet: StaticString {
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    }

    /// 6-bit value of each alphabet byte; 0xFF for every other byte, including `=`.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        alphabet.withUTF8Buffer { letters in
            for (value, letter) in letters.enumerated() { table[Int(letter)] = UInt8(value) }
        }
        return table
    }()

    /// The encoding loop proper; `out` has room for exactly the encoded characters.
    private static func encode(_ input: UnsafeBufferPointer<UInt8>, to out: UnsafeMutableBufferPointer<UInt8>) {
        let letters = alphabet.utf8Start
        let n = input.count
        var i = 0
        var o = 0
        while n - i >= 3 {
            let v = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
            out[o] = letters[Int(v >> 18)]
            out[o + 1] = letters[Int(v >> 12 & 0x3F)]
            out[o + 2] = letters[Int(v >> 6 & 0x3F)]
            out[o + 3] = letters[Int(v & 0x3F)]
            i += 3
            o += 4
        }
        if n - i == 1 {
            let v = UInt32(input[i]) << 16
            out[o] = letters[Int(v >> 18)]
            out[o + 1] = letters[Int(v >> 12 & 0x3F)]
            out[o + 2] = UInt8(ascii: "=")
            out[o + 3] = UInt8(ascii: "=")
        } else if n - i == 2 {
            let v = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8
            out[o] = letters[Int(v >> 18)]
            out[o + 1] = letters[Int(v >> 12 & 0x3F)]
            out[o + 2] = letters[Int(v >> 6 & 0x3F)]
            out[o + 3] = UInt8(ascii: "=")
        }
    }

    /// The decoding loop proper; `out` has room for exactly the decoded bytes.
    private static func decode(
        _ text: UnsafeBufferPointer<UInt8>,
        quads: Int,
        padding: Int,
        table: UnsafeBufferPointer<UInt8>,
        to out: UnsafeMutableBufferPointer<UInt8>
    ) -> SyntaxFailure? {
        let n = text.count
        let fullQuads = padding > 0 ? quads - 1 : quads
        var o = 0
        var i = 0
        while i < fullQuads * 4 {
            let a = table[Int(text[i])], b = table[Int(text[i + 1])]
            let c = table[Int(text[i + 2])], d = table[Int(text[i + 3])]
            guard (a | b | c | d) & 0x80 == 0 else {
                return badCharacter(in: text, from: i)
            }
            let v = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
            out[o] = UInt8(truncatingIfNeeded: v >> 16)
            out[o + 1] = UInt8(truncatingIfNeeded: v >> 8)
            out[o + 2] = UInt8(truncatingIfNeeded: v)
            o += 3
            i += 4
        }
        if padding > 0 {
            // The last quad: "xx==" carries one byte, "xxx=" two.
            let a = table[Int(text[i])], b = table[Int(text[i + 1])]
            let c = padding == 1 ? table[Int(text[i + 2])] : 0
            guard (a | b | c) & 0x80 == 0 else {
                return badCharacter(in: text, from: i)
            }
            if padding == 2 && b & 0x0F != 0 {
                return SyntaxFailure(i + 1, "non-zero bits before the padding (a non-canonical encoding)")
            }
            if padding == 1 && c & 0x03 != 0 {
                return SyntaxFailure(i + 2, "non-zero bits before the padding (a non-canonical encoding)")
            }
            let v = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6
            out[o] = UInt8(truncatingIfNeeded: v >> 16)
            if padding == 1 { out[o + 1] = UInt8(truncatingIfNeeded: v >> 8) }
            return nil
        }
        if n % 4 != 0 {
            // A short final group: report a bad character in it, or else the missing padding
            // ("Zg=" is one '=' short) at the end, where it belongs.
            while i < n && table[Int(text[i])] & 0x80 == 0 { i += 1 }
            var j = i
            while j < n && text[j] == UInt8(ascii: "=") { j += 1 }
            if j < n {
                if j > i && table[Int(text[j])] & 0x80 == 0 {
                    return SyntaxFailure(i, "padding '=' may only be the last one or two characters")
                }
                return badCharacter(in: text, from: j)
            }
            return SyntaxFailure(n, "Base64 text must be a multiple of 4 characters long (is '=' padding missing?)")
        }
        return nil
    }

    /// The failure for the first non-alphabet byte at or after `start` (one is known to exist
    /// within the next four bytes, or at the end of the text).
    private static func badCharacter(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> SyntaxFailure {
        var i = start
        while i < text.count {
            let c = text[i]
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                i += 1
                continue
            case UInt8(ascii: "="):
                return SyntaxFailure(i, "padding '=' may only be the last one or two characters")
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                return SyntaxFailure(i, "whitespace is not allowed in Base64")
            case UInt8(ascii: "-"), UInt8(ascii: "_"):
                return SyntaxFailure(
                    i, SyntaxFailure.describe(byte: c) + " is base64url, not the standard Base64 alphabet")
            default:
                return SyntaxFailure(i, SyntaxFailure.describe(byte: c) + " is not a Base64 character")
            }
        }
        return SyntaxFailure(text.count, "Base64 text ends too early")
    }
}
