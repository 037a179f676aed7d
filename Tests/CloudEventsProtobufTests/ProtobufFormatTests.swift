import CloudEvents
import CloudEventsProtobuf
import CoreTestSupport
import Foundation
import SwiftProtobuf
import Testing

@Suite("Protobuf event format: the schema's messages, typed attributes, exact data, errors with offsets")
struct ProtobufFormatTests {
    static let time = "2026-12-01T08:30:00.123456789Z"

    static func event() throws -> CloudEvent {
        var event = try FormatTestEvent.event(time: Self.time)
        event[extension: "site"] = .uri("https://example.com/a")
        event[extension: "ref"] = .uriReference("../b#c")
        event[extension: "due"] = .timestamp(try Timestamp(parsing: "2026-12-24T00:00:00.12Z"))
        event[extension: "note"] = .string("ü")
        return event
    }

    static func serialized(_ message: some SwiftProtobuf.Message) throws -> ArraySlice<UInt8> {
        ArraySlice(try message.serializedBytes() as [UInt8])
    }

    /// A length-delimited field.
    static func field(_ number: UInt8, _ bytes: [UInt8]) -> [UInt8] {
        [number << 3 | 2, UInt8(bytes.count)] + bytes
    }

    /// The required fields of an event: id `1`, source `/s`, spec_version `1.0`, type `t`.
    static let required: [UInt8] =
        field(1, Array("1".utf8)) + field(2, Array("/s".utf8)) + field(3, Array("1.0".utf8)) + field(4, [116])

    @Test("round trip: every attribute type in its own field, the time exact, JSON data byte for byte")
    func roundTrip() throws {
        let event = try Self.event()
        let format = ProtobufEventFormat()
        let decoded = try format.decode(try format.encode(event)[...])
        #expect(decoded.time?.description == Self.time)
        #expect(decoded[extension: "site"] == .uri("https://example.com/a"))
        #expect(decoded[extension: "ref"] == .uriReference("../b#c"))
        #expect(decoded[extension: "due"] == .timestamp(try Timestamp(parsing: "2026-12-24T00:00:00.12Z")))
        #expect(decoded[extension: "blob"] == .binary([0, 255]))
        #expect(decoded.data?.kind == .json)
        #expect(decoded == event)
    }

    @Test("the message is swift-protobuf's generated type: attributes in the spec's oneof, JSON data as text_data")
    func generatedMessage() throws {
        let message = try Io_Cloudevents_V1_CloudEvent(try Self.event())
        #expect(message.specVersion == "1.0")
        #expect(message.attributes["retrycount"]?.attr == .ceInteger(-3))
        #expect(message.attributes["site"]?.attr == .ceUri("https://example.com/a"))
        #expect(message.attributes["ref"]?.attr == .ceUriRef("../b#c"))
        #expect(message.attributes["dataschema"]?.attr == .ceUri("https://example.com/s.json"))
        #expect(message.attributes["time"]?.ceTimestamp.nanos == 123_456_789)
        #expect(message.textData == #"{"total":12.50,"big":12345678901234567890}"#)
        // Embedded in a message of the user's own, here a batch, it comes back out unchanged.
        var batch = Io_Cloudevents_V1_CloudEventBatch()
        batch.events = [message]
        let back = try Io_Cloudevents_V1_CloudEventBatch(serializedBytes: try batch.serializedBytes() as [UInt8])
        #expect(try CloudEvent(back.events[0]) == (try Self.event()))
    }

    @Test("the same event always has the same bytes (map entries in key order)")
    func deterministic() throws {
        let event = try Self.event()
        let first = try ProtobufEventFormat().encode(event)
        var reordered = CloudEvent(id: event.id, source: event.source, type: event.type)
        for (name, value) in event.attributes.reversed() where !["specversion", "id", "source", "type"].contains(name) {
            try reordered.setAttribute(name, to: value)
        }
        reordered.data = event.data
        #expect(try ProtobufEventFormat().encode(reordered) == first)
    }

