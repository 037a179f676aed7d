import CloudEvents

/// The `Retry-After` header field (RFC 9110, section 10.2.3): how long a peer asks a client to
/// wait, as `delay-seconds` or as an HTTP-date.
package enum RetryAfter {
    /// The wait a `Retry-After` value asks for, measured from `now` (seconds since the Unix epoch)
    /// when it is a date; `nil` when the value is neither form. A date in the past is no wait.
    package static func delay(headerValue: String, nowEpochSeconds: Int64) -> Duration? {
        let text = headerValue.trimmingOptionalWhitespace
        guard !text.isEmpty else { return nil }
        if text.utf8.allSatisfy(isDigit) {
            // A value beyond any sensible wait is clamped rather than refused: it still means "later".
            let seconds = text.utf8.count > 12 ? 999_999_999_999 : Int64(text) ?? 0
            return .seconds(seconds)
        }
        guard let date = epochSeconds(httpDate: text, nowEpochSeconds: nowEpochSeconds) else { return nil }
        return .seconds(max(0, date - nowEpochSeconds))
    }

    /// Seconds since the Unix epoch of an HTTP-date in any of its three forms (recipients must
    /// accept all three): IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, the obsolete RFC 850 form
    /// `Sunday, 06-Nov-94 08:49:37 GMT`, and ANSI C's asctime form `Sun Nov  6 08:49:37 1994`.
    /// `now` resolves the two-digit year of the RFC 850 form.
    package static func epochSeconds(httpDate text: String, nowEpochSeconds: Int64) -> Int64? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        var day: Int?
        var month: Int?
        var year: Int?
        var time: (Int, Int, Int)?
        switch tokens.count {
        case 6 where tokens[5] == "GMT":  // IMF-fixdate
            (day, month, year, time) = (Int(tokens[1]), monthNumber(tokens[2]), Int(tokens[3]), clock(tokens[4]))
            if tokens[3].utf8.count != 4 { year = nil }
        case 4 where tokens[3] == "GMT":  // RFC 850
            let parts = tokens[1].split(separator: "-").map(String.init)
            guard parts.count == 3, parts[2].utf8.count == 2, let shortYear = Int(parts[2]) else { return nil }
            (day, month, year, time) = (
                Int(parts[0]), monthNumber(parts[1]), fullYear(shortYear, nowEpochSeconds: nowEpochSeconds),
                clock(tokens[2])
            )
        case 5:  // asctime
            (day, month, year, time) = (Int(tokens[2]), monthNumber(tokens[1]), Int(tokens[4]), clock(tokens[3]))
        default:
            return nil
        }
        guard let day, let month, let year, let time,
            let timestamp = try? Timestamp(
                year: year, month: month, day: day, hour: time.0, minute: time.1, second: time.2)
        else { return nil }
        return timestamp.epochSeconds
    }

    /// A two-digit RFC 850 year in the current century, unless that is more than 50 years in the
    /// future: RFC 9110 then reads it as the most recent past year with those digits.
    private static func fullYear(_ shortYear: Int, nowEpochSeconds: Int64) -> Int? {
        guard let currentYear = (try? Timestamp(epochSeconds: nowEpochSeconds))?.year else { return nil }
        let candidate = currentYear - currentYear % 100 + shortYear
        return candidate > currentYear + 50 ? candidate - 100 : candidate
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func monthNumber(_ name: String) -> Int? {
        months.firstIndex(of: name.lowercased()).map { $0 + 1 }
    }

    /// `HH:MM:SS`, each two digits.
    private static func clock(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ $0.utf8.count == 2 && $0.utf8.allSatisfy(isDigit) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), let second = Int(parts[2])
        else { return nil }
        return (hour, minute, second)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (HTTP's optional white space).
    fileprivate var trimmingOptionalWhitespace: String {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
