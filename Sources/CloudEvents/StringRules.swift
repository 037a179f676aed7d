/// Byte-level rules for CloudEvents text: UTF-8 well-formedness, the characters the String type
/// forbids, and attribute names.
///
/// These run over every string of every decoded event, so each starts with an 8-bytes-at-a-time
/// (SWAR) scan that skips ordinary ASCII, and only decodes where a byte needs a closer look.
package enum StringRules {
    /// Reported as the `scalar` of ``firstForbiddenCharacter(in:)`` when the input is not valid
    /// UTF-8 after all (the function is meant for validated input, but must stay safe on
    /// anything); it is not a Unicode scalar value, so it cannot be confused with one.
    static var malformedScalar: UInt32 { 0xFFFF_FFFF }

    /// The first character the CloudEvents String type forbids, with its byte offset.
    ///
    /// The specification excludes the C0 controls (U+0000–U+001F), DEL and the C1 controls
    /// (U+007F–U+009F), the surrogates (U+D800–U+DFFF) and the noncharacters (U+FDD0–U+FDEF and
    /// every U+xxFFFE/U+xxFFFF). The input should already be valid UTF-8 (a JSON decoder or
    /// `String` guarantees it); the function relies on nothing more, so surrogates encoded as
    /// `ED A0..BF xx` are still reported, and malformed bytes are reported as
    /// ``malformedScalar`` rather than read past.
    package static func firstForbiddenCharacter(in utf8: UnsafeBufferPointer<UInt8>) -> (offset: Int, scalar: UInt32)? {
        let n = utf8.count
        var i = 0
        while i < n {
            if n - i >= 8 {
                let word = load8(utf8, at: i)
                if asciiNeedsCheck(word) == 0 {
                    i += 8
                    continue
                }
            } else if n >= 8 && asciiNeedsCheck(load8(utf8, at: n - 8)) == 0 {
                // The last eight bytes, overlapping some already passed, are all plain ASCII.
                return nil
            }
            // Decode up to the end of this 8-byte block before trying the fast path again.
            let stop = min(i + 8, n)
            while i < stop {
                let lead = utf8[i]
                if lead < 0x80 {
                    if lead < 0x20 || lead == 0x7F { return (i, UInt32(lead)) }
                    i += 1
                    continue
                }
                let (scalar, length) = decode(utf8, at: i)
                if length == 0 { return (i, malformedScalar) }
                if isForbidden(scalar) { return (i, scalar) }
                i += length
            }
        }
        return nil
    }

    /// String form of ``firstForbiddenCharacter(in:)-(UnsafeBufferPointer<UInt8>)``.
    static func firstForbiddenCharacter(in text: some StringProtocol) -> (offset: Int, scalar: UInt32)? {
        ByteText.withUTF8(text) { firstForbiddenCharacter(in: $0) }
    }

    /// Whether a scalar value is forbidden in a CloudEvents String (see
    /// ``firstForbiddenCharacter(in:)-(UnsafeBufferPointer<UInt8>)``); values above U+10FFFF,
    /// which are not characters at all, are forbidden too.
    @inline(__always)
    static func isForbidden(_ scalar: UInt32) -> Bool {
        if scalar < 0xA0 { return scalar < 0x20 || scalar >= 0x7F }
        if scalar & 0xFFFE == 0xFFFE { return true }
        return (0xD800...0xDFFF).contains(scalar) || (0xFDD0...0xFDEF).contains(scalar) || scalar > 0x10FFFF
    }

    /// The ``CloudEventError/Code/forbiddenCharacter`` error for a finding of
    /// ``firstForbiddenCharacter(in:)-(UnsafeBufferPointer<UInt8>)``, naming the character as
    /// `U+XXXX` so an invisible control character can be found.
    static func forbiddenCharacterError(
        offset: Int,
        scalar: UInt32,
        attribute: String? = nil,
        baseOffset: Int = 0
    ) -> CloudEventError {
        let message: String
        if scalar == malformedScalar {
            message = "malformed UTF-8"
        } else {
            var hex = String(scalar, radix: 16, uppercase: true)
            if hex.utf8.count < 4 { hex = String(repeating: "0", count: 4 - hex.utf8.count) + hex }
            let kind: String
            if scalar < 0x20 || (0x7F...0x9F).contains(scalar) {
                kind = "a control character"
            } else if (0xD800...0xDFFF).contains(scalar) {
                kind = "a surrogate"
            } else if scalar > 0x10FFFF {
                kind = "beyond Unicode"
            } else {
                kind = "a noncharacter"
            }
            message = "U+" + hex + " is " + kind + ", which a CloudEvents String must not contain"
        }
        return CloudEventError(
            .forbiddenCharacter, attribute: attribute, byteOffset: baseOffset + offset, message: message)
    }

    /// The offset of the start of the first ill-formed UTF-8 sequence, or nil when all of the
    /// bytes are well-formed UTF-8 (Unicode Table 3-7: no overlong forms, no encoded
    /// surrogates, nothing above U+10FFFF, no truncated sequences).
    ///
    /// The offset is that of the lead byte whose sequence breaks (or of the stray continuation
    /// byte), which is where a person looking at the input should look.
    package static func validateUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        var i = 0
        while i < n {
            if n - i >= 8 && load8(bytes, at: i) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length = wellFormedLength(bytes, at: i)
            if length == 0 { return i }
            i += length
        }
        return nil
    }

    /// String form of ``validateUTF8(_:)-(UnsafeBufferPointer<UInt8>)``, for byte arrays.
    static func validateUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { validateUTF8($0) }
    }

    /// Whether `bytes` is a valid attribute name: one or more of `a-z` and `0-9`. (The
    /// specification's advice to stay within 20 characters is not a rule and is not checked.)
    package static func isValidAttributeName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        for c in bytes where !(c &- UInt8(ascii: "a") < 26 || c &- UInt8(ascii: "0") < 10) {
            return false
        }
        return true
    }

    /// String form of ``isValidAttributeName(_:)-(UnsafeBufferPointer<UInt8>)``.
    package static func isValidAttributeName(_ name: some StringProtocol) -> Bool {
        ByteText.withUTF8(name) { isValidAttributeName($0) }
    }

    // MARK: - Implementation

    /// Eight bytes as one word for the SWAR scans; unaligned, since strings start anywhere.
    @inline(__always)
    private static func load8(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        // Little-endian byte order is irrelevant: the callers only ask whether any byte matches.
        UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }

    /// Non-zero when any of the 8 bytes is < 0x20, 0x7F or >= 0x80. May be non-zero for a
    /// harmless block too (borrows in the subtraction), never zero for one that needs a look.
    @inline(__always)
    private static func asciiNeedsCheck(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below20 = (w &- ones &* 0x20) & ~w
        let del = w ^ (ones &* 0x7F)
        let isDel = (del &- ones) & ~del
        return (below20 | isDel | w) & highs
    }

    /// Decodes one multi-byte sequence without judging it (beyond staying in bounds): the
    /// scalar value and the length, or length 0 when the bytes do not form a sequence.
    @inline(__always)
    private static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let lead = b[i]
        let length: Int
        var scalar: UInt32
        switch lead {
        case 0xC0...0xDF: length = 2; scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF7: length = 4; scalar = UInt32(lead & 0x07)
        default: return (0, 0)
        }
        guard b.count - i >= length else { return (0, 0) }
        for k in 1..<length {
            let c = b[i + k]
            guard c & 0xC0 == 0x80 else { return (0, 0) }
            scalar = scalar << 6 | UInt32(c & 0x3F)
        }
        return (scalar, length)
    }

    /// The length of the well-formed sequence starting with the non-ASCII byte at `i`, or 0.
    @inline(__always)
    private static func wellFormedLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = b[i]
        let remaining = b.count - i
        // The allowed range of the second byte narrows for E0, ED, F0 and F4 (Table 3-7).
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard remaining >= length else { return 0 }
        let second = b[i + 1]
        guard second >= low && second <= high else { return 0 }
        for k in 2..<length where b[i + k] & 0xC0 != 0x80 {
            return 0
        }
        return length
    }
}
