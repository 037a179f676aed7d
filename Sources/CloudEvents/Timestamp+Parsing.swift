extension Timestamp {
    /// Parses an RFC 3339 `date-time`, keeping its exact form.
    ///
    /// The accepted text is `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|z|+HH:MM|-HH:MM)`, with nothing before
    /// or after it:
    /// - a four-digit year 0000-9999, a month 01-12 and a day that exists in that month
    ///   (Gregorian leap years);
    /// - `T` or `t` between date and time (a space is not accepted);
    /// - hour 00-23, minute 00-59, second 00-59, or 60 for a leap second, which must be
    ///   23:59:60 UTC (after applying the offset) on the last day of a month;
    /// - an optional `.` and 1 to 9 fractional digits (10 or more is an error, never truncated);
    /// - `Z`, `z` or a numeric offset with hour 00-23 and minute 00-59; `-00:00` is kept as the
    ///   "unknown local offset" and stays distinct from `+00:00`.
    ///
    /// Only ASCII digits are accepted.
    ///
    /// - Throws: ``CloudEventError`` with code ``CloudEventError/Code/invalidTimestamp`` and
    ///   ``CloudEventError/byteOffset`` set to the UTF-8 offset of the offending byte within `text`
    ///   (the text's length when it ends too early).
    public init(parsing text: some StringProtocol) throws {
        self = try Self.parse(collection: text.utf8)
    }

    /// Parses an RFC 3339 `date-time` from its UTF-8 bytes, with the same rules and errors as
    /// ``init(parsing:)``.
    public init(rfc3339 bytes: some Collection<UInt8>) throws {
        self = try Self.parse(collection: bytes)
    }

    /// Parses contiguous bytes in place, or a copy of non-contiguous ones.
    static func parse(collection bytes: some Collection<UInt8>) throws -> Timestamp {
        if let parsed = try bytes.withContiguousStorageIfAvailable({ try parse(UnsafeRawBufferPointer($0)) }) {
            return parsed
        }
        return try Array(bytes).withUnsafeBytes { try parse($0) }
    }

    /// Parses an RFC 3339 `date-time` occupying all of `bytes`, like the raw-buffer overload.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Timestamp {
        try parse(UnsafeRawBufferPointer(bytes))
    }

    /// Parses an RFC 3339 `date-time` occupying all of `bytes`, without allocating (unless it
    /// fails). Error byte offsets are relative to the start of `bytes`.
    package static func parse(_ bytes: UnsafeRawBufferPointer) throws -> Timestamp {
        guard !bytes.isEmpty else {
            throw CloudEventError(
                .invalidTimestamp, byteOffset: 0,
                message: "empty timestamp; expected an RFC 3339 date-time such as 2024-05-20T14:23:18Z")
        }
        let year = try digits(bytes, 0, 4, "year")
        try literal(bytes, 4, UInt8(ascii: "-"), "after year")
        let month = try digits(bytes, 5, 2, "month")
        guard (1...12).contains(month) else { throw failure(5, "month \(month) is out of range 01-12") }
        try literal(bytes, 7, UInt8(ascii: "-"), "after month")
        let day = try digits(bytes, 8, 2, "day")
        guard day >= 1, day <= daysInMonth(year: year, month: month) else {
            throw failure(8, dayOutOfRange(day, year: year, month: month))
        }
        let separator = byte(bytes, 10)
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") else {
            throw unexpected(bytes, 10, "'T' or 't' between date and time")
        }
        let hour = try digits(bytes, 11, 2, "hour")
        guard hour <= 23 else { throw failure(11, "hour \(hour) is out of range 00-23") }
        try literal(bytes, 13, UInt8(ascii: ":"), "after hour")
        let minute = try digits(bytes, 14, 2, "minute")
        guard minute <= 59 else { throw failure(14, "minute \(minute) is out of range 00-59") }
        try literal(bytes, 16, UInt8(ascii: ":"), "after minute")
        let second = try digits(bytes, 17, 2, "second")
        guard second <= 60 else { throw failure(17, "second \(second) is out of range 00-59 (60 for a leap second)") }

        var index = 19
        var nanosecond = 0
        var fractionalDigits = 0
        if byte(bytes, index) == UInt8(ascii: ".") {
            let start = index + 1
            index = start
            while index < bytes.count, bytes[index] &- 0x30 < 10 {
                if index - start < 9 { nanosecond = nanosecond * 10 + Int(bytes[index] &- 0x30) }
                index += 1
            }
            fractionalDigits = index - start
            guard fractionalDigits > 0 else { throw unexpected(bytes, start, "a digit after '.'") }
            guard fractionalDigits <= 9 else {
                throw failure(start + 9, "\(fractionalDigits) fractional digits; at most 9 are supported")
            }
            nanosecond *= powerOfTen(9 - fractionalDigits)
        }

        var offsetMinutes = 0
        let style: OffsetStyle
        switch byte(bytes, index) {
        case UInt8(ascii: "Z"):
            style = .upperZ
            index += 1
        case UInt8(ascii: "z"):
            style = .lowerZ
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let negative = bytes[index] == UInt8(ascii: "-")
            let offsetHour = try digits(bytes, index + 1, 2, "offset hour")
            guard offsetHour <= 23 else {
                throw failure(index + 1, "offset hour \(offsetHour) is out of range 00-23")
            }
            try literal(bytes, index + 3, UInt8(ascii: ":"), "after offset hour")
            let offsetMinute = try digits(bytes, index + 4, 2, "offset minute")
            guard offsetMinute <= 59 else {
                throw failure(index + 4, "offset minute \(offsetMinute) is out of range 00-59")
            }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (negative ? -1 : 1)
            style = negative && offsetMinutes == 0 ? .unknownLocal : .numeric
            index += 6
        default:
            guard index < bytes.count else {
                throw failure(index, "missing UTC offset; expected 'Z', 'z' or an offset such as '+01:00'")
            }
            throw unexpected(
                bytes, index, (index == 19 ? "'.', " : "") + "'Z', 'z' or a UTC offset such as '+01:00'")
        }
        guard index == bytes.count else {
            throw failure(index, "found \(describe(bytes[index])) after the end of the timestamp")
        }
        if second == 60, !isValidLeapSecond(year, month, day, hour, minute, offsetMinutes) {
            throw failure(17, leapSecondMessage)
        }
        return Timestamp(
            validYear: year, month: month, day: day, hour: hour, minute: minute, second: second,
            nanosecond: nanosecond, fractionalDigits: fractionalDigits, offsetMinutes: offsetMinutes,
            offsetStyle: style, lowercaseT: separator == UInt8(ascii: "t"))
    }

    // MARK: Helpers

    /// The byte at `index`, or `nil` past the end.
    @inline(__always)
    private static func byte(_ bytes: UnsafeRawBufferPointer, _ index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    /// Reads exactly `count` ASCII digits starting at `start`.
    @inline(__always)
    private static func digits(
        _ bytes: UnsafeRawBufferPointer, _ start: Int, _ count: Int, _ field: StaticString
    ) throws -> Int {
        var value = 0
        for index in start..<(start + count) {
            guard index < bytes.count, bytes[index] &- 0x30 < 10 else {
                throw unexpected(bytes, index, "the \(count)-digit \(field)", inside: index > start)
            }
            value = value * 10 + Int(bytes[index] &- 0x30)
        }
        return value
    }

    /// Requires `expected` at `index`.
    @inline(__always)
    private static func literal(
        _ bytes: UnsafeRawBufferPointer, _ index: Int, _ expected: UInt8, _ context: StaticString
    ) throws {
        guard index < bytes.count, bytes[index] == expected else {
            throw unexpected(bytes, index, "'\(Character(Unicode.Scalar(expected)))' \(context)")
        }
    }

    /// An error for the byte at `index` (or the end of input) where `expected` was required.
    @inline(never)
    private static func unexpected(
        _ bytes: UnsafeRawBufferPointer, _ index: Int, _ expected: String, inside: Bool = false
    ) -> CloudEventError {
        let what = inside ? "a digit of \(expected)" : expected
        guard index < bytes.count else {
            return failure(index, "unexpected end of timestamp; expected \(what)")
        }
        var message = "expected \(what), found \(describe(bytes[index]))"
        if bytes[index] >= 0x80 {
            message += "; only ASCII characters are allowed"
        }
        return failure(index, message)
    }

    @inline(never)
    private static func failure(_ index: Int, _ message: String) -> CloudEventError {
        CloudEventError(.invalidTimestamp, byteOffset: index, message: message)
    }

    /// A byte as a person would name it: `'x'`, `a space`, `control byte 0x09`, `non-ASCII byte 0xC3`.
    private static func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x20: return "a space"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            return (byte >= 0x80 ? "non-ASCII byte 0x" : "control byte 0x") + (byte < 0x10 ? "0" : "") + hex
        }
    }
}
