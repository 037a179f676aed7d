import Testing

@testable import CloudEvents

// MARK: - Fixtures

/// Valid RFC 3339 date-times; each must parse and print back byte for byte.
private let validTimestamps: [String] = [
    // Leap years.
    "2024-02-29T00:00:00Z",
    "2000-02-29T12:00:00Z",
    "1600-02-29T23:59:59Z",
    // Every month's last day.
    "2023-01-31T23:59:59Z",
    "2023-02-28T23:59:59Z",
    "2023-03-31T23:59:59Z",
    "2023-04-30T23:59:59Z",
    "2023-05-31T23:59:59Z",
    "2023-06-30T23:59:59Z",
    "2023-07-31T23:59:59Z",
    "2023-08-31T23:59:59Z",
    "2023-09-30T23:59:59Z",
    "2023-10-31T23:59:59Z",
    "2023-11-30T23:59:59Z",
    "2023-12-31T23:59:59Z",
    // Leap seconds: 23:59:60 UTC on the last day of a month, after applying the offset.
    "1998-12-31T23:59:60Z",
    "2016-12-31T23:59:60Z",
    "1990-12-31T15:59:60-08:00",
    "2015-06-30T23:59:60Z",
    "2015-07-01T01:59:60+02:00",
    "1972-06-30T23:59:60.5Z",
    "1999-12-31T23:59:60.999999999Z",
    "2016-11-30T23:59:60Z",
    "2016-12-31T23:59:60-00:00",
    "2016-12-31T23:59:60+00:00",
    "0000-01-01T00:00:60+00:01",
    // Offsets.
    "2018-04-05T03:56:24+00:00",
    "2018-04-05T03:56:24-00:00",
    "2018-04-05T03:56:24+23:59",
    "2018-04-05T03:56:24-23:59",
    "2018-04-05T03:56:24+05:30",
    "2018-04-05T03:56:24-09:45",
    // Fractional digits, 1 through 9, trailing zeros kept.
    "2018-04-05T03:56:24.1Z",
    "2018-04-05T03:56:24.12Z",
    "2018-04-05T03:56:24.123Z",
    "2018-04-05T03:56:24.1234Z",
    "2018-04-05T03:56:24.12345Z",
    "2018-04-05T03:56:24.123456Z",
    "2018-04-05T03:56:24.1234567Z",
    "2018-04-05T03:56:24.12345678Z",
    "2018-04-05T03:56:24.123456789Z",
    "2018-04-05T17:31:00.120Z",
    "2024-05-20T14:23:18.000000000Z",
    "2000-01-01T00:00:00.0-00:00",
    // Examples and case variants.
    "2018-04-05T03:56:24Z",
    "2024-05-20T14:23:18.123456789+08:00",
    "2018-04-05t03:56:24z",
    "2018-04-05t03:56:24Z",
    "2018-04-05T03:56:24z",
    // Extremes.
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999999Z",
    "9999-12-31T23:59:59.999999999-23:59",
]

