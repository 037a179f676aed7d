import CloudEvents
import CloudEventsFoundation
import Foundation
import Testing

@Suite("Foundation conveniences: Date, Data, URL and Decodable data")
struct FoundationConveniencesTests {
    struct Order: Codable, Equatable {
        var id: String
        var total: Double
    }

    @Test("Timestamp to Date is lossy as documented: offset dropped, precision about a microsecond")
    func timestampToDate() throws {
        let timestamp = try Timestamp(parsing: "2024-05-20T14:23:18.123456789+08:00")
        let date = timestamp.date
        #expect(abs(date.timeIntervalSince1970 - 1_716_186_198.123457) < 0.000_002)
        let back = try Timestamp(date, fractionalDigits: 6)
        #expect(back.rfc3339 == "2024-05-20T06:23:18.123457Z")
        #expect(try Timestamp(date, utcOffsetMinutes: 480, fractionalDigits: 3).rfc3339 == "2024-05-20T14:23:18.123+08:00")
    }

    @Test("Data in and out")
    func dataConversion() {
        let data = CloudEventData.binary(Data([1, 2, 3]))
        #expect(data.kind == .binary)
        #expect(data.foundationData == Data([1, 2, 3]))
    }

    @Test("Decodable data decodes only when asked, and fails clearly")
    func decodable() throws {
        let event = CloudEvent(
            source: "/s", type: "t", dataContentType: "application/json", data: try .json(encoding: Order(id: "1", total: 1.5)))
        #expect(try event.decodeData(as: Order.self) == Order(id: "1", total: 1.5))
        let text = CloudEvent(source: "/s", type: "t", dataContentType: "text/plain", data: .text("hi"))
        #expect(throws: CloudEventError.self) { try text.decodeData(as: Order.self) }
        let wrong = CloudEvent(source: "/s", type: "t", data: .json(#"{"id":1}"#))
        #expect(throws: CloudEventError.self) { try wrong.decodeData(as: Order.self) }
        #expect(throws: CloudEventError.self) { try CloudEvent(source: "/s", type: "t").decodeData(as: Order.self) }
    }

    @Test("URLs for source and dataschema")
    func urls() {
        let event = CloudEvent(source: "https://example.com/x", type: "t", dataSchema: "https://example.com/s")
        #expect(event.sourceURL?.host == "example.com")
        #expect(event.dataSchemaURL?.path == "/s")
    }
}
