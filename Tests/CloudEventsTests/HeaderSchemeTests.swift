import CloudEvents
import CoreTestSupport
import Testing

/// The binary-mode header mechanism on its own, as Kafka (`ce_`, raw UTF-8, `content-type`),
/// HTTP and NATS (`ce-`, percent-encoded) bindings use it.
@Suite("Binary mode over named headers: schemes, round trips, duplicates, limits, 0.3")
struct HeaderSchemeTests {
    typealias Header = (name: String, value: [UInt8])

    static let time: Timestamp = {
        do { return try Timestamp(parsing: "2024-05-06T07:08:09.5Z") } catch { preconditionFailure("\(error)") }
    }()

    /// An event with every attribute, text outside ASCII and each kind of extension value.
    static let event = CloudEvent(
        id: "id-ü", source: "/sensors/Z%C3%BCrich", type: "com.example.测试", subject: "héllo wörld \"quoted\" 100%",
        time: time, dataContentType: "application/json", dataSchema: "https://example.com/schema",
        data: .json(#"{"a":[1,2,{"b":"✓"}]}"#),
        extensions: ["comexampletext": .string("grüße ✓"), "count": .integer(42), "flag": .boolean(true)])

    static func encode(_ event: CloudEvent, _ scheme: CloudEventHeaderScheme) throws -> [Header] {
        let encoding = try CloudEventHeaderEncoding(event, scheme: scheme)
        return encoding.headers.map { (encoding.name(of: $0), Array(encoding.value(of: $0))) }
    }

    static func decode(
        _ headers: [Header], body: [UInt8] = [], _ scheme: CloudEventHeaderScheme,
        limits: CloudEventHeaderDecoder.Limits = .init()
    ) throws -> CloudEvent {
        var decoder = CloudEventHeaderDecoder(scheme: scheme, limits: limits)
        for header in headers { try decoder.read(name: header.name, value: header.value) }
        return try decoder.finish(body: body[...])
    }

    static func text(_ pairs: [(String, String)]) -> [Header] {
        pairs.map { ($0.0, Array($0.1.utf8)) }
    }

    /// The event as binary mode delivers it: every extension as its canonical string.
    static func expectRoundTrip(_ decoded: CloudEvent, _ original: CloudEvent) {
        #expect(decoded.id == original.id)
        #expect(decoded.source == original.source)
        #expect(decoded.type == original.type)
        #expect(decoded.subject == original.subject)
        #expect(decoded.time == original.time)
        #expect(decoded.dataContentType == original.dataContentType)
        #expect(decoded.dataSchema == original.dataSchema)
        #expect(decoded.data == original.data)
        #expect(decoded[extension: "comexampletext"] == .string("grüße ✓"))
        #expect(decoded[extension: "count"] == .string("42"))
        #expect(decoded[extension: "flag"] == .string("true"))
    }

    @Test("Kafka: ce_ headers with raw UTF-8 values and content-type round-trip text outside ASCII")
    func kafkaRoundTrip() throws {
        let headers = try Self.encode(Self.event, .kafka)
        #expect(
            headers.map(\.name) == [
                "ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time", "ce_dataschema",
                "ce_comexampletext", "ce_count", "ce_flag", "content-type",
            ])
        #expect(headers.first { $0.name == "ce_subject" }?.value == Array("héllo wörld \"quoted\" 100%".utf8))
        #expect(headers.first { $0.name == "content-type" }?.value == Array("application/json".utf8))
        let body = Array(Self.event.data?.bytes ?? [])
        Self.expectRoundTrip(try Self.decode(headers, body: body, .kafka), Self.event)
    }

