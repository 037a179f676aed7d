import CloudEvents
import CoreTestSupport
import HTTPTypes
import Testing

@testable import CloudEventsHTTP

@Suite("HTTP binding: binary mode")
struct HTTPBinaryModeTests {
    let encoder = HTTPEventEncoder()
    let decoder = HTTPEventDecoder()

    func fields(_ pairs: [(String, String)]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in pairs {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return fields
    }

    @Test("every attribute becomes a ce- header in canonical form; datacontenttype becomes Content-Type")
    func encodesHeaders() throws {
        var event = CloudEvent(
            id: "1", source: "/s", type: "t", subject: "sub",
            time: try Timestamp(parsing: "2018-04-05T03:56:24.120+08:00"),
            dataContentType: "application/json", dataSchema: "https://x/s", data: .json(#"{"a":1}"#))
        event[extension: "count"] = .integer(-7)
        event[extension: "flag"] = .boolean(true)
        event[extension: "blob"] = .binary([0xFF, 0x00])
        let message = try encoder.encode(event)
        let headers = message.headerFields
        #expect(message.mode == .binary)
        #expect(headers[.ceSpecVersion] == "1.0")
        #expect(headers[.ceID] == "1")
        #expect(headers[.ceTime] == "2018-04-05T03:56:24.120+08:00")
        #expect(headers[.ceDataSchema] == "https://x/s")
        #expect(headers[HTTPField.Name("ce-count")!] == "-7")
        #expect(headers[HTTPField.Name("ce-flag")!] == "true")
        #expect(headers[HTTPField.Name("ce-blob")!] == "/wA=")
        #expect(headers[.contentType] == "application/json")
        #expect(headers[HTTPField.Name("ce-datacontenttype")!] == nil)
        #expect(message.body == Array(#"{"a":1}"#.utf8))
    }

    @Test("JSON data without datacontenttype is sent with the implied application/json")
    func impliedJSON() throws {
        let message = try encoder.encode(CloudEvent(id: "1", source: "/s", type: "t", data: .json("[]")))
        #expect(message.headerFields[.contentType] == "application/json")
        let binary = try encoder.encode(CloudEvent(id: "1", source: "/s", type: "t", data: .binary([1])))
        #expect(binary.headerFields[.contentType] == nil)
    }

    @Test(
        "values are percent-encoded exactly as the binding specifies",
        arguments: [
            ("Euro € 😀", "Euro%20%E2%82%AC%20%F0%9F%98%80"), ("100%", "100%25"), (#"say "hi""#, "say%20%22hi%22"),
            ("a\r\nInjected: yes", "a%0D%0AInjected:%20yes"), ("𝄞", "%F0%9D%84%9E"), ("plain-ASCII!~", "plain-ASCII!~"),
        ])
    func percentEncoding(value: String, encoded: String) throws {
        var event = CloudEvent(id: "1", source: "/s", type: "t")
        event[extension: "ext"] = .string(value)
        if value.unicodeScalars.contains("\r") {
            // CR/LF is not a valid String value; encoding refuses the event rather than sending it.
            #expect(throws: CloudEventError.self) { try encoder.encode(event) }
            #expect(PercentEncoding.encode(value) == encoded)
            return
        }
        let message = try encoder.encode(event)
        #expect(message.headerFields[HTTPField.Name("ce-ext")!] == encoded)
        let decoded = try decoder.decodeEvent(headerFields: message.headerFields, body: message.body)
        #expect(decoded[extension: "ext"] == .string(value))
    }

    @Test("a value with CR/LF can never inject a header line")
    func noInjection() throws {
        #expect(PercentEncoding.encode("x\r\nSet-Cookie: a=b") == "x%0D%0ASet-Cookie:%20a=b")
        var event = CloudEvent(id: "1", source: "/s", type: "t")
        event.subject = "x\r\nSet-Cookie: a=b"
        let error = try #require(cloudEventError { try encoder.encode(event) })
        #expect(error.violations.first?.attribute == "subject")
    }

    @Test("decoding: header names are case-insensitive, hex may be lower-case, needless escapes are accepted")
    func lenientDecoding() throws {
        let event = try decoder.decodeEvent(
            headerFields: fields([
                ("CE-SpecVersion", "1.0"), ("Ce-Id", "%31"), ("ce-SOURCE", "/s"), ("ce-type", "t%c3%a9"),
                ("CE-MyExt", "caf%C3%A9%20ok"), ("content-type", "Text/Plain; Charset=UTF-8"),
            ]), body: Array("hello".utf8))
        #expect(event.id == "1")
        #expect(event.type == "té")
        #expect(event[extension: "myext"] == .string("café ok"))
        #expect(event.dataContentType == "Text/Plain; Charset=UTF-8")
        #expect(event.data == .text("hello"))
    }

    @Test("quoted-string header values from older senders are unquoted, then percent-decoded")
    func quotedValues() throws {
        let event = try decoder.decodeEvent(
            headerFields: fields([
                ("ce-specversion", "1.0"), ("ce-id", #""a \"quoted\" id""#), ("ce-source", "/s"),
                ("ce-type", #""t%20x""#),
            ]), body: [])
        #expect(event.id == #"a "quoted" id"#)
        #expect(event.type == "t x")
    }

    @Test(
        "malformed percent-encoding and invalid UTF-8 are typed errors naming the attribute",
        arguments: [
            "%", "%4", "%zz", "abc%G0", "%C0%A0", "%ED%A0%80", "%FF", "%E2%82", #""unterminated"#, #""a"b"#,
        ])
    func malformedValues(value: String) {
        let error = cloudEventError {
            try decoder.decodeEvent(
                headerFields: fields([
                    ("ce-specversion", "1.0"), ("ce-id", "1"), ("ce-source", "/s"), ("ce-type", "t"), ("ce-bad", value),
                ]),
                body: [])
        }
        #expect(error?.code == .malformedInput)
        #expect(error?.attribute == "bad")
    }

    @Test(
        "the error offset is into the header value as sent, after earlier escapes and quoted-string escapes",
        arguments: [
            ("%41%41%FF", 6),  // decoded "AA" then 0xFF: the %FF escape starts at 6 (decoded byte 2)
            ("ab%C3%A9%FF", 8),  // "ab", é as two escapes, then %FF
            ("x%20y%ZZ", 5),  // a malformed escape after a good one
            (#""\"q\"%41%FF""#, 9),  // quoted: `"`, `\"`, q, `\"`, %41, then %FF at 9
            (#""\"%G0""#, 3),  // quoted: `"`, `\"`, then the malformed % at 3
        ])
    func malformedValueOffsets(value: String, offset: Int) {
        let error = cloudEventError {
            try decoder.decodeEvent(
                headerFields: fields([
                    ("ce-specversion", "1.0"), ("ce-id", "1"), ("ce-source", "/s"), ("ce-type", "t"), ("ce-bad", value),
                ]),
                body: [])
        }
        #expect(error?.code == .malformedInput)
        #expect(error?.attribute == "bad")
        #expect(error?.byteOffset == offset, "\(value)")
    }

    @Test("an unknown specversion is a typed error that says what was seen")
    func unknownVersion() {
        let error = cloudEventError {
            try decoder.decodeEvent(
                headerFields: fields([("ce-specversion", "1.1"), ("ce-id", "1"), ("ce-source", "/s"), ("ce-type", "t")]
                ),
                body: [])
        }
        #expect(error?.code == .unknownSpecVersion)
        #expect(error?.message.contains("1.1") == true)
    }

    @Test("duplicate attribute headers, ce-datacontenttype and invalid names are errors")
    func headerErrors() {
        let base = [("ce-specversion", "1.0"), ("ce-id", "1"), ("ce-source", "/s"), ("ce-type", "t")]
        #expect(
            cloudEventError { try decoder.decodeEvent(headerFields: fields(base + [("ce-id", "2")]), body: []) }?.code
                == .malformedInput)
        #expect(
            cloudEventError {
                try decoder.decodeEvent(headerFields: fields(base + [("ce-x", "1"), ("CE-X", "2")]), body: [])
            }?.attribute
                == "x")
        #expect(
            cloudEventError {
                try decoder.decodeEvent(headerFields: fields(base + [("ce-datacontenttype", "text/plain")]), body: [])
            }?.attribute == "datacontenttype")
        #expect(
            cloudEventError { try decoder.decodeEvent(headerFields: fields(base + [("ce-my_ext", "1")]), body: []) }?
                .code
                == .invalidAttributeName)
        let missing = cloudEventError {
            try decoder.decodeEvent(headerFields: fields([("ce-specversion", "1.0"), ("ce-id", "1")]), body: [])
        }
        #expect(Set(missing?.violations.map(\.attribute) ?? []) == ["source", "type"])
        #expect(missing?.violations.allSatisfy { $0.code == .missingAttribute } == true)
    }

    @Test("extensions arrive as text and keep their text; typed reads convert or fail clearly")
    func extensionsAsText() throws {
        var event = CloudEvent(id: "1", source: "/s", type: "t")
        event[extension: "count"] = .integer(42)
        event[extension: "flag"] = .boolean(false)
        event[extension: "when"] = .timestamp(try Timestamp(parsing: "2024-05-20T14:23:18.123456789+08:00"))
        event[extension: "link"] = .uri("https://example.com/a")
        let message = try encoder.encode(event)
        let decoded = try decoder.decodeEvent(headerFields: message.headerFields, body: message.body)
        #expect(decoded[extension: "count"] == .string("42"))
        #expect(try decoded[extension: "count"]?.integerValue() == 42)
        #expect(try decoded[extension: "flag"]?.booleanValue() == false)
        #expect(try decoded[extension: "when"]?.timestampValue().rfc3339 == "2024-05-20T14:23:18.123456789+08:00")
        #expect(try decoded[extension: "link"]?.uriValue() == "https://example.com/a")
        #expect(
            cloudEventError { try decoded[extension: "link"]?.integerValue(attribute: "link") }?.attribute == "link")
    }

    @Test("the body becomes JSON, text or binary data by Content-Type, without reinterpreting it")
    func dataKinds() throws {
        let base = [("ce-specversion", "1.0"), ("ce-id", "1"), ("ce-source", "/s"), ("ce-type", "t")]
        let json = try decoder.decodeEvent(
            headerFields: fields(base + [("Content-Type", "application/vnd.x+JSON")]), body: Array("1.10".utf8))
        #expect(json.data == .json("1.10"))
        let text = try decoder.decodeEvent(
            headerFields: fields(base + [("Content-Type", "application/xml")]), body: Array("<a/>".utf8))
        #expect(text.data == .text("<a/>"))
        let latin1 = try decoder.decodeEvent(
            headerFields: fields(base + [("Content-Type", "text/plain; charset=latin1")]), body: [0xE9])
        #expect(latin1.data == .binary([0xE9]))
        let opaque = try decoder.decodeEvent(headerFields: fields(base), body: [0, 1, 2])
        #expect(opaque.data == .binary([0, 1, 2]))
        #expect(opaque.dataContentType == nil)
        let empty = try decoder.decodeEvent(headerFields: fields(base + [("Content-Type", "text/plain")]), body: [])
        #expect(empty.data == nil)
    }

    @Test("a body that is not the JSON its Content-Type declares is rejected, with the byte offset")
    func invalidJSONBody() {
        let base = [("ce-specversion", "1.0"), ("ce-id", "1"), ("ce-source", "/s"), ("ce-type", "t")]
        let error = cloudEventError {
            try decoder.decodeEvent(
                headerFields: fields(base + [("Content-Type", "application/json")]), body: Array("not json {".utf8))
        }
        #expect(error?.code == .invalidData)
        #expect(error?.attribute == "data")
        #expect(error?.byteOffset == 0)
    }

    @Test("empty data cannot travel in binary mode: an error, not a silent loss")
    func emptyData() {
        let event = CloudEvent(id: "1", source: "/s", type: "t", dataContentType: "text/plain", data: .text(""))
        #expect(cloudEventError { try encoder.encode(event) }?.code == .invalidData)
        #expect(throws: Never.self) { try HTTPEventEncoder(mode: .structured).encode(event) }
    }

    @Test("0.3 binary mode: schemaurl header, and a base64 datacontentencoding body")
    func version03() throws {
        let event = CloudEvent(
            specVersion: .v0_3, id: "1", source: "/s", type: "t", dataSchema: "/rel", data: .binary([9, 8]))
        let message = try encoder.encode(event)
        #expect(message.headerFields[.ceSchemaURL] == "/rel")
        #expect(try decoder.decodeEvent(headerFields: message.headerFields, body: message.body) == event)
        let encoded = try decoder.decodeEvent(
            headerFields: fields([
                ("ce-specversion", "0.3"), ("ce-id", "1"), ("ce-source", "/s"), ("ce-type", "t"),
                ("ce-datacontentencoding", "base64"),
            ]), body: Array("CQg=".utf8))
        #expect(encoded.data == .binary([9, 8]))
    }

    @Test(
        "0.3 binary data travels Base64 with datacontentencoding, so a JSON or text datacontenttype cannot misread it")
    func version03BinaryData() throws {
        for contentType in ["application/json", "text/plain", "application/octet-stream"] {
            let event = CloudEvent(
                specVersion: .v0_3, id: "1", source: "/s", type: "t", dataContentType: contentType,
                data: .binary([0, 1, 2, 0xFF]))
            let message = try encoder.encode(event)
            #expect(message.headerFields[.ceDataContentEncoding] == "base64")
            #expect(message.body == Array("AAEC/w==".utf8))
            #expect(try decoder.decodeEvent(headerFields: message.headerFields, body: message.body) == event)
        }
        // 1.0 has no datacontentencoding: binary data is the body as it is.
        let modern = CloudEvent(id: "1", source: "/s", type: "t", data: .binary([0, 1]))
        let message = try encoder.encode(modern)
        #expect(message.headerFields[.ceDataContentEncoding] == nil)
        #expect(message.body == [0, 1])
    }

    @Test("limits: too many ce- headers or too large a body are typed errors")
    func limits() {
        let strict = HTTPEventDecoder(limits: .init(maximumBodySize: 10, maximumAttributeFieldCount: 5))
        let base = [("ce-specversion", "1.0"), ("ce-id", "1"), ("ce-source", "/s"), ("ce-type", "t")]
        let many = base + (0..<50).map { ("ce-x\($0)", "v") }
        #expect(
            cloudEventError { try strict.decodeEvent(headerFields: fields(many), body: []) }?.code == .limitExceeded)
        #expect(
            cloudEventError {
                try strict.decodeEvent(headerFields: fields(base), body: Array(repeating: 0, count: 100))
            }?.code
                == .limitExceeded)
    }
}
