#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A CloudEvents Timestamp: an RFC 3339 `date-time`, kept exactly as it was written.
///
/// A `Timestamp` is lossless. It keeps the UTC offset (`Z`, `z`, `+08:00`, or the "unknown local
/// offset" `-00:00`), the case of the `T` separator and the number of fractional-second digits
/// (including trailing zeros), so ``rfc3339`` prints back the very text that was parsed:
///
/// ```swift
/// let time = try Timestamp(parsing: "2024-05-20T14:23:18.120+08:00")
/// time.rfc3339          // "2024-05-20T14:23:18.120+08:00"
/// time.nanosecond       // 120_000_000
/// time.epochSeconds     // 1716186198
/// ```
///
/// The value holds only small integers, so creating, copying and storing one never allocates.
///
/// - Important: Equality is textual; use ``compareInstant(to:)`` for time order.
///   `2024-01-01T00:00:00Z` and `2024-01-01T08:00:00+08:00` are the same instant but are *not*
///   equal (`==`) and hash differently, because they are written differently. Use
///   ``isSameInstant(as:)`` or ``compareInstant(to:)`` to compare points in time.
///
/// Converting to Foundation's `Date` (done outside this module) loses sub-microsecond precision and
/// the offset: a `Date` is a `Double` count of seconds with no time zone.
public struct Timestamp: Sendable, Hashable, CustomStringConvertible {
    /// How the UTC offset is written.
    enum OffsetStyle: UInt8, Sendable, Hashable {
        /// `+HH:MM` or `-HH:MM` (other than `-00:00`).
        case numeric
        /// `Z`.
        case upperZ
        /// `z`.
        case lowerZ
        /// `-00:00`: UTC, with the local offset unknown (RFC 3339 section 4.3).
        case unknownLocal
    }

    // Compact storage: no references, no heap. Every distinct text has distinct stored values.
    private let storedYear: UInt16
    private let storedMonth: UInt8
    private let storedDay: UInt8
    private let storedHour: UInt8
    private let storedMinute: UInt8
    private let storedSecond: UInt8
    private let storedFractionalDigits: UInt8
    private let storedOffsetStyle: OffsetStyle
    private let storedLowercaseT: Bool
    private let storedOffsetMinutes: Int16
    private let storedNanosecond: UInt32

    /// Creates a value from fields already known to be valid.
    init(
        validYear year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
        nanosecond: Int, fractionalDigits: Int, offsetMinutes: Int, offsetStyle: OffsetStyle,
        lowercaseT: Bool
    ) {
        storedYear = UInt16(truncatingIfNeeded: year)
        storedMonth = UInt8(truncatingIfNeeded: month)
        storedDay = UInt8(truncatingIfNeeded: day)
        storedHour = UInt8(truncatingIfNeeded: hour)
        storedMinute = UInt8(truncatingIfNeeded: minute)
        storedSecond = UInt8(truncatingIfNeeded: second)
        storedNanosecond = UInt32(truncatingIfNeeded: nanosecond)
        storedFractionalDigits = UInt8(truncatingIfNeeded: fractionalDigits)
        storedOffsetMinutes = offsetStyle == .numeric ? Int16(truncatingIfNeeded: offsetMinutes) : 0
        storedOffsetStyle = offsetStyle
        storedLowercaseT = lowercaseT
    }

    // MARK: Fields

    /// The year, 0 through 9999, in the local time of the offset.
    public var year: Int { Int(storedYear) }
    /// The month, 1 through 12.
    public var month: Int { Int(storedMonth) }
    /// The day of the month, 1 through 31.
    public var day: Int { Int(storedDay) }
    /// The hour, 0 through 23.
    public var hour: Int { Int(storedHour) }
    /// The minute, 0 through 59.
    public var minute: Int { Int(storedMinute) }
    /// The second, 0 through 59, or 60 for a leap second.
    public var second: Int { Int(storedSecond) }
    /// The fraction of the second in nanoseconds, 0 through 999,999,999.
    public var nanosecond: Int { Int(storedNanosecond) }
    /// How many fractional-second digits the text has, 0 (no fraction part) through 9.
    public var fractionalDigits: Int { Int(storedFractionalDigits) }
    /// The offset from UTC in minutes, -1439 through 1439; 0 for `Z` and for `-00:00`.
    public var utcOffsetMinutes: Int { Int(storedOffsetMinutes) }
    /// Whether the offset is written as the UTC designator `Z` or `z`.
    public var isUTCDesignator: Bool { storedOffsetStyle == .upperZ || storedOffsetStyle == .lowerZ }
    /// Whether the offset is `-00:00`: the time is UTC and the local offset is unknown
    /// (RFC 3339 section 4.3). Such a value is distinct from one written `+00:00` or `Z`.
    public var hasUnknownLocalOffset: Bool { storedOffsetStyle == .unknownLocal }
    /// Whether the seconds field is 60.
    var isLeapSecond: Bool { storedSecond == 60 }

