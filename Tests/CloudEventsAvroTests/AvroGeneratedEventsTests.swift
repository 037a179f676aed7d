import CloudEvents
import CloudEventsAvro
import CoreTestSupport
import Testing

/// 3,000 generated events, every attribute type and data kind, through the Avro format.
@Suite("Avro format: 3,000 generated events round-trip")
struct AvroGeneratedEventsTests {
    @Test("each comes back equal (JSON data without a content type states application/json)")
    func roundTrips() throws {
        let format = AvroEventFormat()
        let events = GeneratedEvents()
        for index in 0..<3000 {
            let event = try events.event(index)
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
