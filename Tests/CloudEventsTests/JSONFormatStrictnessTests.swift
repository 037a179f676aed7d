import CoreTestSupport
import Testing

@testable import CloudEvents

@Suite("JSON event format: strict decoding with typed errors and byte offsets")
struct JSONFormatStrictnessTests {
    let format = JSONEventFormat()
    static let head = #"{"specversion":"1.0","id":"1","source":"/s","type":"t""#

    func error(_ document: String) -> CloudEventError? {
        cloudEventError { try format.decode(document) }
    }

    func error(_ bytes: [UInt8]) -> CloudEventError? {
        cloudEventError { try format.decode(bytes) }
    }

    @Test("extension numbers become Integer only when whole and in Int32 range")
    func extensionNumbers() throws {
        let ok = try format.decode(Self.head + #","a":-2147483648,"b":2147483647,"c":0,"d":-0}"#)
        #expect(ok[extension: "a"] == .integer(.min))
        #expect(ok[extension: "b"] == .integer(.max))
        #expect(ok[extension: "d"] == .integer(0))
        for (number, code) in [("1.5", CloudEventError.Code.invalidAttributeValue), ("1e3", .invalidAttributeValue),
            ("1.0", .invalidAttributeValue), ("2147483648", .integerOutOfRange), ("-2147483649", .integerOutOfRange)]
        {
            let found = error(Self.head + #","num":"# + number + "}")
            #expect(found?.code == code, "\(number)")
            #expect(found?.attribute == "num")
            #expect(found?.byteOffset == Self.head.utf8.count + 7)
        }
    }

    @Test("extension booleans, strings and nulls")
    func extensionScalars() throws {
        let event = try format.decode(Self.head + #","t":true,"f":false,"s":"2018-04-05T03:56:24Z","n":null}"#)
        #expect(event[extension: "t"] == .boolean(true))
        #expect(event[extension: "f"] == .boolean(false))
        #expect(event[extension: "s"] == .string("2018-04-05T03:56:24Z"))
        #expect(try event[extension: "s"]?.timestampValue().year == 2018)
        #expect(event[extension: "n"] == nil, "null means absent")
        #expect(event.extensionNames == ["t", "f", "s"])
    }

    @Test("extension objects and arrays are errors naming the attribute", arguments: [#"{}"#, #"[1]"#])
    func extensionContainers(value: String) {
        let found = error(Self.head + #","ext":"# + value + "}")
        #expect(found?.code == .invalidAttributeValue)
        #expect(found?.attribute == "ext")
    }

    @Test("null optional core attributes are absent; null required ones are missing")
    func nullCore() throws {
        let event = try format.decode(Self.head + #","subject":null,"time":null,"datacontenttype":null}"#)
        #expect(event.subject == nil && event.time == nil && event.dataContentType == nil)
        let found = error(#"{"specversion":"1.0","id":null,"source":"/s","type":"t"}"#)
        #expect(found?.violations.first?.code == .missingAttribute)
        #expect(found?.violations.first?.attribute == "id")
    }

    @Test("core attributes of the wrong JSON type are errors naming them")
    func coreTypes() {
        let found = error(#"{"specversion":"1.0","id":5,"source":"/s","type":"t"}"#)
        #expect(found?.code == .attributeTypeMismatch)
        #expect(found?.attribute == "id")
        #expect(found?.byteOffset == 26)
    }

    @Test("a missing specversion, or an unknown one, is a typed error")
    func specVersion() {
        #expect(error(#"{"id":"1","source":"/s","type":"t"}"#)?.code == .missingAttribute)
        let unknown = error(#"{"specversion":"2.0","id":"1","source":"/s","type":"t"}"#)
        #expect(unknown?.code == .unknownSpecVersion)
        #expect(unknown?.byteOffset == 15)
        #expect(unknown?.message.contains("2.0") == true)
    }

    @Test("a bad time is an error naming time at the offending byte")
    func badTime() {
        let found = error(Self.head + #","time":"2023-02-29T00:00:00Z"}"#)
        #expect(found?.code == .invalidTimestamp)
        #expect(found?.attribute == "time")
        #expect(found?.byteOffset == Self.head.utf8.count + 9 + 8)
    }

    @Test("structural errors carry the byte offset", arguments: [
        (#"{"specversion":"1.0","id":"1","source":"/s","type":"t""#, 54),  // unterminated object
        (#"{"specversion":"1.0","id":"1" "source":"/s"}"#, 30),  // missing comma
        (#"{"specversion":"1.0","id":"1,"source":"/s"}"#, 30),  // broken string
        (#"{"specversion":"1.0","id":"1","source":"/s","type":"t"}x"#, 55),  // trailing bytes
        (#"{"specversion":"1.0","id":"1","source":"/s","type":"t"} {}"#, 56),  // a second value
        (#"{"specversion":"1.0","data":[1,2}"#, 32),  // bad array
        (#"{"specversion":"1.0","data":{"a" 1}}"#, 33),  // missing colon
        (#"{"specversion":"1.0","data":01}"#, 28),  // leading zero
        (#"{"specversion":"1.0","data":-}"#, 29),  // number without digits
        (#"{"specversion":"1.0","data":tru}"#, 28),  // broken literal
        (#"{"specversion":"1.0","data":"\x"}"#, 29),  // bad escape
        (#"{"specversion":"1.0","data":"\ud800"}"#, 29),  // lone high surrogate
        (#"{"specversion":"1.0","data":"\udc00"}"#, 29),  // lone low surrogate
        (#"{"specversion":"1.0","data":"\ud800\u0041"}"#, 29),  // high surrogate, no low
        ("", 0), ("   ", 3), ("[]", 0), (#"{"#, 1),
    ])
    func structuralErrors(document: String, offset: Int) {
        let found = error(document)
        #expect(found?.code == .malformedInput, "\(document)")
        #expect(found?.byteOffset == offset, "\(document): \(String(describing: found))")
    }

    @Test("control characters in strings must be escaped")
    func rawControl() {
        let found = error(Array(#"{"specversion":"1.0","id":"a"#.utf8) + [0x0A] + Array(#"b"}"#.utf8))
        #expect(found?.code == .malformedInput)
        #expect(found?.byteOffset == 28)
    }

    @Test("invalid UTF-8 is rejected at its offset", arguments: [
        [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0x80], [0xE2, 0x82],
    ] as [[UInt8]])
    func invalidUTF8(sequence: [UInt8]) {
        let prefix = Array(#"{"specversion":"1.0","id":""#.utf8)
        let found = error(prefix + sequence + Array(#""}"#.utf8))
        #expect(found?.code == .malformedInput)
        #expect((found?.byteOffset ?? -1) >= prefix.count)
        #expect((found?.byteOffset ?? .max) < prefix.count + sequence.count + 1)
    }

    @Test("duplicate member names at the event level are errors", arguments: ["id", "data", "ext", "nul", "time"])
    func duplicates(name: String) {
        let value = name == "nul" ? "null" : name == "time" ? #""2018-04-05T03:56:24Z""# : #""x""#
        let member = "\"\(name)\":\(value)"
        let found = error(#"{"specversion":"1.0","source":"/s","type":"t","# + member + "," + member + "}")
        #expect(found?.code == .malformedInput)
        #expect(found?.attribute == name)
    }

    @Test("member names that are not attribute names are errors")
    func badMemberName() {
        let found = error(Self.head + #","Bad":1}"#)
        #expect(found?.code == .invalidAttributeName)
        #expect(found?.attribute == "Bad")
        #expect(found?.byteOffset == Self.head.utf8.count + 1)
    }

    @Test("nesting deeper than the limit is an error, not a stack overflow")
    func depthLimit() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let found = error(Self.head + #","data":"# + deep + "}")
        #expect(found?.code == .limitExceeded)
        #expect(found?.byteOffset == Self.head.utf8.count + 8 + 63)
        let within = String(repeating: "[", count: 63) + String(repeating: "]", count: 63)
        #expect(throws: Never.self) { try format.decode(Self.head + #","data":"# + within + "}") }
        let strict = JSONEventFormat(limits: .init(maximumDepth: 2))
        #expect(cloudEventError { try strict.decode(Self.head + #","data":[[1]]}"#) }?.code == .limitExceeded)
        #expect(throws: Never.self) { try strict.decode(Self.head + #","data":[1]}"#) }
    }

    @Test("documents over the size limit are rejected before scanning")
    func sizeLimit() {
        let small = JSONEventFormat(limits: .init(maximumDocumentSize: 64))
        let found = cloudEventError { try small.decode(Self.head + #","data":""# + String(repeating: "x", count: 100) + "\"}") }
        #expect(found?.code == .limitExceeded)
    }

    @Test("data and data_base64 together are an error")
    func bothData() {
        let found = error(Self.head + #","data":1,"data_base64":"AA=="}"#)
        #expect(found?.code == .invalidData)
        #expect(found?.attribute == "data")
    }

    @Test("data_base64 becomes binary data; bad Base64 is an error")
    func base64() throws {
        let event = try format.decode(Self.head + #","datacontenttype":"application/octet-stream","data_base64":"AAEC/w=="}"#)
        #expect(event.data == .binary([0, 1, 2, 255]))
        #expect(event.dataContentType == "application/octet-stream")
        let found = error(Self.head + #","data_base64":"AAE"}"#)
        #expect(found?.attribute == "data_base64")
    }

    @Test("non-JSON content types take their data as text")
    func textData() throws {
        let event = try format.decode(Self.head + #","datacontenttype":"application/xml","data":"<much wow=\"xml\"/>"}"#)
        #expect(event.data == .text(#"<much wow="xml"/>"#))
        let notString = error(Self.head + #","datacontenttype":"text/plain","data":{"a":1}}"#)
        #expect(notString?.code == .invalidData)
    }

    @Test("JSON content types are recognised case-insensitively, with parameters and +json suffixes", arguments: [
        "application/json", "APPLICATION/JSON", "application/json; charset=utf-8", "text/json",
        "application/cloudevents+json", "application/vnd.example+JSON",
    ])
    func jsonContentTypes(contentType: String) throws {
        let event = try format.decode(Self.head + #","datacontenttype":""# + contentType + #"","data":{"x":1.10}}"#)
        #expect(event.data == .json(#"{"x":1.10}"#))
    }

    @Test("escaped attribute strings are unescaped exactly")
    func escapes() throws {
        let event = try format.decode(
            #"{"specversion":"1.0","id":"a\"b\\c\/d\u00e9\ud83c\udf0e","source":"/s","type":"t","\u0065xt":"\u0041"}"#)
        #expect(event.id == "a\"b\\c/dé🌎")
        #expect(event[extension: "ext"] == .string("A"))
        #expect(try format.encode(event).text
            == #"{"specversion":"1.0","id":"a\"b\\c/dé🌎","source":"/s","type":"t","ext":"A"}"#)
        let control = error(#"{"specversion":"1.0","id":"1","source":"/s","type":"t","ext":"\t"}"#)
        #expect(control?.violations.first?.code == .forbiddenCharacter, "an escaped control character is still forbidden")
    }

    @Test("decoding validates: an event breaking a rule is rejected with every violation")
    func decodeValidates() {
        let found = error(#"{"specversion":"1.0","id":"","source":"a b","type":"t","dataschema":"rel"}"#)
        #expect(found?.code == .invalidEvent)
        #expect(Set(found?.violations.compactMap(\.attribute) ?? []) == ["id", "source", "dataschema"])
    }

    @Test("0.3 events: schemaurl and datacontentencoding")
    func version03() throws {
        let event = try format.decode(
            #"{"specversion":"0.3","id":"1","source":"/s","type":"t","schemaurl":"/rel","datacontentencoding":"base64","data":"AAE="}"#
        )
        #expect(event.specVersion == .v0_3)
        #expect(event.dataSchema == "/rel")
        #expect(event.data == .binary([0, 1]))
        #expect(try format.encode(event).text
            == #"{"specversion":"0.3","id":"1","source":"/s","type":"t","schemaurl":"/rel","datacontentencoding":"base64","data":"AAE="}"#)
        let unknownEncoding = error(#"{"specversion":"0.3","id":"1","source":"/s","type":"t","datacontentencoding":"gzip","data":"x"}"#)
        #expect(unknownEncoding?.code == .unsupportedFormat)
    }

    @Test("in 1.0, schemaurl and datacontentencoding are ordinary extensions")
    func oldNamesIn10() throws {
        let event = try format.decode(Self.head + #","schemaurl":"x","datacontentencoding":"y"}"#)
        #expect(event[extension: "schemaurl"] == .string("x"))
        #expect(event[extension: "datacontentencoding"] == .string("y"))
    }

    @Test("decoding reads any contiguous byte collection in place")
    func contiguousInputs() throws {
        let bytes = Array((Self.head + "}").utf8)
        let padded = [0x20] + bytes + [0x20]
        #expect(try format.decode(padded[1..<padded.count - 1]).id == "1")
        #expect(try format.decode(padded).id == "1")
    }
}