    // MARK: Construction

    /// Creates a timestamp from its fields, validated exactly as ``init(parsing:)`` validates text.
    ///
    /// An offset of 0 is written `Z`; any other offset is written `+HH:MM` or `-HH:MM`.
    ///
    /// - Parameters:
    ///   - year: 0 through 9999.
    ///   - month: 1 through 12.
    ///   - day: 1 through the length of the month (Gregorian leap years).
    ///   - hour: 0 through 23.
    ///   - minute: 0 through 59.
    ///   - second: 0 through 59, or 60 when the UTC time is 23:59:60 on the last day of a month.
    ///   - nanosecond: 0 through 999,999,999; must be representable in `fractionalDigits` digits.
    ///   - fractionalDigits: the number of fractional digits to write, 0 through 9.
    ///   - utcOffsetMinutes: the offset from UTC, -1439 through 1439.
    /// - Throws: ``CloudEventError`` with code ``CloudEventError/Code/invalidTimestamp`` (and no
    ///   byte offset) when a field is out of range.
    public init(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
        nanosecond: Int = 0, fractionalDigits: Int = 0, utcOffsetMinutes: Int = 0
    ) throws {
        func fail(_ message: String) -> CloudEventError { CloudEventError(.invalidTimestamp, message: message) }
        guard (0...9999).contains(year) else { throw fail("year \(year) is out of range 0000-9999") }
        guard (1...12).contains(month) else { throw fail("month \(month) is out of range 01-12") }
        guard day >= 1, day <= Self.daysInMonth(year: year, month: month) else {
            throw fail(Self.dayOutOfRange(day, year: year, month: month))
        }
        guard (0...23).contains(hour) else { throw fail("hour \(hour) is out of range 00-23") }
        guard (0...59).contains(minute) else { throw fail("minute \(minute) is out of range 00-59") }
        guard (0...60).contains(second) else { throw fail("second \(second) is out of range 00-60") }
        guard (0...999_999_999).contains(nanosecond) else {
            throw fail("nanosecond \(nanosecond) is out of range 0-999999999")
        }
        guard (0...9).contains(fractionalDigits) else {
            throw fail("\(fractionalDigits) fractional digits; between 0 and 9 are supported")
        }
        guard nanosecond % Self.powerOfTen(9 - fractionalDigits) == 0 else {
            throw fail("nanosecond \(nanosecond) cannot be written with \(fractionalDigits) fractional digits")
        }
        guard (-1439...1439).contains(utcOffsetMinutes) else {
            throw fail("UTC offset \(utcOffsetMinutes) minutes is out of range -1439...1439")
        }
        if second == 60, !Self.isValidLeapSecond(year, month, day, hour, minute, utcOffsetMinutes) {
            throw fail(Self.leapSecondMessage)
        }
        self.init(
            validYear: year, month: month, day: day, hour: hour, minute: minute, second: second,
            nanosecond: nanosecond, fractionalDigits: fractionalDigits, offsetMinutes: utcOffsetMinutes,
            offsetStyle: utcOffsetMinutes == 0 ? .upperZ : .numeric, lowercaseT: false)
    }

    /// Creates the timestamp of an instant given in nanoseconds since 1970-01-01T00:00:00Z,
    /// written in the local time of `utcOffsetMinutes` (an offset of 0 is written `Z`).
    ///
    /// The fraction is truncated (toward the past) to `fractionalDigits` digits.
    /// - Throws: ``CloudEventError`` (``CloudEventError/Code/invalidTimestamp``) when the offset is
    ///   outside -1439...1439 or `fractionalDigits` outside 0...9.
    public init(epochNanoseconds: Int64, utcOffsetMinutes: Int = 0, fractionalDigits: Int = 9) throws {
        let (seconds, nanos) = Self.floorDivide(epochNanoseconds, 1_000_000_000)
        try self.init(
            epochSeconds: seconds, nanosecond: Int(nanos), utcOffsetMinutes: utcOffsetMinutes,
            fractionalDigits: fractionalDigits)
    }

