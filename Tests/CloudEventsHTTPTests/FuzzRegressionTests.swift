import CloudEvents
import HTTPTypes
import Testing

@testable import CloudEventsHTTP

/// Inputs found by the libFuzzer targets in Fuzz/ (scripts/fuzz.sh), kept byte for byte, each
/// with the invariant it broke. A new finding goes here as the fuzz input itself: the HTTP
/// targets' inputs are read with `FuzzInput.message(_:)`, the same framing as
/// Fuzz/Sources/FuzzSupport/HTTPMessageFraming.swift.
@Suite("Fuzz regressions: HTTP binding")
struct HTTPFuzzRegressionTests {
    let decoder = HTTPEventDecoder()
    let binary = HTTPEventEncoder(mode: .binary, headerBudget: .unlimited)

    // MARK: Quoted header values were unquoted twice

    /// FuzzPercentDecoding: `"\"say \"hi\" 100%25"`, a quoted-string whose content starts with an
    /// escaped quote. Unquoting gives `"say "hi" 100%25`, which PercentEncoding.unquoteAndDecode
    /// handed to `decode`, which took the leading `"` for another quoted-string: "bytes after the
    /// closing quote" at byte 7 instead of the value `"say "hi" 100%`.
    static let quotedValueStartingWithQuote: [UInt8] = [
        0x22, 0x5C, 0x22, 0x73, 0x61, 0x79, 0x20, 0x5C, 0x22, 0x68, 0x69, 0x5C, 0x22, 0x20, 0x31, 0x30,
        0x30, 0x25, 0x32, 0x35, 0x22,
    ]

