/// The hot loop of JSON validation: steps over one complete JSON value, checking every byte.
///
/// It works on a raw pointer with the position in a local variable (so it stays in a register),
/// scans strings eight bytes at a time, and keeps the open containers in a caller-provided
/// stack, so input can never drive it into recursion. Failures carry only an offset and a
/// reason; ``JSONScanner`` turns them into ``CloudEventError``s.
enum JSONValueSkipper {
    struct Failure: Error {
        var offset: Int
        var reason: Reason
    }

    enum Reason {
        case unexpectedEnd(String)
        case unexpected(String)
        case controlCharacter
        case invalidEscape
        case loneSurrogate
        case invalidUTF8
        case leadingZero
        case missingDigits
        case tooDeep
    }

    /// Skips the value starting at `start` (whitespace allowed before it); returns the index just
    /// after it. `depth` is the number of containers already open around it.
    static func skip(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, depth: Int, maximumDepth: Int,
        stack isObject: UnsafeMutableBufferPointer<Bool>
    ) throws(Failure) -> Int {
        guard let p = bytes.baseAddress else { throw Failure(offset: start, reason: .unexpectedEnd("a JSON value")) }
        let n = bytes.count
        var i = start
        var level = 0
        while true {
            // A value.
            while i < n, p[i] <= 0x20, isWhitespace(p[i]) { i &+= 1 }
            guard i < n else { throw Failure(offset: i, reason: .unexpectedEnd("a JSON value")) }
            let c = p[i]
            switch c {
            case UInt8(ascii: "\""):
                if let end = plainStringEnd(p, from: i &+ 1, count: n) {
                    i = end
                } else {
                    i = try skipString(p, from: i &+ 1, count: n)
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth + level < maximumDepth, level < isObject.count else {
                    throw Failure(offset: i, reason: .tooDeep)
                }
                let opensObject = c == UInt8(ascii: "{")
                isObject[level] = opensObject
                level &+= 1
                i &+= 1
                while i < n, p[i] <= 0x20, isWhitespace(p[i]) { i &+= 1 }
                if i < n, p[i] == c &+ 2 {  // '{' + 2 == '}', '[' + 2 == ']'
                    i &+= 1
                    level &-= 1
                } else if opensObject {
                    if let end = plainMemberNameEnd(p, from: i, count: n) {
                        i = end
                    } else {
                        i = try skipMemberName(p, from: i, count: n)
                    }
                    continue
                } else {
                    continue
                }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                i = try skipNumber(p, from: i, count: n)
            case UInt8(ascii: "t"):
                i = try skipLiteral(p, from: i, count: n, "true")
            case UInt8(ascii: "f"):
                i = try skipLiteral(p, from: i, count: n, "false")
            case UInt8(ascii: "n"):
                i = try skipLiteral(p, from: i, count: n, "null")
            default:
                throw Failure(offset: i, reason: .unexpected("a JSON value"))
            }
            // After a value: close containers, or go on to the next element.
            while true {
                if level == 0 { return i }
                while i < n, p[i] <= 0x20, isWhitespace(p[i]) { i &+= 1 }
                guard i < n else {
                    throw Failure(offset: i, reason: .unexpectedEnd(isObject[level &- 1] ? "',' or '}'" : "',' or ']'"))
                }
                let next = p[i]
                if next == UInt8(ascii: ",") {
                    i &+= 1
                    if isObject[level &- 1] {
                        if let end = plainMemberNameEnd(p, from: i, count: n) {
                            i = end
                        } else {
                            i = try skipMemberName(p, from: i, count: n)
                        }
                    }
                    break
                }
                guard next == (isObject[level &- 1] ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw Failure(offset: i, reason: .unexpected(isObject[level &- 1] ? "',' or '}'" : "',' or ']'"))
                }
                i &+= 1
                level &-= 1
            }
        }
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// `"name":` in the caller's loop: the common case (a plain name, see
    /// ``plainStringEnd(_:from:count:)``, and no whitespace) is found inline, anything else is left
    /// to ``skipMemberName(_:from:count:)``, which finds the same end or the error.
    ///
    /// The fast cases are functions that cannot throw: the optimizer does not inline a function
    /// that throws `Failure`, so a throwing helper would cost a call for every name and string.
    @inline(__always)
    private static func plainMemberNameEnd(_ p: UnsafePointer<UInt8>, from start: Int, count n: Int) -> Int? {
        guard start < n, p[start] == UInt8(ascii: "\""), let end = plainStringEnd(p, from: start &+ 1, count: n),
            end < n, p[end] == UInt8(ascii: ":")
        else { return nil }
        return end &+ 1
    }

    /// The index after the closing quote of the string whose opening quote is just before
    /// `start`, when every byte before that quote is plain: ASCII, neither a backslash nor a
    /// control character. `nil` when a byte needs ``skipString(_:from:count:hasEscapes:)``'s
    /// rules, or fewer than eight bytes are left; that function then scans the string again
    /// from its start and finds the same end, or the error. Small enough to inline, so that
    /// most strings cost no call.
    @inline(__always)
    static func plainStringEnd(_ p: UnsafePointer<UInt8>, from start: Int, count n: Int) -> Int? {
        var i = start
        while i &+ 8 <= n {
            let mask = attentionMask(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
            if mask != 0 {
                let at = i &+ mask.trailingZeroBitCount &>> 3
                return p[at] == UInt8(ascii: "\"") ? at &+ 1 : nil
            }
            i &+= 8
        }
        return nil
    }

    /// Skips `"name" :` (whitespace allowed around each part); returns the index after the colon.
    @inline(__always)
    private static func skipMemberName(_ p: UnsafePointer<UInt8>, from start: Int, count n: Int) throws(Failure) -> Int {
        var i = start
        while i < n, p[i] <= 0x20, isWhitespace(p[i]) { i &+= 1 }
        guard i < n, p[i] == UInt8(ascii: "\"") else {
            throw Failure(offset: i, reason: i < n ? .unexpected("a member name") : .unexpectedEnd("a member name"))
        }
        i = try skipString(p, from: i &+ 1, count: n)
        while i < n, p[i] <= 0x20, isWhitespace(p[i]) { i &+= 1 }
        guard i < n, p[i] == UInt8(ascii: ":") else {
            throw Failure(offset: i, reason: i < n ? .unexpected("':'") : .unexpectedEnd("':'"))
        }
        return i &+ 1
    }

    /// Skips the rest of a string whose opening quote is just before `start`; returns the index
    /// after the closing quote. Sets `hasEscapes` when a backslash occurs.
    @inline(__always)
    static func skipString(
        _ p: UnsafePointer<UInt8>, from start: Int, count n: Int, hasEscapes: inout Bool
    ) throws(Failure) -> Int {
        var i = start
        while true {
            while i &+ 8 <= n {
                let mask = attentionMask(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                if mask != 0 {
                    i &+= mask.trailingZeroBitCount &>> 3
                    break
                }
                i &+= 8
            }
            guard i < n else { throw Failure(offset: start &- 1, reason: .unexpectedEnd("the end of the string")) }
            let byte = p[i]
            if byte == UInt8(ascii: "\"") { return i &+ 1 }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                i = try skipEscape(p, at: i, count: n)
            } else if byte < 0x20 {
                throw Failure(offset: i, reason: .controlCharacter)
            } else if byte >= 0x80 {
                i = try skipUTF8(p, at: i, count: n)
            } else {
                i &+= 1
            }
        }
    }

    @inline(__always)
    static func skipString(_ p: UnsafePointer<UInt8>, from start: Int, count n: Int) throws(Failure) -> Int {
        var ignored = false
        return try skipString(p, from: start, count: n, hasEscapes: &ignored)
    }

    /// The high bit of every byte of `word` that is a quote, a backslash, a control character or
    /// non-ASCII. Little-endian, so the lowest set bit marks the first such byte exactly (the
    /// borrow of the zero-byte trick only ever flags bytes above a real match).
    @inline(__always)
    static func attentionMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl | word) & 0x8080_8080_8080_8080
    }

    private static func skipEscape(_ p: UnsafePointer<UInt8>, at start: Int, count n: Int) throws(Failure) -> Int {
        var i = start &+ 1
        guard i < n else { throw Failure(offset: start, reason: .unexpectedEnd("an escape")) }
        switch p[i] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return i &+ 1
        case UInt8(ascii: "u"):
            i &+= 1
            let unit = try hex4(p, at: i, count: n, escapeStart: start)
            i &+= 4
            if unit >= 0xD800 && unit <= 0xDBFF {
                guard i &+ 1 < n, p[i] == UInt8(ascii: "\\"), p[i &+ 1] == UInt8(ascii: "u") else {
                    throw Failure(offset: start, reason: .loneSurrogate)
                }
                let low = try hex4(p, at: i &+ 2, count: n, escapeStart: i)
                guard low >= 0xDC00 && low <= 0xDFFF else { throw Failure(offset: start, reason: .loneSurrogate) }
                return i &+ 6
            }
            guard unit < 0xDC00 || unit > 0xDFFF else { throw Failure(offset: start, reason: .loneSurrogate) }
            return i
        default:
            throw Failure(offset: start, reason: .invalidEscape)
        }
    }

