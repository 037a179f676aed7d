extension Timestamp {
    /// 0000-01-01T00:00:00 as seconds from 1970-01-01T00:00:00.
    static let minimumLocalSecond: Int64 = -62_167_219_200
    /// 9999-12-31T23:59:59 as seconds from 1970-01-01T00:00:00.
    static let maximumLocalSecond: Int64 = 253_402_300_799

    static let leapSecondMessage =
        "second 60 is only valid as a leap second at 23:59:60 UTC on the last day of a month"

    /// 10 to the power `exponent`, for 0...9.
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> Int {
        var result = 1
        for _ in 0..<exponent { result &*= 10 }
        return result
    }

    /// Whether `year` is a Gregorian leap year (proleptic; year 0 is a leap year).
    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1...12) of `year`.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whether a local `hour:minute:60` at `offsetMinutes` is 23:59:60 UTC on a month's last day.
    static func isValidLeapSecond(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ offsetMinutes: Int
    ) -> Bool {
        var days = Self.days(fromCivil: Int64(year), Int64(month), Int64(day))
        var minuteOfDay = hour * 60 + minute - offsetMinutes
        if minuteOfDay < 0 {
            minuteOfDay += 1440
            days -= 1
        } else if minuteOfDay >= 1440 {
            minuteOfDay -= 1440
            days += 1
        }
        guard minuteOfDay == 1439 else { return false }
        let (utcYear, utcMonth, utcDay) = civil(fromDays: days)
        return Int(utcDay) == daysInMonth(year: Int(utcYear), month: Int(utcMonth))
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `value` limited to `lower...upper`.
    static func clamp<T: Comparable>(_ value: T, _ lower: T, _ upper: T) -> T {
        min(max(value, lower), upper)
    }

    /// Floor division and the matching non-negative remainder.
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    /// "day 30 is out of range for February 2023".
    static func dayOutOfRange(_ day: Int, year: Int, month: Int) -> String {
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December",
        ]
        let yearText = String(year)
        let padded = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
        return "day \(day) is out of range for \(names[month - 1]) \(padded)"
    }
}