    @Test("a quoted header value is unquoted once, even when its content starts with a quote")
    func quotedValueIsUnquotedOnce() throws {
        let cases: [([UInt8], String)] = [
            (Self.quotedValueStartingWithQuote, #""say "hi" 100%"#),
            (Array(#""\"x\"""#.utf8), #""x""#),  // not x
            (Array(#""\"\"""#.utf8), #""""#),  // not the empty string
            (Array(#""\"""#.utf8), #"""#),  // not "a quoted value is not closed"
        ]
        for (value, expected) in cases {
            let event = try decodeWithExtension(value)
            #expect(event[extension: "ext"] == .string(expected), "\(String(decoding: value, as: UTF8.self))")
            let message = try binary.encode(event)
            #expect(try decoder.decodeEvent(headerFields: message.headerFields, body: message.body) == event)
        }
    }

    // MARK: 0.3 Base64 data that is empty

    /// FuzzHTTPBinary: a 0.3 binary-mode message with `ce-datacontentencoding: base64` and an
    /// empty body (the last line has no colon, so there is no empty line and no body). The
    /// decoder Base64-decoded the empty body into empty binary data (BinaryModeDecoder.data:
    /// the 0.3 branch runs before the "empty body is no data" rule), an event binary mode then
    /// refuses to encode ("empty data cannot travel in binary mode").
    static let v03EmptyBase64Body: [UInt8] = [
        0x63, 0x65, 0x2D, 0x73, 0x70, 0x65, 0x63, 0x76, 0x65, 0x72, 0x73, 0x69, 0x6F, 0x6E, 0x3A, 0x20,
        0x30, 0x2E, 0x33, 0x0A, 0x63, 0x65, 0x2D, 0x69, 0x64, 0x3A, 0x20, 0x32, 0x0A, 0x63, 0x65, 0x2D,
        0x73, 0x6F, 0x75, 0x72, 0x63, 0x65, 0x3A, 0x20, 0x2F, 0x73, 0x0A, 0x63, 0x65, 0x2D, 0x74, 0x79,
        0x70, 0x65, 0x3A, 0x20, 0x74, 0x0A, 0x63, 0x65, 0x2D, 0x73, 0x63, 0x68, 0x65, 0x6D, 0x61, 0x75,
        0x72, 0x6C, 0x3A, 0x20, 0x2F, 0x73, 0x63, 0x68, 0x65, 0x6D, 0x61, 0x0A, 0x63, 0x65, 0x2D, 0x64,
        0x61, 0x74, 0x61, 0x63, 0x6F, 0x6E, 0x74, 0x65, 0x6E, 0x74, 0x65, 0x6E, 0x63, 0x6F, 0x64, 0x69,
        0x6E, 0x67, 0x3A, 0x20, 0x62, 0x61, 0x73, 0x65, 0x36, 0x34, 0x0A, 0x63, 0x6F, 0x6E, 0x74, 0x65,
        0x6E, 0x74, 0x2D, 0x74, 0x79, 0x70, 0x65, 0x3A, 0x20, 0x61, 0x70, 0x70, 0x6C, 0x69, 0x63, 0x61,
        0x74, 0x69, 0x6F, 0x6E, 0x2F, 0x6F, 0x63, 0x74, 0x65, 0x74, 0x2D, 0x73, 0x74, 0x72, 0x65, 0x61,
        0x6D, 0x0A, 0x87, 0x41, 0x41, 0x45, 0x43, 0x41, 0x77, 0x51, 0x3D,
    ]

    @Test("an empty body is no data in 0.3 Base64 binary mode too, and re-encodes")
    func v03EmptyBase64BodyIsNoData() throws {
        let (fields, body) = FuzzInput.message(Self.v03EmptyBase64Body)
        #expect(body.isEmpty)
        let event = try decoder.decodeEvent(headerFields: fields, body: body)
        #expect(event.data == nil)
        let message = try binary.encode(event)
        #expect(try decoder.decodeEvent(headerFields: message.headerFields, body: message.body) == event)
    }

    // MARK: datacontenttype with trailing white space

    /// FuzzHTTPBinary: `Content-Type: applifation/octet-stream` followed by 26 NUL bytes, which a
    /// server's lenient field value turns into spaces. The media type rules accept trailing
    /// white space (MediaTypeSyntax), so the event is valid with that `datacontenttype`; binary
    /// mode then sends it as a `Content-Type` field, whose value cannot end in white space
    /// (swift-http-types trims it), and the receiver gets another `datacontenttype`: the
    /// value changes behind the caller's back.
    static let contentTypeWithTrailingNULs: [UInt8] = [
        0x63, 0x65, 0x2D, 0x73, 0x70, 0x65, 0x63, 0x76, 0x65, 0x72, 0x73, 0x69, 0x6F, 0x6E, 0x3A, 0x20,
        0x30, 0x2E, 0x33, 0x0A, 0x63, 0x65, 0x2D, 0x69, 0x64, 0x3A, 0x20, 0x32, 0x0A, 0x63, 0x65, 0x2D,
        0x73, 0x6F, 0x75, 0x72, 0x63, 0x65, 0x3A, 0x20, 0x2F, 0x73, 0x0A, 0x63, 0x65, 0x2D, 0x74, 0x79,
        0x70, 0x65, 0x3A, 0x00, 0x74, 0x0A, 0x63, 0x65, 0x7A, 0x73, 0x63, 0x68, 0x65, 0x6D, 0x61, 0x75,
        0x72, 0x6C, 0x3A, 0x20, 0x2F, 0x73, 0x63, 0x68, 0x65, 0x6D, 0x61, 0x01, 0x00, 0x65, 0x2D, 0x64,
        0x61, 0x74, 0x61, 0x63, 0x6F, 0x6E, 0x74, 0x65, 0x6E, 0x74, 0x65, 0x6E, 0x63, 0x6F, 0x64, 0x8F,
        0x91, 0x67, 0x3A, 0x20, 0x62, 0x61, 0x73, 0x65, 0x32, 0x38, 0x0A, 0x63, 0x6F, 0x6E, 0x74, 0x65,
        0x6E, 0x74, 0x2D, 0x74, 0x79, 0x70, 0x65, 0x3A, 0x20, 0x61, 0x70, 0x70, 0x6C, 0x69, 0x66, 0x61,
        0x74, 0x69, 0x6F, 0x6E, 0x2F, 0x6F, 0x63, 0x74, 0x65, 0x74, 0x2D, 0x73, 0x74, 0x72, 0x65, 0x61,
        0x6D, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0A, 0x0A, 0x41, 0x41, 0x45,
        0x43, 0x41, 0x77, 0x51, 0x3D, 0x3B,
    ]

    @Test("a datacontenttype with trailing white space is refused in binary and in structured mode")
    func contentTypeWithTrailingWhitespace() throws {
        // The finding: binary mode, where a server stores the trailing NULs as spaces.
        let (fields, body) = FuzzInput.message(Self.contentTypeWithTrailingNULs)
        let fromBinary = #expect(throws: CloudEventError.self) {
            try decoder.decodeEvent(headerFields: fields, body: body)
        }
        #expect(fromBinary.map(Self.names(datacontenttype:)) == true, "\(String(describing: fromBinary))")
        // The same value in the JSON format.
        let structured =
            #"{"specversion":"1.0","id":"1","source":"/s","type":"t","datacontenttype":"text/plain ","data":"x"}"#
        let fromJSON = #expect(throws: CloudEventError.self) { try JSONEventFormat().decode(structured) }
        #expect(fromJSON.map(Self.names(datacontenttype:)) == true, "\(String(describing: fromJSON))")
        // And an event built in code cannot be sent with it: refusing is the fix, never changing it.
        let event = CloudEvent(id: "1", source: "/s", type: "t", dataContentType: "text/plain ")
        let encoded = #expect(throws: CloudEventError.self) { try binary.encode(event) }
        #expect(encoded.map(Self.names(datacontenttype:)) == true, "\(String(describing: encoded))")
        // Without the white space the value travels unchanged.
        let clean = CloudEvent(id: "1", source: "/s", type: "t", dataContentType: "text/plain")
        let message = try binary.encode(clean)
        let received = try decoder.decodeEvent(headerFields: message.headerFields, body: message.body)
        #expect(received.dataContentType == "text/plain")
    }

    /// Whether an error is about `datacontenttype`, itself or in one of its violations.
    private static func names(datacontenttype error: CloudEventError) -> Bool {
        error.attribute == "datacontenttype" || error.violations.contains { $0.attribute == "datacontenttype" }
    }

    // MARK: datacontenttype that is not UTF-8

    /// FuzzHTTPBinary: `Content-Type: application/octet-stce; chsreta="utf-2018-04-05` followed by
    /// the bytes AC CF CC C5 CA C9 C5 CD (not UTF-8) and `4Z8"`. MediaTypeSyntax admits obs-text
    /// in quoted strings, and the binary decoder stores the field's bytes as they are, so the
    /// event's `datacontenttype`, a String attribute, holds bytes that are not UTF-8 and still
    /// validates. Sending it again changes it: binary mode writes the value through
    /// `String(decoding:as:)`, which replaces each bad byte with U+FFFD, and the JSON format
    /// copies the bytes into a document that is then not UTF-8, which the JSON decoder refuses.
    static let contentTypeNotUTF8: [UInt8] = [
        0x63, 0x65, 0x2D, 0x73, 0x70, 0x65, 0x63, 0x76, 0x65, 0x72, 0x73, 0x69, 0x6F, 0x6E, 0x3A, 0x20,
        0x30, 0x2E, 0x33, 0x0A, 0x63, 0x65, 0x2D, 0x69, 0x64, 0x3A, 0x20, 0x32, 0x0A, 0x63, 0x65, 0x2D,
        0x73, 0x6F, 0x75, 0x72, 0x63, 0x65, 0x3A, 0x20, 0x2F, 0x73, 0x0A, 0x63, 0x65, 0x2D, 0x74, 0x79,
        0x70, 0x65, 0x3A, 0x20, 0x74, 0x0A, 0x6F, 0x25, 0x69, 0x6E, 0x67, 0x3A, 0x20, 0x62, 0x61, 0x73,
        0x65, 0x36, 0x34, 0x0A, 0x63, 0x6F, 0x6E, 0x74, 0x65, 0x6E, 0x74, 0x2D, 0x74, 0x79, 0x70, 0x65,
        0x3A, 0x20, 0x61, 0x70, 0x70, 0x6C, 0x69, 0x63, 0x61, 0x74, 0x69, 0x6F, 0x6E, 0x2F, 0x6F, 0x63,
        0x74, 0x65, 0x74, 0x2D, 0x73, 0x74, 0x63, 0x65, 0x3B, 0x20, 0x63, 0x68, 0x73, 0x72, 0x65, 0x74,
        0x61, 0x3D, 0x22, 0x75, 0x74, 0x66, 0x2D, 0x32, 0x30, 0x31, 0x38, 0x2D, 0x30, 0x34, 0x2D, 0x30,
        0x35, 0xAC, 0xCF, 0xCC, 0xC5, 0xCA, 0xC9, 0xC5, 0xCD, 0x34, 0x5A, 0x38, 0x22, 0x0A, 0x64, 0x0A,
        0x74, 0x79, 0x70, 0x65, 0x3A, 0x20, 0x61, 0x70, 0x70, 0x6C, 0x69, 0x63, 0x61, 0x74, 0x69, 0x6F,
        0x63, 0x65, 0x2D, 0x6E, 0x2F, 0x6F, 0x63, 0x74, 0x65,
    ]

    @Test("a Content-Type that is not UTF-8 is refused; a UTF-8 one travels unchanged in every mode")
    func contentTypeNotUTF8() throws {
        // The finding, and the smallest such message: one byte that is not UTF-8, 0xFF.
        let minimal =
            Array("ce-specversion: 1.0\nce-id: 1\nce-source: /s\nce-type: t\n".utf8)
            + Array("content-type: text/plain; charset=\"".utf8) + [0xFF] + Array("\"\n\nx".utf8)
        let (minimalFields, minimalBody) = FuzzInput.message(minimal)
        let error = #expect(throws: CloudEventError.self) {
            try decoder.decodeEvent(headerFields: minimalFields, body: minimalBody)
        }
        #expect(error?.violations.contains { $0.attribute == "datacontenttype" } ?? false || error?.attribute == "datacontenttype")
        // The finding itself is refused the same way.
        let (fields, body) = FuzzInput.message(Self.contentTypeNotUTF8)
        let finding = #expect(throws: CloudEventError.self) { try decoder.decodeEvent(headerFields: fields, body: body) }
        #expect(finding.map(Self.names(datacontenttype:)) == true, "\(String(describing: finding))")
        // A Content-Type with UTF-8 beyond ASCII in a quoted parameter travels unchanged in every mode.
        let event = CloudEvent(id: "1", source: "/s", type: "t", dataContentType: "text/plain; name=\"café\"")
        let message = try binary.encode(event)
        #expect(try decoder.decodeEvent(headerFields: message.headerFields, body: message.body) == event)
        let format = JSONEventFormat()
        #expect(try format.decode(format.encode(event)) == event)
    }

    private func decodeWithExtension(_ value: [UInt8]) throws -> CloudEvent {
        var fields: HTTPFields = [.ceSpecVersion: "1.0", .ceID: "1", .ceSource: "/s", .ceType: "t"]
        guard let name = HTTPField.Name("ce-ext") else { throw FuzzInput.Failure() }
        fields.append(HTTPField(name: name, lenientValue: value))
        return try decoder.decodeEvent(headerFields: fields, body: [])
    }
}

/// The framing of the HTTP fuzz targets (Fuzz/Sources/FuzzSupport/HTTPMessageFraming.swift):
/// lines `name: value` separated by LF up to the first empty line, then the body. Lines without a
/// colon or with an invalid name are skipped; one space after the colon is dropped; values are
/// stored as servers store them (lenient: NUL, CR and LF become spaces).
enum FuzzInput {
    struct Failure: Error {}

    static func message(_ input: [UInt8]) -> (HTTPFields, [UInt8]) {
        var fields = HTTPFields()
        var lineStart = 0
        while lineStart < input.count {
            let lineEnd = input[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? input.count
            if lineEnd == lineStart { return (fields, Array(input[(lineStart + 1)...])) }
            let line = input[lineStart..<lineEnd]
            if let colon = line.firstIndex(of: UInt8(ascii: ":")),
                let name = HTTPField.Name(String(decoding: line[..<colon], as: UTF8.self))
            {
                var valueStart = colon + 1
                if valueStart < lineEnd, input[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
                fields.append(HTTPField(name: name, lenientValue: input[valueStart..<lineEnd]))
            }
            lineStart = lineEnd + 1
        }
        return (fields, [])
    }
}
