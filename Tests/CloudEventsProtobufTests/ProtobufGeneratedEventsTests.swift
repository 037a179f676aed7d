import CloudEvents
import CloudEventsProtobuf
import CoreTestSupport
import Testing

/// 3,000 generated events, every attribute type and data kind (a Protobuf message among them),
/// through the Protobuf format, one by one and as one batch.
@Suite("Protobuf format: 3,000 generated events round-trip")
struct ProtobufGeneratedEventsTests {
    static let generator = GeneratedEvents(
        extensionTypes: CloudEventAttributeType.allCases, instantTimes: true, protobufData: true)

    /// What the event is once decoded: JSON data without a content type states application/json.
    static func expected(_ event: CloudEvent) -> CloudEvent {
        var expected = event
        if expected.data?.kind == .json, expected.dataContentType == nil {
            expected.dataContentType = "application/json"
        }
        return expected
    }

    @Test("each comes back equal, alone and in one batch")
    func roundTrips() throws {
        let format = ProtobufEventFormat()
        let events = try (0..<3000).map { try Self.generator.event($0) }
        for (index, event) in events.enumerated() {
            let decoded = try format.decode(format.encode(event)[...])
            #expect(decoded == Self.expected(event), "event \(index)")
            if decoded != Self.expected(event) { return }
        }
        #expect(try format.decodeBatch(format.encodeBatch(events)[...]) == events.map(Self.expected))
    }

    @Test("with offsets and any fraction digits, .convertToUTC keeps every instant")
    func instants() throws {
        let format = ProtobufEventFormat(timestamps: .convertToUTC)
        let generator = GeneratedEvents(extensionTypes: [.timestamp, .string])
        for index in 0..<3000 {
            let event = try generator.event(index)
            let decoded = try format.decode(format.encode(event)[...])
            #expect(decoded.time.map { $0.isSameInstant(as: event.time!) } ?? (event.time == nil), "event \(index)")
            for (name, value) in event.extensions {
                guard case .timestamp(let time) = value else { continue }
                #expect(try decoded[extension: name]?.timestampValue().isSameInstant(as: time) == true)
            }
        }
    }
}