/// Invalid texts, with the byte offset the error must point at.
private let invalidTimestamps: [(String, Int)] = [
    ("", 0),
    // Leap years and month lengths.
    ("2023-02-29T00:00:00Z", 8),
    ("1900-02-29T00:00:00Z", 8),
    ("2024-02-30T00:00:00Z", 8),
    ("2023-01-32T00:00:00Z", 8),
    ("2023-03-32T00:00:00Z", 8),
    ("2023-04-31T00:00:00Z", 8),
    ("2023-05-32T00:00:00Z", 8),
    ("2023-06-31T00:00:00Z", 8),
    ("2023-07-32T00:00:00Z", 8),
    ("2023-08-32T00:00:00Z", 8),
    ("2023-09-31T00:00:00Z", 8),
    ("2023-10-32T00:00:00Z", 8),
    ("2023-11-31T00:00:00Z", 8),
    ("2023-12-32T00:00:00Z", 8),
    ("2018-04-00T03:56:24Z", 8),
    ("2018-13-05T03:56:24Z", 5),
    ("2018-00-05T03:56:24Z", 5),
    // Leap seconds in the wrong place.
    ("2020-06-15T12:00:60Z", 17),
    ("2016-12-31T23:59:60+01:00", 17),
    ("2016-12-30T23:59:60Z", 17),
    ("2016-12-31T23:58:60Z", 17),
    ("2016-12-31T23:59:61Z", 17),
    ("2016-12-31T23:59:99Z", 17),
    // Offsets.
    ("2018-04-05T03:56:24+24:00", 20),
    ("2018-04-05T03:56:24-24:00", 20),
    ("2018-04-05T03:56:24+23:60", 23),
    ("2018-04-05T03:56:24-00:60", 23),
    ("2018-04-05T03:56:24+0800", 22),
    ("2018-04-05T03:56:24+08", 22),
    ("2018-04-05T03:56:24+8:00", 21),
    ("2018-04-05T03:56:24", 19),
    ("2018-04-05T03:56:24.5", 21),
    ("2018-04-05T03:56:24UTC", 19),
    ("2018-04-05T03:56:24 Z", 19),
    // Fractions.
    ("2018-04-05T03:56:24.1234567890Z", 29),
    ("2018-04-05T03:56:24.12345678901234Z", 29),
    ("2018-04-05T03:56:24.Z", 20),
    ("2018-04-05T03:56:24.", 20),
    ("2018-04-05T03:56:24.1a", 21),
    ("2018-04-05T03:56:24,5Z", 19),
    // Separator.
    ("2018-04-05 03:56:24Z", 10),
    ("2018-04-05x03:56:24Z", 10),
    ("2018-04-05", 10),
    ("2018-04-05T", 11),
    // Field widths and ranges.
    ("18-04-05T03:56:24Z", 2),
    ("20180-04-05T03:56:24Z", 4),
    ("10000-01-01T00:00:00Z", 4),
    ("2018-4-05T03:56:24Z", 6),
    ("2018-04-5T03:56:24Z", 9),
    ("2018-04-05T3:56:24Z", 12),
    ("2018-04-05T24:00:00Z", 11),
    ("2018-04-05T23:60:00Z", 14),
    ("2018-04-05T03:56:245Z", 19),
    ("2018/04/05T03:56:24Z", 4),
    ("2018-04-05T03-56-24Z", 13),
    ("2018-04-05T03:56-24Z", 16),
    ("-2018-04-05T03:56:24Z", 0),
    ("+2018-04-05T03:56:24Z", 0),
    // Trailing garbage and whitespace.
    ("2018-04-05T03:56:24Zjunk", 20),
    ("2018-04-05T03:56:24Z ", 20),
    ("2018-04-05T03:56:24+08:00\n", 25),
    ("2018-04-05T03:56:24.123+08:00x", 29),
    ("2018-04-05T03:56:24z+08:00", 20),
    (" 2018-04-05T03:56:24Z", 0),
    ("\t2018-04-05T03:56:24Z", 0),
    ("2018-04-05T03:56:24\u{0}", 19),
    // Non-ASCII digits (fullwidth two, Arabic-Indic five, superscript two).
    ("\u{FF12}018-04-05T03:56:24Z", 0),
    ("2018-04-0\u{665}T03:56:24Z", 9),
    ("2018-04-05T03:56:2\u{B2}Z", 18),
    ("2018-04-05T03:56:24.\u{FF11}Z", 20),
]

// MARK: - Helpers

private func timestampErrorMessage(_ text: String) -> String {
    do {
        _ = try Timestamp(parsing: text)
        return "parsed"
    } catch let error as CloudEventError {
        return error.message
    } catch {
        return "unexpected error \(error)"
    }
}


private func zeroPadded(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}

