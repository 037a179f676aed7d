import CloudEvents
import CloudEventsAvro
import CoreTestSupport
import Testing

@Suite("Avro event format: the schema's binary encoding, typed attributes, exact data, errors")
struct AvroFormatTests {
    static let time = "2026-12-01T08:30:00.123456789+08:00"

    static func event() throws -> CloudEvent {
        try FormatTestEvent.event(time: Self.time)
    }

    /// With URI and Timestamp extensions, which the schema can hold only as strings.
    static func eventWithTextTypedExtensions() throws -> CloudEvent {
        var event = try event()
        event[extension: "site"] = .uri("https://example.com/a")
        event[extension: "due"] = .timestamp(try Timestamp(parsing: "2026-12-24T00:00:00.120Z"))
        return event
    }

    @Test("round trip: Boolean, Integer and Binary extensions typed, the time exact, JSON data byte for byte")
    func roundTrip() throws {
        let event = try Self.event()
        let decoded = try AvroEventFormat().decode(try AvroEventFormat().encode(event)[...])
        #expect(decoded.id == "ïd-1")
        #expect(decoded.subject == "Grüße 🌍")
        #expect(decoded.time?.description == Self.time)
        #expect(decoded.dataSchema == "https://example.com/s.json")
        #expect(decoded[extension: "retrycount"] == .integer(-3))
        #expect(decoded[extension: "flag"] == .boolean(true))
        #expect(decoded[extension: "blob"] == .binary([0, 255]))
        #expect(decoded.data == event.data)
        #expect(decoded.data?.kind == .json)
        #expect(decoded == event)
    }

    @Test(
        "URI, URI-reference and Timestamp extensions would arrive as Strings: refused by default, written as text when asked"
    )
    func textTypedExtensions() throws {
        let event = try Self.eventWithTextTypedExtensions()
        let error = try #require(thrownCloudEventError { try AvroEventFormat().encode(event) })
        #expect(error.code == .conversionNotPossible)
        #expect(error.attribute == "site")
        #expect(error.message.contains("extension site is a URI"), "\(error.message)")
        let format = AvroEventFormat(textTypedExtensions: .writeAsString)
        let decoded = try format.decode(format.encode(event)[...])
        #expect(decoded[extension: "site"] == .string("https://example.com/a"))
        #expect(try decoded[extension: "due"]?.timestampValue().description == "2026-12-24T00:00:00.120Z")
    }

    @Test(
        "data of every kind travels as bytes: binary, text, empty; JSON without a content type states application/json")
    func dataKinds() throws {
        let format = AvroEventFormat()
        let binary = CloudEvent(id: "1", source: "/s", type: "t", data: .binary([0, 1, 2, 255]))
        #expect(try format.decode(format.encode(binary)[...]) == binary)
        let text = CloudEvent(id: "1", source: "/s", type: "t", dataContentType: "text/plain", data: .text("héllo"))
        #expect(try format.decode(format.encode(text)[...]) == text)
        let empty = CloudEvent(id: "1", source: "/s", type: "t", data: .binary([]))
        #expect(try format.decode(format.encode(empty)[...]) == empty)
        let none = CloudEvent(id: "1", source: "/s", type: "t")
        #expect(try format.decode(format.encode(none)[...]) == none)
        let json = CloudEvent(id: "1", source: "/s", type: "t", data: .json("[1,2.50]"))
        let decoded = try format.decode(format.encode(json)[...])
        #expect(decoded.dataContentType == "application/json")
        #expect(decoded.data == json.data)
    }

    @Test("the exact bytes of a minimal event: attribute map of one block, string branch 3, bytes branch 0")
    func exactBytes() throws {
        let event = CloudEvent(id: "1", source: "/s", type: "t", data: .binary([7]))
        let bytes = try AvroEventFormat().encode(event)
        var expected: [UInt8] = [8]  // 4 entries, zig-zag
        for (name, value) in [("specversion", "1.0"), ("id", "1"), ("source", "/s"), ("type", "t")] {
            expected +=
                [UInt8(name.utf8.count * 2)] + Array(name.utf8) + [6] + [UInt8(value.utf8.count * 2)]
                + Array(value.utf8)
        }
        expected += [0, 0, 2, 7]  // end of map; data: branch 0 (bytes), length 1, the byte
        #expect(bytes == expected)
    }