    /// Creates the timestamp of an instant given in seconds since 1970-01-01T00:00:00Z plus a
    /// nanosecond fraction, written in the local time of `utcOffsetMinutes` (0 is written `Z`).
    ///
    /// The fraction is truncated to `fractionalDigits` digits. The local date must fall in the
    /// years 0000 through 9999.
    /// - Throws: ``CloudEventError`` (``CloudEventError/Code/invalidTimestamp``) when the local
    ///   date is outside 0000-9999, `nanosecond` outside 0...999,999,999, the offset outside
    ///   -1439...1439, or `fractionalDigits` outside 0...9.
    public init(epochSeconds: Int64, nanosecond: Int = 0, utcOffsetMinutes: Int = 0, fractionalDigits: Int = 9) throws {
        func fail(_ message: String) -> CloudEventError { CloudEventError(.invalidTimestamp, message: message) }
        guard (0...999_999_999).contains(nanosecond) else {
            throw fail("nanosecond \(nanosecond) is out of range 0-999999999")
        }
        guard (0...9).contains(fractionalDigits) else {
            throw fail("\(fractionalDigits) fractional digits; between 0 and 9 are supported")
        }
        guard (-1439...1439).contains(utcOffsetMinutes) else {
            throw fail("UTC offset \(utcOffsetMinutes) minutes is out of range -1439...1439")
        }
        // Bounds checked before adding the offset, so nothing can overflow.
        let local =
            Self.clamp(epochSeconds, Self.minimumLocalSecond - 86_400, Self.maximumLocalSecond + 86_400)
            + Int64(utcOffsetMinutes) * 60
        guard (Self.minimumLocalSecond...Self.maximumLocalSecond).contains(local) else {
            throw fail("epoch second \(epochSeconds) is outside the years 0000-9999 at this offset")
        }
        self.init(
            localSecond: local, nanosecond: nanosecond, fractionalDigits: fractionalDigits,
            utcOffsetMinutes: utcOffsetMinutes)
    }

    /// The current time from the system's real-time clock, in UTC (written with `Z`).
    ///
    /// - Parameter fractionalDigits: how many fractional digits to keep (truncated), clamped to 0...9.
    public static func now(fractionalDigits: Int = 9) -> Timestamp {
        var time = timespec()
        _ = clock_gettime(CLOCK_REALTIME, &time)
        let seconds = clamp(Int64(time.tv_sec), minimumLocalSecond, maximumLocalSecond)
        let nanos = clamp(Int(time.tv_nsec), 0, 999_999_999)
        return Timestamp(
            localSecond: seconds, nanosecond: nanos, fractionalDigits: clamp(fractionalDigits, 0, 9),
            utcOffsetMinutes: 0)
    }

    /// Creates a value from local seconds known to be in 0000-9999 and valid other fields.
    private init(localSecond: Int64, nanosecond: Int, fractionalDigits: Int, utcOffsetMinutes: Int) {
        let (days, secondOfDay) = Self.floorDivide(localSecond, 86_400)
        let (year, month, day) = Self.civil(fromDays: days)
        let second = Int(secondOfDay)
        self.init(
            validYear: Int(year), month: Int(month), day: Int(day), hour: second / 3600,
            minute: second / 60 % 60, second: second % 60,
            nanosecond: nanosecond - nanosecond % Self.powerOfTen(9 - fractionalDigits),
            fractionalDigits: fractionalDigits, offsetMinutes: utcOffsetMinutes,
            offsetStyle: utcOffsetMinutes == 0 ? .upperZ : .numeric, lowercaseT: false)
    }

    // MARK: Instant

    /// The order of two instants, from ``compareInstant(to:)``.
    public enum InstantOrder: Sendable, Hashable {
        /// The receiver is earlier.
        case before
        /// Both denote the same instant.
        case same
        /// The receiver is later.
        case after
    }

    /// Whole seconds since 1970-01-01T00:00:00Z, rounded toward the past (POSIX time, no leap
    /// seconds).
    ///
    /// A leap second `23:59:60` maps to the same epoch second as the `00:00:00` that follows it, as
    /// in POSIX time; ``compareInstant(to:)`` still orders the leap second first.
    public var epochSeconds: Int64 {
        let days = Self.days(fromCivil: Int64(storedYear), Int64(storedMonth), Int64(storedDay))
        let local = days * 86_400 + Int64(storedHour) * 3600 + Int64(storedMinute) * 60 + Int64(storedSecond)
        return local - Int64(storedOffsetMinutes) * 60
    }