    @Test(
        "times a google.protobuf.Timestamp cannot hold exactly are refused, naming the attribute; .convertToUTC sends the instant",
        arguments: [
            ("2024-05-20T14:23:18.120+08:00", "2024-05-20T06:23:18.12Z"),
            ("2024-05-20T14:23:18-00:00", "2024-05-20T14:23:18Z"),
            ("2024-05-20T14:23:18+00:00", "2024-05-20T14:23:18Z"),
            ("2024-05-20t14:23:18Z", "2024-05-20T14:23:18Z"),
            ("2024-05-20T14:23:18z", "2024-05-20T14:23:18Z"),
            ("2024-05-20T14:23:18.500Z", "2024-05-20T14:23:18.5Z"),
            ("2024-05-20T14:23:18.000000000Z", "2024-05-20T14:23:18Z"),
        ])
    func lossyTimes(written: String, arrives: String) throws {
        let time = try Timestamp(parsing: written)
        for asExtension in [false, true] {
            var event = CloudEvent(id: "1", source: "/s", type: "t")
            let name = asExtension ? "due" : "time"
            if asExtension { event[extension: name] = .timestamp(time) } else { event.time = time }
            let refused = try #require(thrownCloudEventError { try ProtobufEventFormat().encode(event) })
            #expect(refused.code == .conversionNotPossible)
            #expect(refused.attribute == name)
            #expect(refused.message.contains("would arrive as \(arrives)"), "\(refused.message)")
            let format = ProtobufEventFormat(timestamps: .convertToUTC)
            let decoded = try format.decode(format.encode(event)[...])
            let back = try #require(try decoded.attribute(name)?.timestampValue())
            #expect(back.rfc3339 == arrives)
            #expect(back.isSameInstant(as: time))
        }
    }

    @Test(
        "a time the message cannot hold at all (a leap second, before the year 1 in UTC) is refused even with .convertToUTC"
    )
    func impossibleTimes() throws {
        for text in ["2016-12-31T23:59:60Z", "0000-06-01T00:00:00Z", "9999-12-31T23:00:00-02:00"] {
            let event = CloudEvent(id: "1", source: "/s", type: "t", time: try Timestamp(parsing: text))
            for format in [ProtobufEventFormat(), ProtobufEventFormat(timestamps: .convertToUTC)] {
                let error = try #require(thrownCloudEventError { try format.encode(event) })
                #expect(error.code == .conversionNotPossible, "\(text)")
                #expect(error.attribute == "time")
            }
        }
    }

    @Test(
        "data: binary as binary_data, text and JSON as text_data; JSON without a content type states application/json")
    func dataKinds() throws {
        let format = ProtobufEventFormat()
        let binary = CloudEvent(id: "1", source: "/s", type: "t", data: .binary([0, 1, 2, 255]))
        #expect(try Io_Cloudevents_V1_CloudEvent(binary).binaryData == Data([0, 1, 2, 255]))
        #expect(try format.decode(format.encode(binary)[...]) == binary)
        let text = CloudEvent(id: "1", source: "/s", type: "t", dataContentType: "text/plain", data: .text("héllo"))
        #expect(try Io_Cloudevents_V1_CloudEvent(text).textData == "héllo")
        #expect(try format.decode(format.encode(text)[...]) == text)
        for (empty, contentType) in [(CloudEventData.binary([]), nil), (.text(""), "text/plain")] {
            let event = CloudEvent(id: "1", source: "/s", type: "t", dataContentType: contentType, data: empty)
            #expect(try format.decode(format.encode(event)[...]) == event)
        }
        let none = CloudEvent(id: "1", source: "/s", type: "t")
        #expect(try format.decode(format.encode(none)[...]) == none)
        let json = CloudEvent(id: "1", source: "/s", type: "t", data: .json("[1,2.50]"))
        let decoded = try format.decode(format.encode(json)[...])
        #expect(decoded.dataContentType == "application/json")
        #expect(decoded.data == json.data)
        let notJSON = CloudEvent(id: "1", source: "/s", type: "t", data: .json("[1,"))
        #expect(thrownCloudEventError { try format.encode(notJSON) }?.code == .invalidData)
        let notUTF8 = CloudEvent(id: "1", source: "/s", type: "t", data: .json(bytes: [0x22, 0xFF, 0x22]))
        #expect(thrownCloudEventError { try format.encode(notUTF8) }?.code == .invalidData)
    }