    private static func hex4(_ p: UnsafePointer<UInt8>, at start: Int, count n: Int, escapeStart: Int) throws(Failure)
        -> UInt32
    {
        guard start &+ 4 <= n else { throw Failure(offset: escapeStart, reason: .invalidEscape) }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = JSONScanner.hexValue(p[start &+ offset]) else {
                throw Failure(offset: escapeStart, reason: .invalidEscape)
            }
            value = value &<< 4 | UInt32(digit)
        }
        return value
    }

    /// Validates one multi-byte UTF-8 sequence (RFC 3629: no overlongs, surrogates or values
    /// above U+10FFFF); returns the index after it.
    @inline(__always)
    static func skipUTF8(_ p: UnsafePointer<UInt8>, at i: Int, count n: Int) throws(Failure) -> Int {
        let lead = p[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: throw Failure(offset: i, reason: .invalidUTF8)
        }
        guard i &+ length <= n else { throw Failure(offset: i, reason: .invalidUTF8) }
        let second = p[i &+ 1]
        guard second >= low && second <= high else { throw Failure(offset: i &+ 1, reason: .invalidUTF8) }
        if length > 2 {
            guard p[i &+ 2] & 0xC0 == 0x80 else { throw Failure(offset: i &+ 2, reason: .invalidUTF8) }
            if length > 3 {
                guard p[i &+ 3] & 0xC0 == 0x80 else { throw Failure(offset: i &+ 3, reason: .invalidUTF8) }
            }
        }
        return i &+ length
    }

    /// Skips a number per RFC 8259; `isInteger` reports whether it has only an integer component.
    @inline(__always)
    static func skipNumber(_ p: UnsafePointer<UInt8>, from start: Int, count n: Int, isInteger: inout Bool)
        throws(Failure) -> Int
    {
        var i = start
        if p[i] == UInt8(ascii: "-") { i &+= 1 }
        guard i < n, isDigit(p[i]) else { throw Failure(offset: i, reason: .missingDigits) }
        if p[i] == UInt8(ascii: "0") {
            i &+= 1
            if i < n, isDigit(p[i]) { throw Failure(offset: start, reason: .leadingZero) }
        } else {
            while i < n, isDigit(p[i]) { i &+= 1 }
        }
        if i < n, p[i] == UInt8(ascii: ".") {
            isInteger = false
            i &+= 1
            guard i < n, isDigit(p[i]) else { throw Failure(offset: i, reason: .missingDigits) }
            while i < n, isDigit(p[i]) { i &+= 1 }
        }
        if i < n, p[i] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            i &+= 1
            if i < n, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i &+= 1 }
            guard i < n, isDigit(p[i]) else { throw Failure(offset: i, reason: .missingDigits) }
            while i < n, isDigit(p[i]) { i &+= 1 }
        }
        return i
    }

    @inline(__always)
    private static func skipNumber(_ p: UnsafePointer<UInt8>, from start: Int, count n: Int) throws(Failure) -> Int {
        var ignored = true
        return try skipNumber(p, from: start, count: n, isInteger: &ignored)
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    static func skipLiteral(_ p: UnsafePointer<UInt8>, from i: Int, count n: Int, _ word: StaticString) throws(Failure)
        -> Int
    {
        let length = word.utf8CodeUnitCount
        guard i &+ length <= n else { throw Failure(offset: i, reason: .unexpected("a JSON value")) }
        let literal = word.utf8Start
        for offset in 1..<length where p[i &+ offset] != literal[offset] {
            throw Failure(offset: i, reason: .unexpected("a JSON value"))
        }
        return i &+ length
    }
}

