import CloudEvents
import FuzzSupport

/// libFuzzer's callback: runs one input through `fuzz(_:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// The entry point SwiftPM links as `main` (see `LibFuzzer`).
@_cdecl("FuzzTimestamp_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    LibFuzzer.run(argc, argv, testOneInput)
}

/// RFC 3339 timestamps: `Timestamp(rfc3339:)` on arbitrary bytes, against a reference parser
/// written here from the documented grammar.
///
/// Invariants: parsing throws only `invalidTimestamp` with a byte offset inside the input (or
/// at its end); it accepts exactly what the reference accepts, with the same fields;
/// `t.rfc3339` is the input, `Timestamp(parsing: t.rfc3339) == t`; the field initializer and the
/// epoch initializers denote the same instant; and the instant order agrees with epoch seconds.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let bytes = Array(input)
    let reference = ReferenceRFC3339.parse(bytes)
    let timestamp: Timestamp
    do {
        timestamp = try Timestamp(rfc3339: bytes)
    } catch {
        let error = asCloudEventError(error, "Timestamp(rfc3339:)")
        invariant(error.code == .invalidTimestamp, "parsing failed with \(error.code)")
        invariant(
            error.byteOffset.map { $0 >= 0 && $0 <= bytes.count } ?? false,
            "error offset \(String(describing: error.byteOffset)) outside 0...\(bytes.count)")
        invariant(reference == nil, "rejected \(RoundTrip.text(bytes)), which the reference accepts: \(error)")
        return
    }
    guard let reference else { fatalError("accepted \(RoundTrip.text(bytes)), which the reference rejects") }
    let text = String(decoding: bytes, as: UTF8.self)
    invariant(timestamp.rfc3339 == text, "rfc3339 \(timestamp.rfc3339) is not the input \(text)")
    let fields = [
        timestamp.year, timestamp.month, timestamp.day, timestamp.hour, timestamp.minute, timestamp.second,
        timestamp.nanosecond, timestamp.fractionalDigits, timestamp.utcOffsetMinutes,
    ]
    invariant(
        fields == [
            reference.year, reference.month, reference.day, reference.hour, reference.minute, reference.second,
            reference.nanosecond, reference.fractionalDigits, reference.offsetMinutes,
        ], "fields \(fields) differ from the reference \(reference)")
    invariant(timestamp.hasUnknownLocalOffset == reference.unknownLocal, "-00:00 not kept for \(text)")
    invariant(timestamp.isUTCDesignator == reference.zulu, "Z not kept for \(text)")

    let reparsed = mustSucceed("Timestamp(parsing: t.rfc3339)") { try Timestamp(parsing: timestamp.rfc3339) }
    invariant(reparsed == timestamp && reparsed.hashValue == timestamp.hashValue, "reparsing \(text) changed it")
    invariant(timestamp.description == text, "description differs from rfc3339")

    // The field initializer writes Z for offset 0 and keeps the rest: the same instant.
    let built = mustSucceed("Timestamp(year:...) from parsed fields of \(text)") {
        try Timestamp(
            year: timestamp.year, month: timestamp.month, day: timestamp.day, hour: timestamp.hour,
            minute: timestamp.minute, second: timestamp.second, nanosecond: timestamp.nanosecond,
            fractionalDigits: timestamp.fractionalDigits, utcOffsetMinutes: timestamp.utcOffsetMinutes)
    }
    invariant(built.isSameInstant(as: timestamp), "the field initializer's \(built) is not the instant of \(text)")
    invariant(built.epochSeconds == timestamp.epochSeconds, "epochSeconds differ for \(built) and \(text)")
    let expectedSeconds = reference.epochSeconds
    invariant(
        timestamp.epochSeconds == expectedSeconds,
        "epochSeconds \(timestamp.epochSeconds) of \(text), expected \(expectedSeconds)")

    // The epoch initializers land on the same instant (a leap second maps to the next second,
    // so it is compared by epoch seconds only).
    do {
        let fromEpoch = try Timestamp(
            epochSeconds: timestamp.epochSeconds, nanosecond: timestamp.nanosecond,
            utcOffsetMinutes: timestamp.utcOffsetMinutes, fractionalDigits: timestamp.fractionalDigits)
        invariant(fromEpoch.epochSeconds == timestamp.epochSeconds, "epoch round trip moved \(text) to \(fromEpoch)")
        if timestamp.second != 60 {
            invariant(fromEpoch.isSameInstant(as: timestamp), "epoch round trip of \(text) gave \(fromEpoch)")
            invariant(
                [fromEpoch.year, fromEpoch.month, fromEpoch.day, fromEpoch.hour, fromEpoch.minute, fromEpoch.second]
                    == [
                        timestamp.year, timestamp.month, timestamp.day, timestamp.hour, timestamp.minute,
                        timestamp.second,
                    ],
                "epoch round trip of \(text) gave other local fields: \(fromEpoch)")
        }
    } catch {
        // Only a local date outside 0000-9999 can fail: a leap second at the very end of 9999.
        invariant(timestamp.second == 60, "Timestamp(epochSeconds:) failed for \(text): \(error)")
    }
    if let nanoseconds = timestamp.epochNanoseconds {
        let fromNanos = mustSucceed("Timestamp(epochNanoseconds:) for \(text)") {
            try Timestamp(
                epochNanoseconds: nanoseconds, utcOffsetMinutes: timestamp.utcOffsetMinutes,
                fractionalDigits: timestamp.fractionalDigits)
        }
        invariant(fromNanos.epochNanoseconds == nanoseconds, "epochNanoseconds round trip of \(text) gave \(fromNanos)")
    } else {
        invariant(
            expectedSeconds < -9_223_372_037 || expectedSeconds > 9_223_372_035,
            "epochNanoseconds is nil for \(text), which fits in Int64")
    }
    let order = timestamp.compareInstant(to: built)
    invariant(
        order == .same && built.compareInstant(to: timestamp) == .same, "instant order is not symmetric for \(text)")
}

