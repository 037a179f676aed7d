/// Timestamps as counts of a unit (milliseconds, microseconds) since the Unix epoch in UTC, the
/// way binary formats and protocols carry time (an AMQP `timestamp`, Avro's
/// `timestamp-micros`). Such a count has no offset and no digit count, so each count decodes to
/// one canonical text, and a Timestamp travels as a count only when that text is its own.
extension Timestamp {
    /// The timestamp of `count` units since 1970-01-01T00:00:00Z, where a second has
    /// `unitsPerSecond` units (1,000 or 1,000,000): written in UTC (`Z`), with the fewest of 0,
    /// 3 or 6 fractional digits that hold it exactly.
    ///
    /// - Throws: ``CloudEventError`` (``CloudEventError/Code/invalidTimestamp``) outside the
    ///   years 0000-9999.
    package init(utcCount count: Int64, unitsPerSecond: Int64) throws {
        // Floor division without overflow, for every Int64.
        let (quotient, remainder) = count.quotientAndRemainder(dividingBy: unitsPerSecond)
        let seconds = remainder < 0 ? quotient - 1 : quotient
        let fraction = remainder < 0 ? remainder + unitsPerSecond : remainder
        let nanosecond = Int(fraction * (1_000_000_000 / unitsPerSecond))
        let digits = nanosecond == 0 ? 0 : nanosecond % 1_000_000 == 0 ? 3 : nanosecond % 1000 == 0 ? 6 : 9
        try self.init(epochSeconds: seconds, nanosecond: nanosecond, utcOffsetMinutes: 0, fractionalDigits: digits)
    }

    /// The count of units since the epoch that ``init(utcCount:unitsPerSecond:)`` turns back
    /// into exactly this timestamp; `nil` when there is none (an offset other than `Z`, a
    /// lowercase `z` or `t`, more precision than the unit, a digit count other than the
    /// canonical one such as `.000` or `.120000`, a leap second).
    package func exactUTCCount(unitsPerSecond: Int64) -> Int64? {
        let unit = 1_000_000_000 / Int(unitsPerSecond)
        guard nanosecond % unit == 0 else { return nil }
        // From seconds, not epochNanoseconds: milliseconds and microseconds reach the year 9999,
        // nanoseconds do not.
        let (scaled, overflow) = epochSeconds.multipliedReportingOverflow(by: unitsPerSecond)
        guard !overflow else { return nil }
        let count = scaled + Int64(nanosecond / unit)
        guard let back = try? Timestamp(utcCount: count, unitsPerSecond: unitsPerSecond), back == self else {
            return nil
        }
        return count
    }
}
