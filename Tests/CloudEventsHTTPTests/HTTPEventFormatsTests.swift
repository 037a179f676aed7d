import CloudEvents
import CloudEventsHTTP
import CoreTestSupport
import HTTPTypes
import Testing

/// A second event format for the tests: the JSON format's bytes under another media type.
struct TestEventFormat: CloudEventFormat {
    var eventMediaType: String { "application/cloudevents+test" }
    func encode(_ event: CloudEvent) throws -> [UInt8] { try JSONEventFormat().encode(event) }
    func decode(_ bytes: ArraySlice<UInt8>) throws -> CloudEvent { try JSONEventFormat().decode(bytes) }
}

@Suite("HTTP binding: a list of event formats, picked by Content-Type")
struct HTTPEventFormatsTests {
    static let event = CloudEvent(id: "1", source: "/s", type: "t", data: .json(#"{"x":1}"#))

    @Test("a configured second format decodes structured mode; JSON still works beside it")
    func secondFormat() throws {
        let decoder = HTTPEventDecoder(formats: [JSONEventFormat(), TestEventFormat()])
        let body = try JSONEventFormat().encode(Self.event)
        for contentType in ["application/cloudevents+test", "Application/CloudEvents+Test; charset=utf-8"] {
            let fields: HTTPFields = [.contentType: contentType]
            #expect(try decoder.mode(of: fields) == .structured)
            #expect(try decoder.decode(headerFields: fields, body: body) == .event(Self.event, .structured))
        }
        let json: HTTPFields = [.contentType: "application/cloudevents+json"]
        #expect(try decoder.decodeEvent(headerFields: json, body: body) == Self.event)
        let batch: HTTPFields = [.contentType: "application/cloudevents-batch+json"]
        #expect(try decoder.decodeEvents(headerFields: batch, body: Array("[]".utf8)) == [])
    }

    @Test("a CloudEvents format no configured format has is unsupportedFormat (415), listing the supported types")
    func unknownFormat() throws {
        let fields: HTTPFields = [.contentType: "application/cloudevents+test"]
        let byDefault = cloudEventError { try HTTPEventDecoder().decode(headerFields: fields, body: []) }
        #expect(byDefault?.code == .unsupportedFormat)
        #expect(
            byDefault?.message
                == "Content-Type application/cloudevents+test names a CloudEvents format this receiver does not support;"
                + " supported: application/cloudevents+json, application/cloudevents-batch+json")
        #expect(cloudEventError { try HTTPEventDecoder.mode(of: fields) }?.code == .unsupportedFormat)

        let testOnly = HTTPEventDecoder(formats: [TestEventFormat()])
        let json = cloudEventError { try testOnly.mode(of: [.contentType: "application/cloudevents+json"]) }
        #expect(json?.code == .unsupportedFormat)
        #expect(json?.message.hasSuffix("supported: application/cloudevents+test") == true)
        // The format has no batch form: its batch type is not recognised either.
        #expect(
            cloudEventError { try testOnly.mode(of: [.contentType: "application/cloudevents-batch+test"]) }?.code
                == .unsupportedFormat)
    }

    @Test("the encoder writes structured mode in its format, with the format's media type")
    func encoderFormat() throws {
        let encoder = HTTPEventEncoder(mode: .structured, format: TestEventFormat())
        let message = try encoder.encode(Self.event)
        #expect(message.headerFields[.contentType] == "application/cloudevents+test")
        #expect(message.body == (try JSONEventFormat().encode(Self.event)))
        let batch = cloudEventError { try encoder.encodeBatch([Self.event]) }
        #expect(batch?.code == .unsupportedFormat)
        // The JSON format keeps its exact Content-Type values.
        #expect(
            try HTTPEventEncoder(mode: .structured).encode(Self.event).headerFields[.contentType]
                == "application/cloudevents+json; charset=utf-8")
        #expect(
            try HTTPEventEncoder(mode: .batch).encode(Self.event).headerFields[.contentType]
                == "application/cloudevents-batch+json; charset=utf-8")
    }

    @Test("format reads and sets the JSON format among the formats")
    func jsonFormatAccess() {
        var decoder = HTTPEventDecoder(formats: [TestEventFormat()])
        #expect(decoder.format.limits == JSONEventFormat.Limits())
        decoder.format.limits.maximumDepth = 3
        #expect(decoder.formats.count == 2)
        #expect(decoder.format.limits.maximumDepth == 3)
        decoder.format.limits.maximumDepth = 4
        #expect(decoder.formats.count == 2)
        #expect(
            HTTPEventDecoder(format: JSONEventFormat(limits: .init(maximumDepth: 5))).format.limits.maximumDepth == 5)
    }

    @Test("the JSON format's depth limit bounds JSON data in binary mode")
    func binaryModeDepth() {
        var decoder = HTTPEventDecoder()
        decoder.format.limits.maximumDepth = 2
        let fields: HTTPFields = [
            .ceSpecVersion: "1.0", .ceID: "1", .ceSource: "/s", .ceType: "t", .contentType: "application/json",
        ]
        #expect(
            cloudEventError { try decoder.decode(headerFields: fields, body: Array("[[[1]]]".utf8)) }?.code
                == .limitExceeded)
    }
}
