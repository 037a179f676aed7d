import CloudEvents
import CloudEventsAvro
import CoreTestSupport
import Foundation
import Testing

@Suite("Avro compact format: the draft schema's record, exact times or refused, typed extensions")
struct AvroCompactFormatTests {
    static func event() throws -> CloudEvent {
        var event = try FormatTestEvent.event(time: "2026-12-01T08:30:00.123Z")
        event[extension: "note"] = .string("ünïcode")
        event[extension: "due"] = .timestamp(try Timestamp(parsing: "2026-12-24T00:00:00.000120Z"))
        return event
    }

    @Test("round trip: every extension typed, times with 0, 3 or 6 digits exact, JSON data byte for byte")
    func roundTrip() throws {
        let format = AvroCompactEventFormat()
        let event = try Self.event()
        let decoded = try format.decode(try format.encode(event)[...])
        #expect(decoded == event)
        #expect(decoded.data?.kind == .json)
        for text in ["2026-12-01T08:30:00Z", "2026-12-01T08:30:00.120Z", "1969-12-31T23:59:59.999999Z"] {
            var timed = CloudEvent(id: "1", source: "/s", type: "t")
            timed.time = try Timestamp(parsing: text)
            #expect(try format.decode(try format.encode(timed)[...]).time?.rfc3339 == text)
        }
        let none = CloudEvent(id: "1", source: "/s", type: "t")
        #expect(try format.decode(try format.encode(none)[...]) == none)
        let json = CloudEvent(id: "1", source: "/s", type: "t", data: .json("[1,2.50]"))
        #expect(try format.decode(try format.encode(json)[...]).dataContentType == "application/json")
    }

    @Test("the exact bytes of a small event, field by field in the schema's order")
    func exactBytes() throws {
        var event = CloudEvent(
            id: "1", source: "/s", type: "t", time: try Timestamp(parsing: "1970-01-01T00:00:00.000001Z"),
            data: .binary([7]))
        event[extension: "n"] = .integer(1)
        let expected: [UInt8] =
            [2, 0x31, 4, 0x2F, 0x73, 2, 0x74]  // id, source, type
            + [0, 0, 0]  // datacontenttype, dataschema, subject: null
            + [2, 2]  // time: branch 1, 1 microsecond
            + [2, 2, 0x6E, 2, 2, 0]  // extensions: one entry, n: int 1; end of map
            + [0, 2, 7]  // data: bytes, length 1
        #expect(try AvroCompactEventFormat().encode(event) == expected)
        #expect(try AvroCompactEventFormat().decode(expected[...]) == event)
    }

    @Test(
        "a time the record cannot give back exactly is refused, naming it and what would arrive; converted when asked",
        arguments: [
            ("2026-12-01T08:30:00.123+08:00", "2026-12-01T00:30:00.123Z"),
            ("2026-12-01T08:30:00.120000Z", "2026-12-01T08:30:00.120Z"),
            ("2026-12-01T08:30:00.123456789Z", "2026-12-01T08:30:00.123456Z"),
            ("2026-12-01T08:30:00.000Z", "2026-12-01T08:30:00Z"),
            ("2026-12-01t08:30:00z", "2026-12-01T08:30:00Z"),
        ])
    func inexactTimes(text: String, arrival: String) throws {
        var event = CloudEvent(id: "1", source: "/s", type: "t")
        event.time = try Timestamp(parsing: text)
        let error = try #require(thrownCloudEventError { try AvroCompactEventFormat().encode(event) })
        #expect(error.code == .conversionNotPossible)
        #expect(error.attribute == "time")
        #expect(error.message.contains("it would arrive as \(arrival)"), "\(error.message)")
        let converting = AvroCompactEventFormat(inexactTimestamps: .convertToUTCMicroseconds)
        let decoded = try converting.decode(try converting.encode(event)[...])
        #expect(decoded.time?.rfc3339 == arrival)
    }

