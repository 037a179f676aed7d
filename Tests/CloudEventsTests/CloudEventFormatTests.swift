import CloudEvents
import CoreTestSupport
import Testing

/// A format without a batch form, to check the protocol's defaults.
private struct SingleEventFormat: CloudEventFormat {
    var eventMediaType: String { "application/cloudevents+single" }
    func encode(_ event: CloudEvent) throws -> [UInt8] { try JSONEventFormat().encode(event) }
    func decode(_ bytes: ArraySlice<UInt8>) throws -> CloudEvent { try JSONEventFormat().decode(bytes) }
}

@Suite("Event formats through the CloudEventFormat protocol")
struct CloudEventFormatTests {
    static let event = CloudEvent(id: "1", source: "/s", type: "t", data: .json("[1]"))

    @Test("the JSON format's media types and batch work through the protocol")
    func jsonThroughProtocol() throws {
        let format: any CloudEventFormat = JSONEventFormat()
        #expect(format.eventMediaType == "application/cloudevents+json")
        #expect(format.eventBatchMediaType == "application/cloudevents-batch+json")
        let bytes = try format.encode(Self.event)
        #expect(try format.decode(bytes[...]) == Self.event)
        let batch = try format.encodeBatch([Self.event, Self.event])
        #expect(try format.decodeBatch(batch[...]) == [Self.event, Self.event])
    }

    @Test("a format without a batch form refuses batches with unsupportedFormat")
    func noBatchForm() throws {
        let format: any CloudEventFormat = SingleEventFormat()
        #expect(format.eventBatchMediaType == nil)
        #expect(try format.decode(try format.encode(Self.event)[...]) == Self.event)
        let encode = cloudEventError { try format.encodeBatch([Self.event]) }
        #expect(encode?.code == .unsupportedFormat)
        #expect(encode?.message == "the event format application/cloudevents+single has no batch form")
        #expect(cloudEventError { try format.decodeBatch([]) }?.code == .unsupportedFormat)
    }

    @Test("the content modes are named by their raw values")
    func contentModes() {
        #expect(CloudEventContentMode.allCases.map(\.description) == ["binary", "structured", "batch"])
        #expect(CloudEventContentMode(rawValue: "batch") == .batch)
    }
}