    @Test("0.3 events: schemaurl, binary data as bytes without datacontentencoding")
    func version03() throws {
        let event = CloudEvent(
            specVersion: .v0_3, id: "2", source: "/s", type: "t", dataContentType: "application/octet-stream",
            dataSchema: "/schema", data: .binary([1, 2, 3]))
        let bytes = try AvroEventFormat().encode(event)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("datacontentencoding"))
        #expect(try AvroEventFormat().decode(bytes[...]) == event)
    }

    @Test("the format's media type, no batch")
    func mediaType() throws {
        #expect(AvroEventFormat().eventMediaType == "application/cloudevents+avro")
        #expect(AvroEventFormat().eventBatchMediaType == nil)
        let error = thrownCloudEventError { try AvroEventFormat().encodeBatch([CloudEvent(source: "/s", type: "t")]) }
        #expect(error?.code == .unsupportedFormat)
    }

    @Test(
        "malformed input is refused with the byte offset",
        arguments: [
            ([UInt8]([8, 0x96]), 1, "the input ends inside a number"),
            ([2, 2, 0x61, 9], 3, "union branch -5 of attribute a, which has 5"),
            ([2, 2, 0x61, 6, 4, 0xC3, 0x28, 0, 2], 4, "a string that is not UTF-8"),
            ([0, 14], 1, "union branch 7 of data, which has 7"),
            ([0, 2, 0], 2, "bytes after the event"),
            ([0, 0, 20, 1], 2, "a length of 10 bytes runs past the end of the input"),
            ([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F], 0, "a number longer than 64 bits"),
        ])
    func malformed(bytes: [UInt8], offset: Int, message: String) throws {
        let error = try #require(thrownCloudEventError { try AvroEventFormat().decode(bytes[...]) })
        #expect(error.code == .malformedInput)
        #expect(error.byteOffset == offset)
        #expect(error.message.hasPrefix("Avro: " + message), "\(error.message)")
    }

    /// An attribute map with the given entries (name, branch, value bytes) and a null data.
    static func message(_ entries: [(String, UInt8, [UInt8])]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(entries.count * 2)]
        for (name, branch, value) in entries {
            bytes += [UInt8(name.utf8.count * 2)] + Array(name.utf8) + [branch] + value
        }
        return bytes + (entries.isEmpty ? [] : [0]) + [2]  // a non-empty map ends with an empty block; null data
    }

    static func string(_ text: String) -> [UInt8] { [UInt8(text.utf8.count * 2)] + Array(text.utf8) }

    @Test("attributes of the wrong Avro type, duplicates, missing required ones and null are reported by name")
    func attributeErrors() throws {
        let required: [(String, UInt8, [UInt8])] = [
            ("specversion", 6, Self.string("1.0")), ("source", 6, Self.string("/s")), ("type", 6, Self.string("t")),
        ]
        let idAsInt = Self.message(required + [("id", 4, [2])])
        let typeError = try #require(thrownCloudEventError { try AvroEventFormat().decode(idAsInt[...]) })
        #expect(typeError.code == .attributeTypeMismatch)
        #expect(typeError.attribute == "id")

        let duplicated = Self.message(required + [("id", 6, Self.string("1")), ("id", 6, Self.string("2"))])
        #expect(
            thrownCloudEventError { try AvroEventFormat().decode(duplicated[...]) }?.message
                == "Avro: attribute id appears more than once")

        let missing = Self.message(required + [("id", 0, [])])  // null is absent
        let missingError = try #require(thrownCloudEventError { try AvroEventFormat().decode(missing[...]) })
        #expect(missingError.code == .invalidEvent)
        #expect(missingError.attribute == "id")
        #expect(missingError.violations.map(\.code) == [.missingAttribute])

        let badTime = Self.message(required + [("id", 6, Self.string("1")), ("time", 6, Self.string("yesterday"))])
        #expect(thrownCloudEventError { try AvroEventFormat().decode(badTime[...]) }?.attribute == "time")

        let unknownVersion = Self.message([("specversion", 6, Self.string("2.0"))])
        #expect(
            thrownCloudEventError { try AvroEventFormat().decode(unknownVersion[...]) }?.code == .unknownSpecVersion)
    }

    @Test("a context attribute in another Avro type is refused, never read as its text")
    func contextAttributeTypes() throws {
        let base: [(String, UInt8, [UInt8])] = [
            ("specversion", 6, Self.string("1.0")), ("id", 6, Self.string("1")), ("source", 6, Self.string("/s")),
            ("type", 6, Self.string("t")),
        ]
        for (name, branch, value): (String, UInt8, [UInt8]) in [
            ("subject", 4, [10]), ("datacontenttype", 2, [1]), ("time", 8, [2, 0x41]), ("dataschema", 4, [2]),
        ] {
            let bytes = Self.message(base + [(name, branch, value)])
            let error = try #require(thrownCloudEventError { try AvroEventFormat().decode(bytes[...]) })
            #expect(error.code == .attributeTypeMismatch, "\(name)")
            #expect(error.attribute == name)
            #expect(error.message.hasPrefix("Avro: attribute \(name) must be an Avro string, not "), "\(error.message)")
        }
    }

    @Test("a bad time names the attribute and the byte of the input where the text goes wrong")
    func badTimeOffset() throws {
        let bytes = Self.message([
            ("specversion", 6, Self.string("1.0")), ("id", 6, Self.string("1")), ("source", 6, Self.string("/s")),
            ("type", 6, Self.string("t")), ("time", 6, Self.string("2026-13-01T00:00:00Z")),
        ])
        let error = try #require(thrownCloudEventError { try AvroEventFormat().decode(bytes[...]) })
        #expect(error.attribute == "time")
        let textStart = try #require(bytes.firstIndex(of: UInt8(ascii: "2")))
        #expect(error.byteOffset == textStart + 5, "the month, at byte \(textStart + 5) of the input")
    }

    @Test("1.0 extensions named like 0.3's attributes travel as extensions; 0.3's own stay attributes")
    func otherVersionNames() throws {
        var event = CloudEvent(id: "1", source: "/s", type: "t", data: .binary([1]))
        event[extension: "datacontentencoding"] = .string("gzip")
        event[extension: "schemaurl"] = .string("/old")
        let decoded = try AvroEventFormat().decode(try AvroEventFormat().encode(event)[...])
        #expect(decoded == event)
        #expect(decoded.extensionNames == ["datacontentencoding", "schemaurl"])
        var old = CloudEvent(
            specVersion: .v0_3, id: "1", source: "/s", type: "t", dataContentType: "text/plain", data: .text("x"))
        old[extension: "dataschema"] = .string("/new")
        #expect(try AvroEventFormat().decode(try AvroEventFormat().encode(old)[...]) == old)
    }

    @Test("limits: document size, attribute count, data nesting")
    func limits() throws {
        let event = try Self.event()
        let bytes = try AvroEventFormat().encode(event)
        let small = AvroEventFormat(limits: .init(maximumDocumentSize: bytes.count - 1))
        #expect(thrownCloudEventError { try small.decode(bytes[...]) }?.code == .limitExceeded)
        let few = AvroEventFormat(limits: .init(maximumAttributeCount: 4))
        #expect(thrownCloudEventError { try few.decode(bytes[...]) }?.code == .limitExceeded)
        // data: branch 4 (an array of records), each record's one member an array of records
        // (branch 3): 200 levels deep.
        var deep = Self.message([]).dropLast()  // the attribute map, without the data
        deep += [8]
        for _ in 0..<100 { deep += [2, 2, 2, 0x61, 6] }
        let error = try #require(thrownCloudEventError { try AvroEventFormat().decode(Array(deep)[...]) })
        #expect(error.code == .limitExceeded)
        #expect(error.attribute == "data")
    }
}