extension JSONValueSkipper.Failure {
    /// The library error for this failure; `offsetBase` maps the offset into the whole document.
    func error(offsetBase: Int, bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) -> CloudEventError {
        let offset = offsetBase + self.offset
        let seen: String
        if self.offset < bytes.count {
            let byte = bytes[self.offset]
            seen = byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        } else {
            seen = "end of input"
        }
        switch reason {
        case .unexpectedEnd(let expected):
            return CloudEventError(.malformedInput, byteOffset: offset, message: "unexpected end of input; expected \(expected)")
        case .unexpected(let expected):
            return CloudEventError(.malformedInput, byteOffset: offset, message: "unexpected \(seen); expected \(expected)")
        case .controlCharacter:
            return CloudEventError(
                .malformedInput, byteOffset: offset, message: "control character \(seen) must be escaped in a JSON string")
        case .invalidEscape:
            return CloudEventError(.malformedInput, byteOffset: offset, message: "invalid escape sequence")
        case .loneSurrogate:
            return CloudEventError(
                .malformedInput, byteOffset: offset, message: "\\u escape is a lone surrogate (an unpaired UTF-16 half)")
        case .invalidUTF8:
            return CloudEventError(.malformedInput, byteOffset: offset, message: "invalid UTF-8 (\(seen))")
        case .leadingZero:
            return CloudEventError(.malformedInput, byteOffset: offset, message: "leading zeros are not allowed in JSON numbers")
        case .missingDigits:
            return CloudEventError(.malformedInput, byteOffset: offset, message: "a JSON number needs a digit here, found \(seen)")
        case .tooDeep:
            return CloudEventError(.limitExceeded, byteOffset: offset, message: "nesting deeper than the limit of \(maximumDepth)")
        }
    }
}