    @Test("a Timestamp extension: exact as timestamp-micros, refused when inexact, as its text or converted when asked")
    func timestampExtensions() throws {
        var event = CloudEvent(id: "1", source: "/s", type: "t")
        event[extension: "due"] = .timestamp(try Timestamp(parsing: "2026-12-24T00:00:00+01:00"))
        let error = try #require(thrownCloudEventError { try AvroCompactEventFormat().encode(event) })
        #expect(error.code == .conversionNotPossible)
        #expect(error.attribute == "due")
        let asText = AvroCompactEventFormat(textTypedExtensions: .writeAsString)
        #expect(
            try asText.decode(try asText.encode(event)[...])[extension: "due"] == .string("2026-12-24T00:00:00+01:00"))
        let converting = AvroCompactEventFormat(inexactTimestamps: .convertToUTCMicroseconds)
        #expect(
            try converting.decode(try converting.encode(event)[...])[extension: "due"]
                == .timestamp(try Timestamp(parsing: "2026-12-23T23:00:00Z")))
    }

    @Test("URI and URI-reference extensions would arrive as Strings: refused by default, written as text when asked")
    func uriExtensions() throws {
        var event = CloudEvent(id: "1", source: "/s", type: "t")
        event[extension: "site"] = .uri("https://example.com/a")
        let error = try #require(thrownCloudEventError { try AvroCompactEventFormat().encode(event) })
        #expect(error.code == .conversionNotPossible)
        #expect(error.attribute == "site")
        let asText = AvroCompactEventFormat(textTypedExtensions: .writeAsString)
        #expect(try asText.decode(try asText.encode(event)[...])[extension: "site"] == .string("https://example.com/a"))
    }

    @Test("0.3 events are refused: the schema holds 1.0 only")
    func version03() throws {
        let event = CloudEvent(specVersion: .v0_3, id: "1", source: "/s", type: "t")
        let error = try #require(thrownCloudEventError { try AvroCompactEventFormat().encode(event) })
        #expect(error.code == .conversionNotPossible)
        #expect(error.attribute == "specversion")
        #expect(AvroCompactEventFormat().eventMediaType == "application/cloudevents+avro-compact")
    }

    @Test("malformed input: byte offsets, duplicate extensions, reserved names, a time outside 0000-9999")
    func malformed() throws {
        let head: [UInt8] = [2, 0x31, 4, 0x2F, 0x73, 2, 0x74, 0, 0, 0]
        func decode(_ bytes: [UInt8]) -> CloudEventError? {
            thrownCloudEventError { try AvroCompactEventFormat().decode(bytes[...]) }
        }
        let truncated = decode([2, 0x31])
        #expect(truncated?.code == .malformedInput)
        #expect(truncated?.byteOffset == 2)
        let badUnion = decode([2, 0x31, 4, 0x2F, 0x73, 2, 0x74, 4])
        #expect(badUnion?.message.hasPrefix("Avro: union branch 2 of datacontenttype, which has 2") == true)
        #expect(badUnion?.byteOffset == 7)
        let duplicate = decode(head + [0, 4, 2, 0x6E, 2, 2, 2, 0x6E, 2, 4, 0, 2])
        #expect(duplicate?.message == "Avro: extension n appears more than once")
        let reserved = decode(head + [0, 2, 4, 0x69, 0x64, 6, 2, 0x78, 0, 2])  // an extension named id
        #expect(reserved?.violations.map(\.code) == [.invalidAttributeName])
        #expect(reserved?.attribute == "id")
        let farFuture = decode(head + [2, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0, 2])
        #expect(farFuture?.code == .invalidTimestamp)
        #expect(farFuture?.attribute == "time")
        #expect(farFuture?.byteOffset == 11)
        let trailing = decode(head + [0, 0, 2, 0])
        #expect(trailing?.message.hasPrefix("Avro: bytes after the event") == true)
        let missingID = decode([0, 4, 0x2F, 0x73, 2, 0x74, 0, 0, 0, 0, 0, 2])
        #expect(missingID?.violations.map(\.code) == [.emptyAttribute])
    }

    @Test("3,000 generated 1.0 events round-trip (times converted to the canonical text, compared exactly)")
    func generatedEvents() throws {
        let format = AvroCompactEventFormat(inexactTimestamps: .convertToUTCMicroseconds)
        for index in 0..<3000 {
            var event = try GeneratedEvents().event(index)
            guard event.specVersion == .v1_0 else { continue }
            if let time = event.time {
                event.time = try Timestamp(
                    utcMicroseconds: time.epochSeconds * 1_000_000 + Int64(time.nanosecond / 1000))
            }
            var expected = event
            if expected.data?.kind == .json, expected.dataContentType == nil {
                expected.dataContentType = "application/json"
            }
            let decoded = try format.decode(try format.encode(event)[...])
            #expect(decoded == expected, "event \(index)")
            if decoded != expected { return }
        }
    }
}

extension Timestamp {
    /// The canonical text of a count of UTC microseconds, computed here independently of the
    /// format: `Z`, with the fewest of 0, 3 or 6 fractional digits that hold it.
    init(utcMicroseconds count: Int64) throws {
        let seconds = count >= 0 ? count / 1_000_000 : (count - 999_999) / 1_000_000
        let micro = Int(count - seconds * 1_000_000)
        let digits = micro == 0 ? 0 : micro % 1000 == 0 ? 3 : 6
        try self.init(epochSeconds: seconds, nanosecond: micro * 1000, utcOffsetMinutes: 0, fractionalDigits: digits)
    }
}