    /// Nanoseconds since 1970-01-01T00:00:00Z, or `nil` when the instant does not fit in `Int64`
    /// (before 1677-09-21T00:12:43.145224192Z or after 2262-04-11T23:47:16.854775807Z).
    ///
    /// A leap second maps like ``epochSeconds`` does.
    public var epochNanoseconds: Int64? {
        // Before 1970, (seconds + 1) * 10^9 - (10^9 - nanosecond) reaches Int64.min without an
        // intermediate overflow.
        let seconds = epochSeconds
        let nanos = Int64(storedNanosecond)
        let (whole, fraction) = seconds >= 0 || nanos == 0 ? (seconds, nanos) : (seconds + 1, nanos - 1_000_000_000)
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return nil }
        let (total, overflow2) = scaled.addingReportingOverflow(fraction)
        return overflow2 ? nil : total
    }

    /// Orders the instants of two timestamps, whatever their offsets or formatting.
    ///
    /// Equality is textual; use this for time order. A leap second (`23:59:60`, with any fraction)
    /// sorts after `23:59:59.999999999` and before the following `00:00:00`.
    public func compareInstant(to other: Timestamp) -> InstantOrder {
        let left = (epochSeconds, isLeapSecond ? 0 : 1, storedNanosecond)
        let right = (other.epochSeconds, other.isLeapSecond ? 0 : 1, other.storedNanosecond)
        return left < right ? .before : left == right ? .same : .after
    }

    /// Whether both timestamps denote the same instant, whatever their offsets or formatting.
    public func isSameInstant(as other: Timestamp) -> Bool {
        compareInstant(to: other) == .same
    }

    // MARK: Formatting

    /// The longest RFC 3339 text: `YYYY-MM-DDTHH:MM:SS.fffffffff+HH:MM`.
    static let maximumTextLength = 35

    /// The length in bytes of ``rfc3339``.
    var textLength: Int {
        19 + (storedFractionalDigits == 0 ? 0 : 1 + Int(storedFractionalDigits))
            + (isUTCDesignator ? 1 : 6)
    }

    /// The RFC 3339 text, exactly as it was parsed (or as the initializer chose to write it).
    public var rfc3339: String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maximumTextLength) { buffer in
            let count = write(to: buffer)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    /// The RFC 3339 text; the same as ``rfc3339``.
    public var description: String { rfc3339 }

    /// Appends the RFC 3339 text as ASCII bytes.
    package func write(into buffer: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maximumTextLength) { scratch in
            let count = write(to: scratch)
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<count]))
        }
    }

    /// Writes the RFC 3339 text into `out`, which must hold at least ``textLength`` bytes, and
    /// returns the number of bytes written.
    func write(to out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let year = Int(storedYear)
        Self.put2(year / 100, out, 0)
        Self.put2(year % 100, out, 2)
        out[4] = UInt8(ascii: "-")
        Self.put2(Int(storedMonth), out, 5)
        out[7] = UInt8(ascii: "-")
        Self.put2(Int(storedDay), out, 8)
        out[10] = storedLowercaseT ? UInt8(ascii: "t") : UInt8(ascii: "T")
        Self.put2(Int(storedHour), out, 11)
        out[13] = UInt8(ascii: ":")
        Self.put2(Int(storedMinute), out, 14)
        out[16] = UInt8(ascii: ":")
        Self.put2(Int(storedSecond), out, 17)
        var index = 19
        let digits = Int(storedFractionalDigits)
        if digits > 0 {
            out[index] = UInt8(ascii: ".")
            var value = Int(storedNanosecond) / Self.powerOfTen(9 - digits)
            var position = index + digits
            while position > index {
                out[position] = UInt8(truncatingIfNeeded: 0x30 + value % 10)
                value /= 10
                position -= 1
            }
            index += 1 + digits
        }
        switch storedOffsetStyle {
        case .upperZ, .lowerZ:
            out[index] = storedOffsetStyle == .upperZ ? UInt8(ascii: "Z") : UInt8(ascii: "z")
            return index + 1
        case .numeric, .unknownLocal:
            let offset = Int(storedOffsetMinutes)
            out[index] = offset < 0 || storedOffsetStyle == .unknownLocal ? UInt8(ascii: "-") : UInt8(ascii: "+")
            Self.put2(abs(offset) / 60, out, index + 1)
            out[index + 3] = UInt8(ascii: ":")
            Self.put2(abs(offset) % 60, out, index + 4)
            return index + 6
        }
    }

    @inline(__always)
    private static func put2(_ value: Int, _ out: UnsafeMutableBufferPointer<UInt8>, _ index: Int) {
        out[index] = UInt8(truncatingIfNeeded: 0x30 + value / 10)
        out[index + 1] = UInt8(truncatingIfNeeded: 0x30 + value % 10)
    }
}
