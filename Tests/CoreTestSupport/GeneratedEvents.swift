public import CloudEvents

/// Deterministic events for the formats' round-trip tests: every attribute type a format asks
/// for, times with and without offsets, and every data kind. A failure names a reproducible
/// event (its index).
public struct GeneratedEvents: Sendable {
    /// The extension types to generate.
    public var extensionTypes: [CloudEventAttributeType]
    /// Whether times are written in UTC with `Z` and the fewest fraction digits (what a format
    /// that keeps only the instant gives back), rather than with any offset and digits.
    public var instantTimes: Bool
    /// Whether some events carry a Protobuf message as data (binary data, `application/protobuf`,
    /// the type URL as `dataschema`).
    public var protobufData: Bool

    /// Creates a generator. The defaults are what the Avro format holds.
    public init(
        extensionTypes: [CloudEventAttributeType] = [.boolean, .integer, .binary, .string], instantTimes: Bool = false,
        protobufData: Bool = false
    ) {
        self.extensionTypes = extensionTypes
        self.instantTimes = instantTimes
        self.protobufData = protobufData
    }

    /// A deterministic generator (a 64-bit LCG).
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func text() -> String {
            let pieces = ["a", "Z", "0", "-", "/", " ", "ü", "🌍", "%", "\"", "\\\\", "中"]
            return (0..<(1 + next(12))).map { _ in pieces[next(pieces.count)] }.joined()
        }
        mutating func time(instant: Bool) throws -> Timestamp {
            let seconds = Int64(next(2_000_000_000))
            let nanos = next(1_000_000_000)
            let offset = next(3) == 0 ? 0 : next(1439) - 719
            var digits = next(10)
            guard instant else {
                return try Timestamp(
                    epochNanoseconds: seconds * 1_000_000_000 + Int64(nanos), utcOffsetMinutes: offset,
                    fractionalDigits: digits)
            }
            var unit = 1
            for _ in digits..<9 { unit *= 10 }
            let kept = nanos / unit * unit
            digits = kept == 0 ? 0 : 9
            var rest = kept
            while digits > 0, rest % 10 == 0 {
                rest /= 10
                digits -= 1
            }
            return try Timestamp(epochSeconds: seconds, nanosecond: kept, fractionalDigits: digits)
        }
    }

    /// Event number `index`.
    public func event(_ index: Int) throws -> CloudEvent {
        var random = Random(state: UInt64(index) &* 2_654_435_761)
        var event = CloudEvent(
            specVersion: random.next(5) == 0 ? .v0_3 : .v1_0, id: "e-\(index)-" + random.text(),
            source: "/s/\(random.next(1000))", type: "com.example.t\(random.next(50))")
        if random.next(2) == 0 { event.subject = random.text() }
        if random.next(2) == 0 { event.time = try random.time(instant: instantTimes) }
        if random.next(3) == 0 { event.dataSchema = "https://example.com/schema/\(random.next(9))" }
        for slot in 0..<random.next(5) {
            let name = "ext\(slot)"
            switch extensionTypes[random.next(extensionTypes.count)] {
            case .boolean: event[extension: name] = .boolean(random.next(2) == 0)
            case .integer:
                event[extension: name] = .integer(
                    Int32(truncatingIfNeeded: random.next(Int(UInt32.max)) - Int(Int32.max)))
            case .binary: event[extension: name] = .binary((0..<random.next(20)).map { _ in UInt8(random.next(256)) })
            case .string: event[extension: name] = .string(random.text())
            case .uri: event[extension: name] = .uri("https://example.com/\(random.next(100))?q=\(random.next(9))")
            case .uriReference: event[extension: name] = .uriReference("../r/\(random.next(100))#f")
            case .timestamp: event[extension: name] = .timestamp(try random.time(instant: instantTimes))
            }
        }
        switch random.next(protobufData ? 6 : 5) {
        case 0: break
        case 1: event.data = .binary((0..<random.next(300)).map { _ in UInt8(random.next(256)) })
        case 2:
            event.dataContentType = "text/plain; charset=utf-8"
            event.data = .text(random.text())
        case 3:
            event.dataContentType = "application/json"
            event.data = .json(#"{"n":\#(random.next(100000)).5,"s":"\#(random.next(9))","big":12345678901234567890}"#)
        case 4:
            event.data = .json("[\(random.next(10)), 1.10, null, true]")  // no datacontenttype
        default:
            event.dataContentType = "application/protobuf"
            event.dataSchema = "https://type.googleapis.com/example.M\(random.next(9))"
            event.data = .binary((0..<random.next(50)).map { _ in UInt8(random.next(256)) })
        }
        return event
    }
}