    @Test("proto_data is binary data typed application/protobuf whose dataschema is the Any's type URL, both ways")
    func protoData() throws {
        let format = ProtobufEventFormat()
        var inner = Google_Protobuf_Duration()
        inner.seconds = 5
        let typeURL = "https://type.googleapis.com/google.protobuf.Duration"
        var message = Io_Cloudevents_V1_CloudEvent()
        message.id = "1"
        message.source = "/s"
        message.specVersion = "1.0"
        message.type = "t"
        message.protoData = try Google_Protobuf_Any(message: inner, typePrefix: "https://type.googleapis.com")
        let event = try format.decode(Self.serialized(message))
        #expect(event.dataContentType == "application/protobuf")
        #expect(event.dataSchema == typeURL)
        #expect(event.data == .binary(try inner.serializedBytes() as [UInt8]))
        let again = try Io_Cloudevents_V1_CloudEvent(event)
        #expect(again.protoData.typeURL == typeURL)
        #expect(try Google_Protobuf_Duration(unpackingAny: again.protoData) == inner)
        #expect(try format.decode(format.encode(event)[...]) == event)

        // A type URL that is not an absolute URI cannot be a 1.0 dataschema: refused, not dropped.
        message.protoData = try Google_Protobuf_Any(message: inner)
        let schemeless = try #require(thrownCloudEventError { try format.decode(Self.serialized(message)) })
        #expect(schemeless.code == .conversionNotPossible)
        #expect(schemeless.attribute == "dataschema")
        // A dataschema that names another type than the Any.
        message.attributes["dataschema"] = try .init(.uri("https://example.com/other"), attribute: "dataschema")
        let differs = try #require(thrownCloudEventError { try format.decode(Self.serialized(message)) })
        #expect(differs.code == .conversionNotPossible)
        #expect(differs.message.contains("differs"))
        // A datacontenttype that does not say Protobuf.
        message.attributes["dataschema"] = nil
        message.protoData = try Google_Protobuf_Any(message: inner, typePrefix: "https://type.googleapis.com")
        message.attributes["datacontenttype"] = try .init(.string("text/plain"), attribute: "datacontenttype")
        let typed = try #require(thrownCloudEventError { try format.decode(Self.serialized(message)) })
        #expect(typed.attribute == "datacontenttype")
    }

    @Test("malformed input: typed errors with the byte offset")
    func malformed() throws {
        let format = ProtobufEventFormat()
        func failure(_ bytes: [UInt8]) throws -> CloudEventError {
            try #require(thrownCloudEventError { try format.decode(bytes[...]) })
        }
        let truncated = try failure(Self.required + [0x3A, 5, 0x61])
        #expect(truncated.code == .malformedInput)
        #expect(truncated.byteOffset == Self.required.count + 1)
        let unknown = try failure(Self.required + [0x48, 1])
        #expect(unknown.byteOffset == Self.required.count)
        #expect(unknown.message.contains("field 9"))
        let wireType = try failure(Self.required + [0x38, 1])
        #expect(wireType.message.contains("wire type"))
        let badUTF8 = try failure(Self.field(1, [0x61, 0xFF]) + Self.required.dropFirst(3))
        #expect(badUTF8.byteOffset == 3)
        let twice = try failure(Self.required + Self.field(6, [1]) + Self.field(7, [0x61]))
        #expect(twice.message.contains("oneof"))
        #expect(twice.byteOffset == Self.required.count + 3)
        let repeated = try failure(Self.required + Self.field(1, [0x32]))
        #expect(repeated.message.contains("more than once"))
        let value = Self.field(2, [0x08, 2])
        let entry = Self.field(1, Array("ok".utf8)) + value
        let boolean = try failure(Self.required + Self.field(5, entry))
        #expect(boolean.attribute == "ok")
        #expect(boolean.message.contains("Boolean"))
        let good = Self.field(1, Array("ok".utf8)) + Self.field(2, [0x08, 1])
        let duplicate = try failure(Self.required + Self.field(5, good) + Self.field(5, good))
        #expect(duplicate.attribute == "ok")
        #expect(duplicate.byteOffset == Self.required.count + good.count + 2)
        let noValue = try failure(Self.required + Self.field(5, Self.field(1, Array("ok".utf8)) + Self.field(2, [])))
        #expect(noValue.attribute == "ok")
        let inMap = Self.field(1, Array("id".utf8)) + Self.field(2, [0x1A, 1, 0x32])
        #expect(try failure(Self.required + Self.field(5, inMap)).attribute == "id")
        let textTime =
            Self.field(1, Array("time".utf8)) + Self.field(2, Self.field(3, Array("2024-05-20T14:23:18Z".utf8)))
        let timeAsText = try failure(Self.required + Self.field(5, textTime))
        #expect(timeAsText.attribute == "time")
        #expect(timeAsText.code == .attributeTypeMismatch)
        let noSource = try failure(Self.field(1, [0x31]) + Self.field(3, Array("1.0".utf8)) + Self.field(4, [116]))
        #expect(noSource.attribute == "source")
        #expect(noSource.violations.map(\.code) == [.missingAttribute])
        #expect(try format.decode(Self.required[...]).id == "1")
    }