/// RFC 3339 `date-time` as the library documents it, written plainly.
struct ReferenceRFC3339: CustomStringConvertible {
    var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
    var nanosecond = 0, fractionalDigits = 0, offsetMinutes = 0
    var zulu = false, unknownLocal = false

    var description: String {
        "\(year)-\(month)-\(day) \(hour):\(minute):\(second).\(nanosecond)/\(fractionalDigits) \(offsetMinutes)"
    }

    /// Seconds since the epoch of the UTC instant (a leap second counts as the next second).
    var epochSeconds: Int64 {
        let local = Self.days(year, month, day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return local - Int64(offsetMinutes) * 60
    }

    static func parse(_ b: [UInt8]) -> ReferenceRFC3339? {
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count else { return nil }
            var value = 0
            for index in range {
                guard (0x30...0x39).contains(b[index]) else { return nil }
                value = value * 10 + Int(b[index] - 0x30)
            }
            return value
        }
        func byte(_ index: Int) -> UInt8? { index < b.count ? b[index] : nil }

        var r = ReferenceRFC3339()
        guard let year = number(0..<4), byte(4) == UInt8(ascii: "-"), let month = number(5..<7),
            byte(7) == UInt8(ascii: "-"), let day = number(8..<10),
            byte(10) == UInt8(ascii: "T") || byte(10) == UInt8(ascii: "t"),
            let hour = number(11..<13), byte(13) == UInt8(ascii: ":"), let minute = number(14..<16),
            byte(16) == UInt8(ascii: ":"), let second = number(17..<19)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year, month), hour <= 23, minute <= 59,
            second <= 60
        else { return nil }
        (r.year, r.month, r.day, r.hour, r.minute, r.second) = (year, month, day, hour, minute, second)
        var index = 19
        if byte(index) == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while let digit = byte(index), (0x30...0x39).contains(digit) {
                if digits < 9 { r.nanosecond = r.nanosecond * 10 + Int(digit - 0x30) }
                digits += 1
                index += 1
            }
            guard (1...9).contains(digits) else { return nil }
            for _ in digits..<9 { r.nanosecond *= 10 }
            r.fractionalDigits = digits
        }
        switch byte(index) {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            r.zulu = true
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let negative = b[index] == UInt8(ascii: "-")
            guard let offsetHour = number(index + 1..<index + 3), byte(index + 3) == UInt8(ascii: ":"),
                let offsetMinute = number(index + 4..<index + 6), offsetHour <= 23, offsetMinute <= 59
            else { return nil }
            r.offsetMinutes = (offsetHour * 60 + offsetMinute) * (negative ? -1 : 1)
            r.unknownLocal = negative && r.offsetMinutes == 0
            index += 6
        default:
            return nil
        }
        guard index == b.count else { return nil }
        if second == 60 {
            // A leap second is 23:59:60 UTC on the last day of a month.
            let utcMinutes = Self.days(year, month, day) * 1440 + Int64(hour * 60 + minute) - Int64(r.offsetMinutes)
            let (utcDay, minuteOfDay) = (
                floorDivide(utcMinutes, 1440), utcMinutes - floorDivide(utcMinutes, 1440) * 1440
            )
            let nextDay = civil(utcDay + 1)
            guard minuteOfDay == 23 * 60 + 59, nextDay.day == 1 else { return nil }
        }
        return r
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01: 365 a year plus the leap days before the year, plus the months.
    static func days(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        func leapDays(through year: Int64) -> Int64 {
            floorDivide(year, 4) - floorDivide(year, 100) + floorDivide(year, 400)
        }
        var total = Int64(year - 1970) * 365 + leapDays(through: Int64(year) - 1) - leapDays(through: 1969)
        for m in 1..<month { total += Int64(daysInMonth(year, m)) }
        return total + Int64(day - 1)
    }

    /// The civil date of a day number (inverse of `days`), for years near 0000-9999.
    static func civil(_ dayNumber: Int64) -> (year: Int, month: Int, day: Int) {
        var year = 1970
        var remaining = dayNumber
        while remaining < 0 {
            year -= 1
            remaining += isLeap(year) ? 366 : 365
        }
        while remaining >= (isLeap(year) ? 366 : 365) {
            remaining -= isLeap(year) ? 366 : 365
            year += 1
        }
        var month = 1
        while remaining >= Int64(daysInMonth(year, month)) {
            remaining -= Int64(daysInMonth(year, month))
            month += 1
        }
        return (year, month, Int(remaining) + 1)
    }
}