private func daysInMonthForTests(_ year: Int, _ month: Int) -> Int {
    switch month {
    case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
}

/// Tests of ``Timestamp``: RFC 3339 parsing and printing, construction, epoch conversion and instant order.
struct TimestampTests {
    // MARK: - Parsing and printing

    @Test(arguments: validTimestamps)
    func validTimestampRoundTrips(_ text: String) throws {
        let time = try Timestamp(parsing: text)
        #expect(time.rfc3339 == text)
        #expect(time.description == text)
        #expect(time.textLength == text.utf8.count)
        var bytes: [UInt8] = Array("prefix:".utf8)
        time.write(into: &bytes)
        #expect(bytes == Array("prefix:".utf8) + Array(text.utf8))
        #expect(try Timestamp(rfc3339: Array(text.utf8)) == time)
        #expect(try Timestamp(parsing: text.lowercased().uppercased()) == Timestamp(parsing: text.uppercased()))
    }

    @Test(arguments: invalidTimestamps)
    func invalidTimestampThrows(_ text: String, _ offset: Int) {
        do {
            let time = try Timestamp(parsing: text)
            Issue.record("parsed \(text.debugDescription) as \(time)")
        } catch let error as CloudEventError {
            #expect(error.code == .invalidTimestamp)
            #expect(error.byteOffset == offset, "\(text.debugDescription): \(error.message)")
            #expect(!error.message.isEmpty)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func tableIsLargeEnough() {
        #expect(validTimestamps.count + invalidTimestamps.count >= 70)
        #expect(Timestamp.maximumTextLength == "9999-12-31T23:59:59.999999999-23:59".utf8.count)
    }

    @Test func errorMessagesArePrecise() {
        #expect(timestampErrorMessage("2023-02-30T00:00:00Z") == "day 30 is out of range for February 2023")
        #expect(timestampErrorMessage("0004-04-31T00:00:00Z") == "day 31 is out of range for April 0004")
        #expect(timestampErrorMessage("2018-04-05T03-56:24Z") == "expected ':' after hour, found '-'")
        #expect(
            timestampErrorMessage("2018-04-05T03:56:24.1234567890Z") == "10 fractional digits; at most 9 are supported")
        #expect(
            timestampErrorMessage("2020-06-15T12:00:60Z")
                == "second 60 is only valid as a leap second at 23:59:60 UTC on the last day of a month")
        #expect(timestampErrorMessage("2018-04-05 03:56:24Z").contains("a space"))
        #expect(timestampErrorMessage("2018-04-05T03:56:24").contains("missing UTC offset"))
        #expect(timestampErrorMessage("\u{FF12}018-04-05T03:56:24Z").contains("non-ASCII byte 0xEF"))
        #expect(timestampErrorMessage("2018-04-05T03:56:24+24:00") == "offset hour 24 is out of range 00-23")
        #expect(timestampErrorMessage("2018-04-05T03:56:24Z ") == "found a space after the end of the timestamp")
        #expect(
            timestampErrorMessage("2018-04-05T03:56:24.") == "unexpected end of timestamp; expected a digit after '.'")
    }

    @Test func fieldsAreExposed() throws {
        let time = try Timestamp(parsing: "2024-05-20t14:23:18.12-05:30")
        #expect(time.year == 2024)
        #expect(time.month == 5)
        #expect(time.day == 20)
        #expect(time.hour == 14)
        #expect(time.minute == 23)
        #expect(time.second == 18)
        #expect(time.nanosecond == 120_000_000)
        #expect(time.fractionalDigits == 2)
        #expect(time.utcOffsetMinutes == -330)
        #expect(!time.isUTCDesignator)
        #expect(!time.hasUnknownLocalOffset)

        let zulu = try Timestamp(parsing: "2024-05-20T14:23:18z")
        #expect(zulu.isUTCDesignator && zulu.utcOffsetMinutes == 0 && zulu.fractionalDigits == 0)
        let unknown = try Timestamp(parsing: "2024-05-20T14:23:18-00:00")
        #expect(unknown.hasUnknownLocalOffset && !unknown.isUTCDesignator && unknown.utcOffsetMinutes == 0)
        let plusZero = try Timestamp(parsing: "2024-05-20T14:23:18+00:00")
        #expect(!plusZero.hasUnknownLocalOffset && !plusZero.isUTCDesignator)
        #expect(unknown != plusZero && unknown != zulu && plusZero != zulu)
        #expect(Set([unknown, plusZero, zulu]).count == 3)
    }

    @Test func parsesSubstringsAndNonContiguousBytes() throws {
        let line = "time=2024-05-20T14:23:18.5Z;"
        let slice = line.dropFirst(5).dropLast()
        #expect(try Timestamp(parsing: slice).rfc3339 == "2024-05-20T14:23:18.5Z")
        let lazy = "2024-05-20T14:23:18.5Z".utf8.lazy.map { $0 }
        #expect(try Timestamp(rfc3339: lazy).rfc3339 == "2024-05-20T14:23:18.5Z")
        do {
            _ = try Timestamp(rfc3339: "2024-05-20T14:23:18.5Q".utf8.lazy.map { $0 })
            Issue.record("expected a failure")
        } catch let error as CloudEventError {
            #expect(error.byteOffset == 21)
        }
        do {
            _ = try Timestamp(parsing: "xx2024-05-20T25:23:18Z".dropFirst(2))
            Issue.record("expected a failure")
        } catch let error as CloudEventError {
            #expect(error.byteOffset == 11)
        }
        let bytes = Array("2018-04-05T03:56:24+08:00".utf8)
        let fast = try bytes.withUnsafeBytes { try Timestamp.parse($0) }
        #expect(fast.rfc3339 == "2018-04-05T03:56:24+08:00")
    }

    // MARK: - Construction

    @Test func memberwiseInitializer() throws {
        let time = try Timestamp(
            year: 2024, month: 5, day: 20, hour: 14, minute: 23, second: 18, nanosecond: 123_000_000,
            fractionalDigits: 3, utcOffsetMinutes: 480)
        #expect(time.rfc3339 == "2024-05-20T14:23:18.123+08:00")
        #expect(try Timestamp(year: 2024, month: 1, day: 2).rfc3339 == "2024-01-02T00:00:00Z")
        #expect(try Timestamp(year: 7, month: 1, day: 2, utcOffsetMinutes: -61).rfc3339 == "0007-01-02T00:00:00-01:01")
        #expect(
            try Timestamp(year: 2016, month: 12, day: 31, hour: 23, minute: 59, second: 60).rfc3339
                == "2016-12-31T23:59:60Z")
    }

    @Test(arguments: [
        (0, 1, 1, 0, 0, 0, 1, 0, 0),  // nanosecond with no digits
        (0, 1, 1, 0, 0, 0, 123_456_789, 3, 0),  // not representable in 3 digits
        (0, 1, 1, 0, 0, 0, 1_000_000_000, 9, 0),
        (0, 1, 1, 0, 0, 0, -1, 9, 0),
        (0, 1, 1, 0, 0, 0, 0, 10, 0),
        (0, 1, 1, 0, 0, 0, 0, -1, 0),
        (10000, 1, 1, 0, 0, 0, 0, 0, 0),
        (-1, 1, 1, 0, 0, 0, 0, 0, 0),
        (2023, 2, 29, 0, 0, 0, 0, 0, 0),
        (2023, 13, 1, 0, 0, 0, 0, 0, 0),
        (2023, 1, 0, 0, 0, 0, 0, 0, 0),
        (2023, 1, 1, 24, 0, 0, 0, 0, 0),
        (2023, 1, 1, 0, 60, 0, 0, 0, 0),
        (2023, 1, 1, 0, 0, 61, 0, 0, 0),
        (2023, 1, 1, 0, 0, 60, 0, 0, 0),
        (2016, 12, 31, 23, 59, 60, 0, 0, 60),
        (2023, 1, 1, 0, 0, 0, 0, 0, 1440),
        (2023, 1, 1, 0, 0, 0, 0, 0, -1440),
    ])
    func memberwiseInitializerRejects(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int,
        fractionalDigits: Int, offset: Int
    ) {
        #expect {
            try Timestamp(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                nanosecond: nanosecond, fractionalDigits: fractionalDigits, utcOffsetMinutes: offset)
        } throws: { error in
            guard let error = error as? CloudEventError else { return false }
            return error.code == .invalidTimestamp && error.byteOffset == nil && !error.message.isEmpty
        }
    }

    @Test func epochInitializers() throws {
        #expect(try Timestamp(epochSeconds: 0).rfc3339 == "1970-01-01T00:00:00.000000000Z")
        #expect(try Timestamp(epochSeconds: 0, fractionalDigits: 0).rfc3339 == "1970-01-01T00:00:00Z")
        #expect(
            try Timestamp(epochSeconds: 0, nanosecond: 987_654_321, utcOffsetMinutes: 330, fractionalDigits: 3).rfc3339
                == "1970-01-01T05:30:00.987+05:30")
        #expect(
            try Timestamp(epochNanoseconds: 1_716_186_198_123_456_789, utcOffsetMinutes: 480).rfc3339
                == "2024-05-20T14:23:18.123456789+08:00")
        #expect(try Timestamp(epochNanoseconds: -1, fractionalDigits: 3).rfc3339 == "1969-12-31T23:59:59.999Z")
        #expect(try Timestamp(epochNanoseconds: .min).rfc3339 == "1677-09-21T00:12:43.145224192Z")
        #expect(try Timestamp(epochNanoseconds: .max).rfc3339 == "2262-04-11T23:47:16.854775807Z")
        #expect(try Timestamp(epochSeconds: -62_167_219_200, fractionalDigits: 0).rfc3339 == "0000-01-01T00:00:00Z")
        #expect(try Timestamp(epochSeconds: 253_402_300_799, fractionalDigits: 0).rfc3339 == "9999-12-31T23:59:59Z")
        #expect(
            try Timestamp(epochSeconds: 253_402_300_800, utcOffsetMinutes: -1, fractionalDigits: 0).rfc3339
                == "9999-12-31T23:59:00-00:01")

        for (seconds, offset) in [
            (253_402_300_800, 0), (-62_167_219_201, 0), (-62_167_219_200, -1), (253_402_300_799, 1),
            (Int64.max, -1439), (Int64.min, 1439), (Int64.max, 0), (Int64.min, 0),
        ] as [(Int64, Int)] {
            #expect(throws: CloudEventError.self) { try Timestamp(epochSeconds: seconds, utcOffsetMinutes: offset) }
        }
        #expect(throws: CloudEventError.self) { try Timestamp(epochSeconds: 0, nanosecond: 1_000_000_000) }
        #expect(throws: CloudEventError.self) { try Timestamp(epochSeconds: 0, nanosecond: -1) }
        #expect(throws: CloudEventError.self) { try Timestamp(epochSeconds: 0, utcOffsetMinutes: 1440) }
        #expect(throws: CloudEventError.self) { try Timestamp(epochNanoseconds: 0, fractionalDigits: 10) }
    }

    @Test func nowIsRecentUTC() {
        let now = Timestamp.now()
        #expect(now.isUTCDesignator && now.fractionalDigits == 9)
        #expect(now.year >= 2024)
        let coarse = Timestamp.now(fractionalDigits: 3)
        #expect(coarse.fractionalDigits == 3 && coarse.nanosecond % 1_000_000 == 0)
        #expect(now.compareInstant(to: coarse) != .after || now.epochSeconds == coarse.epochSeconds)
        #expect(Timestamp.now(fractionalDigits: 42).fractionalDigits == 9)
        #expect(Timestamp.now(fractionalDigits: -3).fractionalDigits == 0)
    }

    // MARK: - Instants

    @Test(
        arguments: [
            ("1970-01-01T00:00:00Z", 0, 0),
            ("1970-01-01T00:00:00-00:00", 0, 0),
            ("2024-05-20T14:23:18.123456789+08:00", 1_716_186_198, 1_716_186_198_123_456_789),
            ("2024-05-20T06:23:18.123456789Z", 1_716_186_198, 1_716_186_198_123_456_789),
            ("1969-12-31T23:59:59.5Z", -1, -500_000_000),
            ("1969-12-31T23:59:59.999999999Z", -1, -1),
            ("1960-03-01T10:00:00.25-05:30", -310_379_400, -310_379_399_750_000_000),
            ("2016-12-31T23:59:60Z", 1_483_228_800, 1_483_228_800_000_000_000),
            ("2017-01-01T00:00:00Z", 1_483_228_800, 1_483_228_800_000_000_000),
            ("2262-04-11T23:47:16.854775807Z", 9_223_372_036, Int64.max),
            ("1677-09-21T00:12:43.145224192Z", -9_223_372_037, Int64.min),
        ] as [(String, Int64, Int64)])
    func epochValues(_ text: String, seconds: Int64, nanoseconds: Int64) throws {
        let time = try Timestamp(parsing: text)
        #expect(time.epochSeconds == seconds)
        #expect(time.epochNanoseconds == nanoseconds)
    }

    @Test func epochExtremes() throws {
        #expect(try Timestamp(parsing: "0000-01-01T00:00:00Z").epochSeconds == -62_167_219_200)
        #expect(try Timestamp(parsing: "9999-12-31T23:59:59Z").epochSeconds == 253_402_300_799)
        #expect(try Timestamp(parsing: "0000-01-01T00:00:00+23:59").epochSeconds == -62_167_219_200 - 86_340)
        #expect(try Timestamp(parsing: "9999-12-31T23:59:59.999999999Z").epochNanoseconds == nil)
        #expect(try Timestamp(parsing: "0000-01-01T00:00:00Z").epochNanoseconds == nil)
        #expect(try Timestamp(parsing: "2262-04-11T23:47:16.854775808Z").epochNanoseconds == nil)
        #expect(try Timestamp(parsing: "1677-09-21T00:12:43.145224191Z").epochNanoseconds == nil)
    }

    @Test func sameInstantDifferentText() throws {
        let zulu = try Timestamp(parsing: "2024-01-01T00:00:00Z")
        let china = try Timestamp(parsing: "2024-01-01T08:00:00+08:00")
        #expect(zulu.compareInstant(to: china) == .same)
        #expect(zulu.isSameInstant(as: china))
        #expect(zulu != china)
        let tenths = try Timestamp(parsing: "2024-01-01T00:00:00.1Z")
        let hundredths = try Timestamp(parsing: "2024-01-01T00:00:00.10Z")
        #expect(tenths.isSameInstant(as: hundredths) && tenths != hundredths)
        let unknown = try Timestamp(parsing: "2024-01-01T00:00:00-00:00")
        #expect(unknown.isSameInstant(as: zulu) && unknown != zulu)
    }

    @Test func instantOrdering() throws {
        func order(_ a: String, _ b: String) throws -> Timestamp.InstantOrder {
            try Timestamp(parsing: a).compareInstant(to: Timestamp(parsing: b))
        }
        #expect(try order("2024-01-01T00:00:00.000000001Z", "2024-01-01T00:00:00.000000002Z") == .before)
        #expect(try order("2024-01-01T00:00:00.000000002Z", "2024-01-01T00:00:00.000000001Z") == .after)
        #expect(try order("2024-01-01T00:00:00.5+01:00", "2023-12-31T23:00:00.4Z") == .after)
        #expect(try order("2024-01-01T00:00:00-01:00", "2024-01-01T00:30:00Z") == .after)
        // Leap second: after 23:59:59.999999999, before the following 00:00:00, whatever the fractions.
        #expect(try order("2016-12-31T23:59:59.999999999Z", "2016-12-31T23:59:60Z") == .before)
        #expect(try order("2016-12-31T23:59:60Z", "2017-01-01T00:00:00Z") == .before)
        #expect(try order("2017-01-01T00:00:00Z", "2016-12-31T23:59:60Z") == .after)
        #expect(try order("2016-12-31T23:59:60.9Z", "2017-01-01T00:00:00.1Z") == .before)
        #expect(try order("2016-12-31T23:59:60.5Z", "2016-12-31T23:59:60.4Z") == .after)
        #expect(try order("2016-12-31T23:59:60Z", "2017-01-01T08:59:60+09:00") == .same)
        #expect(try order("1990-12-31T15:59:60-08:00", "1990-12-31T23:59:60Z") == .same)
    }

    // MARK: - Property tests

    @Test func generatedStringsRoundTrip() throws {
        var random = SplitMix64(seed: 0xC10D_E7E1_75)
        for _ in 0..<5_000 {
            let year = random.int(0...9999)
            let month = random.int(1...12)
            let leap = random.int(0...19) == 0
            let day = leap ? daysInMonthForTests(year, month) : random.int(1...daysInMonthForTests(year, month))
            let (hour, minute, second) =
                leap ? (23, 59, 60) : (random.int(0...23), random.int(0...59), random.int(0...59))
            let digits = random.int(0...9)
            var fraction = ""
            for _ in 0..<digits { fraction += String(random.int(0...9)) }
            let offsets = leap ? ["Z", "z", "-00:00", "+00:00"] : ["Z", "z", "-00:00", "+00:00", "numeric", "numeric"]
            var offset = offsets[random.int(0...offsets.count - 1)]
            var offsetMinutes = 0
            if offset == "numeric" {
                offsetMinutes = random.int(-1439...1439)
                offset =
                    (offsetMinutes < 0 ? "-" : "+") + zeroPadded(abs(offsetMinutes) / 60, 2) + ":"
                    + zeroPadded(abs(offsetMinutes) % 60, 2)
            }
            let text =
                "\(zeroPadded(year, 4))-\(zeroPadded(month, 2))-\(zeroPadded(day, 2))\(random.int(0...1) == 0 ? "T" : "t")"
                + "\(zeroPadded(hour, 2)):\(zeroPadded(minute, 2)):\(zeroPadded(second, 2))\(digits > 0 ? "." + fraction : "")\(offset)"
            let time = try Timestamp(parsing: text)
            #expect(time.rfc3339 == text)
            #expect(time.year == year && time.month == month && time.day == day)
            #expect(time.hour == hour && time.minute == minute && time.second == second)
            #expect(time.fractionalDigits == digits && time.utcOffsetMinutes == offsetMinutes)
            #expect(time.textLength == text.utf8.count)
        }
    }

    @Test func generatedValuesRoundTrip() throws {
        var random = SplitMix64(seed: 20_240_520)
        for _ in 0..<5_000 {
            let year = random.int(0...9999)
            let month = random.int(1...12)
            let day = random.int(1...daysInMonthForTests(year, month))
            let digits = random.int(0...9)
            var scale = 1
            for _ in 0..<(9 - digits) { scale *= 10 }
            let nanosecond = random.int(0...999_999_999) / scale * scale
            let offset = random.int(0...3) == 0 ? 0 : random.int(-1439...1439)
            let time = try Timestamp(
                year: year, month: month, day: day, hour: random.int(0...23), minute: random.int(0...59),
                second: random.int(0...59), nanosecond: nanosecond, fractionalDigits: digits, utcOffsetMinutes: offset)
            let reparsed = try Timestamp(parsing: time.rfc3339)
            #expect(reparsed == time)
            #expect(reparsed.hashValue == time.hashValue)
            #expect(reparsed.isUTCDesignator == (offset == 0))
        }
    }

    @Test func epochNanosecondsRoundTrip() throws {
        var random = SplitMix64(seed: 1_970)
        var previous: (value: Int64, time: Timestamp)?
        for _ in 0..<5_000 {
            let value = Int64(bitPattern: random.next())
            let offset = random.int(-1439...1439)
            let time = try Timestamp(epochNanoseconds: value, utcOffsetMinutes: offset)
            #expect(time.epochNanoseconds == value)
            #expect(try Timestamp(parsing: time.rfc3339) == time)
            let millis = try Timestamp(epochNanoseconds: value, utcOffsetMinutes: offset, fractionalDigits: 3)
            let (quotient, remainder) = value.quotientAndRemainder(dividingBy: 1_000_000)
            #expect(millis.epochNanoseconds == (remainder < 0 ? quotient - 1 : quotient) * 1_000_000)
            if let previous {
                let expected: Timestamp.InstantOrder =
                    value < previous.value ? .before : value == previous.value ? .same : .after
                #expect(time.compareInstant(to: previous.time) == expected)
            }
            previous = (value, time)
        }
    }

    @Test func civilDayConversionsAgree() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<5_000 {
            let days = Int64(random.int(-800_000...3_000_000))
            let (year, month, day) = Timestamp.civil(fromDays: days)
            #expect(Timestamp.days(fromCivil: year, month, day) == days)
        }
        #expect(Timestamp.days(fromCivil: 1970, 1, 1) == 0)
        #expect(Timestamp.days(fromCivil: 2000, 3, 1) == 11_017)
        #expect(Timestamp.civil(fromDays: -1) == (1969, 12, 31))
    }
}