    @Test("HTTP: ce- headers percent-encoded, datacontenttype in Content-Type, round trip")
    func httpRoundTrip() throws {
        let headers = try Self.encode(Self.event, .http)
        #expect(
            headers.first { $0.name == "ce-subject" }?.value
                == Array("h%C3%A9llo%20w%C3%B6rld%20%22quoted%22%20100%25".utf8))
        #expect(headers.last?.name == "Content-Type")
        // Names as HTTP delivers them: lower-case; Content-Type is matched ignoring case.
        let lowered = headers.map { ($0.name.lowercased(), $0.value) }
        Self.expectRoundTrip(try Self.decode(lowered, body: Array(Self.event.data?.bytes ?? []), .http), Self.event)
    }

    @Test("NATS: datacontenttype travels as ce-datacontenttype, percent-encoded")
    func natsRoundTrip() throws {
        let event = CloudEvent(
            id: "1", source: "/s", type: "t", dataContentType: "text/plain; charset=utf-8", data: .text("hé"))
        let headers = try Self.encode(event, .nats)
        #expect(headers.last?.name == "ce-datacontenttype")
        #expect(headers.last?.value == Array("text/plain;%20charset=utf-8".utf8))
        let decoded = try Self.decode(headers, body: Array("hé".utf8), .nats)
        #expect(decoded.dataContentType == "text/plain; charset=utf-8")
        #expect(decoded.data == .text("hé"))
    }

    @Test("a header that is not the event's is ignored")
    func otherHeadersIgnored() throws {
        var decoder = CloudEventHeaderDecoder(scheme: .kafka)
        #expect(try decoder.read(name: "traceparent", value: "00-abc") == false)
        #expect(try decoder.read(name: "ce-id", value: "not kafka's prefix") == false)
        #expect(try decoder.read(name: "ce_", value: "no attribute name") == false)
        for (name, value) in [("ce_specversion", "1.0"), ("ce_id", "1"), ("ce_source", "/s"), ("ce_type", "t")] {
            #expect(try decoder.read(name: name, value: value) == true)
        }
        #expect(try decoder.finish(body: []).id == "1")
    }

    @Test(
        "a repeated header is an error naming it with the binding's prefix",
        arguments: [
            ("ce_id", "header ce_id appears more than once"),
            ("ce_comexample", "header ce_comexample appears more than once"),
            ("content-type", "content-type appears more than once"),
        ])
    func duplicates(name: String, message: String) {
        let headers = Self.text([
            ("ce_specversion", "1.0"), ("ce_id", "1"), ("ce_source", "/s"), ("ce_type", "t"), ("ce_comexample", "x"),
            ("content-type", "text/plain"), (name, "again"),
        ])
        let error = cloudEventError { try Self.decode(headers, .kafka) }
        #expect(error?.code == .malformedInput)
        #expect(error?.message == message)
    }

    @Test("the number of attribute headers and their total value bytes are bounded")
    func limits() {
        let headers = Self.text([("ce_specversion", "1.0"), ("ce_id", "1"), ("ce_source", "/s"), ("ce_type", "t")])
        let count = cloudEventError {
            try Self.decode(headers, .kafka, limits: .init(maximumHeaderCount: 3))
        }
        #expect(count?.code == .limitExceeded)
        #expect(count?.attribute == "type")
        #expect(count?.message == "header ce_type is attribute header 4, over the limit of 3")
        let bytes = cloudEventError {
            try Self.decode(headers, .kafka, limits: .init(maximumValueBytes: 6))
        }
        #expect(bytes?.code == .limitExceeded)
        #expect(bytes?.message == "header ce_type brings the attribute header values to 7 bytes, over the limit of 6")
    }

    @Test("values that do not decode are errors naming the attribute, with the byte offset")
    func malformedValues() {
        let base: [Header] = Self.text([
            ("ce_specversion", "1.0"), ("ce_id", "1"), ("ce_source", "/s"), ("ce_type", "t"),
        ])
        let utf8 = cloudEventError { try Self.decode(base + [("ce_subject", [0x61, 0xFF])], .kafka) }
        #expect(utf8?.code == .malformedInput)
        #expect(utf8?.attribute == "subject")
        #expect(utf8?.byteOffset == 1)
        #expect(utf8?.message.hasPrefix("header ce_subject is not valid UTF-8") == true)
        let percent = cloudEventError {
            try Self.decode(Self.text([("ce-specversion", "1.0"), ("ce-subject", "ab%zz")]), .nats)
        }
        #expect(percent?.attribute == "subject")
        #expect(percent?.byteOffset == 2)
        #expect(percent?.message.hasPrefix("header ce-subject is not validly percent-encoded") == true)
    }

    @Test("datacontenttype as an attribute header is refused where the binding has a content type header")
    func contentTypeHeaderOnly() {
        let headers = Self.text([("ce_specversion", "1.0"), ("ce_datacontenttype", "text/plain")])
        let error = cloudEventError { try Self.decode(headers, .kafka) }
        #expect(error?.attribute == "datacontenttype")
        #expect(
            error?.message
                == "binary mode carries datacontenttype in content-type; a header ce_datacontenttype must not be present"
        )
    }

    @Test("missing specversion and missing required attributes")
    func missing() {
        let noVersion = cloudEventError { try Self.decode(Self.text([("ce_id", "1")]), .kafka) }
        #expect(noVersion?.code == .missingAttribute)
        #expect(noVersion?.message == "ce_specversion is required")
        let noType = cloudEventError {
            try Self.decode(Self.text([("ce_specversion", "1.0"), ("ce_id", "1"), ("ce_source", "/s")]), .kafka)
        }
        let attributes = [noType?.attribute] + (noType?.violations.map(\.attribute) ?? [])
        #expect(attributes.contains("type"))
    }

    @Test("0.3: schemaurl is the data schema, dataschema an extension, datacontentencoding decodes the body")
    func specVersion03() throws {
        let headers = Self.text([
            ("ce_specversion", "0.3"), ("ce_id", "1"), ("ce_source", "/s"), ("ce_type", "t"),
            ("ce_schemaurl", "https://example.com/s"), ("ce_dataschema", "https://example.com/d"),
            ("ce_datacontentencoding", "base64"), ("content-type", "application/octet-stream"),
        ])
        let event = try Self.decode(headers, body: Array("AAEC".utf8), .kafka)
        #expect(event.specVersion == .v0_3)
        #expect(event.dataSchema == "https://example.com/s")
        #expect(event[extension: "dataschema"] == .string("https://example.com/d"))
        #expect(event.data == .binary([0, 1, 2]))
        // The same headers in 1.0: dataschema is the data schema, the others are extensions.
        var v1 = headers
        v1[0] = ("ce_specversion", Array("1.0".utf8))
        let event1 = try Self.decode(v1, body: Array("AAEC".utf8), .kafka)
        #expect(event1.dataSchema == "https://example.com/d")
        #expect(event1[extension: "schemaurl"] == .string("https://example.com/s"))
        #expect(event1[extension: "datacontentencoding"] == .string("base64"))
        #expect(event1.data == .binary(Array("AAEC".utf8)))
        // Encoding a 0.3 event writes its data schema as schemaurl, and dataschema is its extension.
        let encoded = try Self.encode(event, .kafka)
        #expect(encoded.first { $0.name == "ce_schemaurl" }?.value == Array("https://example.com/s".utf8))
        #expect(encoded.first { $0.name == "ce_dataschema" }?.value == Array("https://example.com/d".utf8))
    }

    @Test("AMQP's cloudEvents: prefix is just another scheme")
    func amqpPrefix() throws {
        let scheme = CloudEventHeaderScheme(
            prefix: "cloudEvents:", valueCoding: .utf8, contentTypeHeader: "content-type")
        let event = CloudEvent(id: "1", source: "/s", type: "t", extensions: ["ext": .string("v")])
        let headers = try Self.encode(event, scheme)
        #expect(
            headers.map(\.name) == [
                "cloudEvents:specversion", "cloudEvents:id", "cloudEvents:source", "cloudEvents:type",
                "cloudEvents:ext",
            ])
        #expect(try Self.decode(headers, scheme)[extension: "ext"] == .string("v"))
    }

    @Test("an invalid event is refused before any header is written")
    func invalidEvent() {
        let event = CloudEvent(id: "", source: "/s", type: "t")
        #expect(cloudEventError { try CloudEventHeaderEncoding(event, scheme: .kafka) }?.code == .invalidEvent)
    }
}