    @Test("limits: document size, attributes per event, events per batch")
    func limits() throws {
        let entries = (0..<3).flatMap { index in
            Self.field(5, Self.field(1, Array("x\(index)".utf8)) + Self.field(2, [0x08, 1]))
        }
        let small = ProtobufEventFormat(
            limits: .init(maximumDocumentSize: 64, maximumAttributeCount: 2, maximumBatchSize: 1))
        #expect(thrownCloudEventError { try small.decode((Self.required + entries)[...]) }?.code == .limitExceeded)
        #expect(
            thrownCloudEventError { try small.decode([UInt8](repeating: 0, count: 65)[...]) }?.code == .limitExceeded)
        let batch = Self.field(1, Self.required) + Self.field(1, Self.required)
        #expect(thrownCloudEventError { try small.decodeBatch(batch[...]) }?.code == .limitExceeded)
        #expect(try ProtobufEventFormat().decodeBatch(batch[...]).count == 2)
    }

    @Test("batch: CloudEventBatch both ways; a failing event is named by its index")
    func batch() throws {
        let format = ProtobufEventFormat()
        let events = [try Self.event(), CloudEvent(id: "2", source: "/s", type: "t", data: .binary([1]))]
        #expect(try format.decodeBatch(format.encodeBatch(events)[...]) == events)
        #expect(try format.decodeBatch([][...]).isEmpty)
        let bad = Self.field(1, Self.required) + Self.field(1, Self.required + [0x48, 1])
        let error = try #require(thrownCloudEventError { try format.decodeBatch(bad[...]) })
        #expect(error.index == 1)
        #expect(error.byteOffset == Self.required.count * 2 + 4)
        var offset = CloudEvent(id: "1", source: "/s", type: "t")
        offset.time = try Timestamp(parsing: "2024-05-20T14:23:18+02:00")
        let refused = try #require(thrownCloudEventError { try format.encodeBatch([events[1], offset]) })
        #expect(refused.index == 1)
        #expect(refused.code == .conversionNotPossible)
    }

    @Test("0.3: schemaurl is a URI-reference, binary data needs no datacontentencoding")
    func version03() throws {
        let event = CloudEvent(
            specVersion: .v0_3, id: "1", source: "/s", type: "t", dataSchema: "../schema", data: .binary([1, 2]))
        let format = ProtobufEventFormat()
        let message = try Io_Cloudevents_V1_CloudEvent(event)
        #expect(message.attributes["schemaurl"]?.attr == .ceUriRef("../schema"))
        #expect(message.attributes["datacontentencoding"] == nil)
        #expect(try format.decode(format.encode(event)[...]) == event)
    }
}
