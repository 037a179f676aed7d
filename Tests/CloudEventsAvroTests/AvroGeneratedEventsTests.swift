import CloudEvents
import CloudEventsAvro
import Testing

/// 3,000 generated events, every attribute type and data kind, through the Avro format.
@Suite("Avro format: 3,000 generated events round-trip")
struct AvroGeneratedEventsTests {
    /// A deterministic generator (a 64-bit LCG), so a failure names a reproducible event.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func text() -> String {
            let pieces = ["a", "Z", "0", "-", "/", " ", "ü", "🌍", "%", "\"", "\\\\", "中"]
            return (0..<(1 + next(12))).map { _ in pieces[next(pieces.count)] }.joined()
        }
    }

    static func event(_ index: Int) throws -> CloudEvent {
        var random = Generator(state: UInt64(index) &* 2_654_435_761)
        var event = CloudEvent(
            specVersion: random.next(5) == 0 ? .v0_3 : .v1_0, id: "e-\(index)-" + random.text(),
            source: "/s/\(random.next(1000))", type: "com.example.t\(random.next(50))")
        if random.next(2) == 0 { event.subject = random.text() }
        if random.next(2) == 0 {
            event.time = try Timestamp(
                epochNanoseconds: Int64(random.next(2_000_000_000)) * 1_000_000_000 + Int64(random.next(1_000_000_000)),
                utcOffsetMinutes: random.next(3) == 0 ? 0 : random.next(1439) - 719, fractionalDigits: random.next(10))
        }
        if random.next(3) == 0 { event.dataSchema = "https://example.com/schema/\(random.next(9))" }
        for slot in 0..<random.next(5) {
            let name = "ext\(slot)"
            switch random.next(4) {
            case 0: event[extension: name] = .boolean(random.next(2) == 0)
            case 1:
                event[extension: name] = .integer(
                    Int32(truncatingIfNeeded: random.next(Int(UInt32.max)) - Int(Int32.max)))
            case 2: event[extension: name] = .binary((0..<random.next(20)).map { _ in UInt8(random.next(256)) })
            default: event[extension: name] = .string(random.text())
            }
        }
        switch random.next(5) {
        case 0: break
        case 1: event.data = .binary((0..<random.next(300)).map { _ in UInt8(random.next(256)) })
        case 2:
            event.dataContentType = "text/plain; charset=utf-8"
            event.data = .text(random.text())
        case 3:
            event.dataContentType = "application/json"
            event.data = .json(#"{"n":\#(random.next(100000)).5,"s":"\#(random.next(9))","big":12345678901234567890}"#)
        default:
            event.data = .json("[\(random.next(10)), 1.10, null, true]")  // no datacontenttype
        }
        return event
    }

    @Test("each comes back equal (JSON data without a content type states application/json)")
    func roundTrips() throws {
        let format = AvroEventFormat()
        for index in 0..<3000 {
            let event = try Self.event(index)
            let decoded = try format.decode(format.encode(event)[...])
            var expected = event
            if expected.data?.kind == .json, expected.dataContentType == nil {
                expected.dataContentType = "application/json"
            }
            #expect(decoded == expected, "event \(index)")
            if decoded != expected { return }
        }
    }
}
