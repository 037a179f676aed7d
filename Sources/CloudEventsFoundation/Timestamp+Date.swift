public import CloudEvents
public import Foundation

extension Timestamp {
    /// A timestamp for `date`, rendered at the given UTC offset.
    ///
    /// `Date` holds a `Double` of seconds, so it carries about microsecond precision for current
    /// dates; the nanoseconds are rounded to the nearest microsecond before rendering and the
    /// fraction printed with `fractionalDigits` digits (default 6).
    public init(_ date: Date, utcOffsetMinutes: Int = 0, fractionalDigits: Int = 6) throws {
        let seconds = date.timeIntervalSince1970
        let wholeSeconds = seconds.rounded(.down)
        var micros = Int64(((seconds - wholeSeconds) * 1_000_000).rounded())
        var epochSeconds = Int64(wholeSeconds)
        if micros == 1_000_000 {
            epochSeconds += 1
            micros = 0
        }
        let divisor = Timestamp.powerOfTen(9 - fractionalDigits)
        let nanos = Int(micros * 1000)
        try self.init(
            epochSeconds: epochSeconds, nanosecond: nanos - nanos % divisor, utcOffsetMinutes: utcOffsetMinutes,
            fractionalDigits: fractionalDigits)
    }

    /// The instant as a Foundation `Date`. Lossy: the UTC offset is dropped, and `Date`'s
    /// `Double` keeps only about microsecond precision, so nanoseconds are rounded.
    public var date: Date {
        Date(timeIntervalSince1970: Double(epochSeconds) + Double(nanosecond) / 1_000_000_000)
    }

    private static func powerOfTen(_ exponent: Int) -> Int {
        var result = 1
        for _ in 0..<max(0, exponent) { result *= 10 }
        return result
    }
}
