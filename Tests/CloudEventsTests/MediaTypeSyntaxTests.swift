import Testing

@testable import CloudEvents

/// A media type and nil when valid, or the expected failure offset.
struct MediaTypeCase: Sendable, CustomTestStringConvertible {
    let text: String
    let failure: Int?
    init(_ text: String, _ failure: Int? = nil) {
        self.text = text
        self.failure = failure
    }
    var testDescription: String { "\"\(text)\"" }
}

let mediaTypeCases: [MediaTypeCase] = [
    MediaTypeCase("text/plain"),
    MediaTypeCase("text/plain; charset=us-ascii"),
    MediaTypeCase("text/plain;charset=\"utf-8\""),
    MediaTypeCase("application/vnd.apache.thrift.binary"),
    MediaTypeCase("application/json"),
    MediaTypeCase("APPLICATION/JSON; charset=utf-8"),
    MediaTypeCase("application/cloudevents+json; charset=UTF-8"),
    MediaTypeCase("multipart/form-data; boundary=\"----=_Part 1\""),
    MediaTypeCase("text/plain ; charset=utf-8"),
    MediaTypeCase("text/plain\t;\tcharset=utf-8"),
    MediaTypeCase("text/plain;"),
    MediaTypeCase("text/plain; a=b;c=d"),
    MediaTypeCase("text/plain; a=\"q\\\"uo\\\\te\""),
    MediaTypeCase("text/plain; a=\"\""),
    MediaTypeCase("text/plain; a=\"ü\""),
    MediaTypeCase("application/x-{braces}+json"),
    MediaTypeCase("*/*"),
    // invalid
    MediaTypeCase("", 0),
    MediaTypeCase("text", 4),
    MediaTypeCase("text/", 5),
    MediaTypeCase("/plain", 0),
    MediaTypeCase(" text/plain", 0),
    MediaTypeCase("text/pl ain", 8),
    MediaTypeCase("text@/plain", 4),
    MediaTypeCase("te(xt/plain", 2),
    MediaTypeCase("text/pl@in", 7),
    MediaTypeCase("text/plain/x", 10),
    MediaTypeCase("text/plain; charset", 19),
    MediaTypeCase("text/plain; =x", 12),
    MediaTypeCase("text/plain; charset=", 20),
    MediaTypeCase("text/plain; charset=\"utf-8", 20),
    MediaTypeCase("text/plain; a=\"x\\", 14),
    MediaTypeCase("text/plain; charset = utf-8", 19),
    MediaTypeCase("text/plain;; a=b", 11),
    MediaTypeCase("text/plain; a=b c", 16),
    MediaTypeCase("text/plain; a=\"x\u{01}\"", 16),
    MediaTypeCase("text/plain; a=\"x\\\u{01}\"", 17),
    MediaTypeCase("text/plain; a=\"x\"y", 17),
    MediaTypeCase("text/plain; a=ü", 14),
    MediaTypeCase("text/plain; a=(b)", 14),
    MediaTypeCase("text/plain; a=b\u{7F}", 15),
    MediaTypeCase("text/plain ", 10),  // trailing white space cannot survive a Content-Type field
    MediaTypeCase("text/plain; ", 11),
    MediaTypeCase("text/plain; a=b\t", 15),
    MediaTypeCase("text/pläin", 7),
]

@Suite struct MediaTypeSyntaxTests {
    @Test(arguments: mediaTypeCases)
    func check(_ c: MediaTypeCase) {
        #expect(MediaTypeSyntax.check(c.text)?.offset == c.failure)
    }

    @Test(arguments: [
        ("application/json", true),
        ("APPLICATION/JSON; charset=utf-8", true),
        ("application/json;charset=utf-8", true),
        ("application/cloudevents+json", true),
        ("text/json", true),
        ("application/vnd.foo+JSON", true),
        ("application/ld+json", true),
        ("application/jsonx", false),
        ("application/json-seq", false),
        ("application/xjson", false),
        ("application/+json", false),
        ("application/xml", false),
        ("text/plain", false),
        ("json", false),
        ("application/json/x", false),
        ("", false),
    ])
    func isJSON(_ text: String, _ expected: Bool) {
        #expect(MediaTypeSyntax.isJSON(text) == expected)
    }

    @Test(arguments: [
        ("text/plain", true),
        ("TEXT/HTML; charset=utf-8", true),
        ("text/csv", true),
        ("application/xml", true),
        ("image/svg+xml", true),
        ("application/json", true),
        ("application/cloudevents+json", true),
        ("application/yaml", true),
        ("application/javascript", true),
        ("application/ecmascript", true),
        ("application/octet-stream", false),
        ("image/png", false),
        ("application/protobuf", false),
        ("application/avro", false),
        ("video/javascript", false),
        ("texts/plain", false),
        ("garbage", false),
    ])
    func isText(_ text: String, _ expected: Bool) {
        #expect(MediaTypeSyntax.isText(text) == expected)
    }

    @Test func hasEssence() {
        #expect(MediaTypeSyntax.hasEssence("application/cloudevents+json", equalTo: "application/cloudevents+json"))
        #expect(
            MediaTypeSyntax.hasEssence(
                "Application/CloudEvents+JSON; charset=utf-8", equalTo: "application/cloudevents+json"))
        #expect(
            MediaTypeSyntax.hasEssence(
                "application/cloudevents-batch+json ;charset=utf-8", equalTo: "application/cloudevents-batch+json"))
        #expect(
            !MediaTypeSyntax.hasEssence("application/cloudevents-batch+json", equalTo: "application/cloudevents+json"))
        #expect(!MediaTypeSyntax.hasEssence("application/cloudevents+jsonx", equalTo: "application/cloudevents+json"))
        #expect(!MediaTypeSyntax.hasEssence("application/cloudevents", equalTo: "application/cloudevents+json"))
        #expect(!MediaTypeSyntax.hasEssence("xapplication/cloudevents+json", equalTo: "application/cloudevents+json"))
        #expect(!MediaTypeSyntax.hasEssence("", equalTo: "application/cloudevents+json"))
        let bytes: [UInt8] = Array("text/plain; x=1".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let essence = MediaTypeSyntax.essence(buffer)
            #expect(essence?.type == 0..<4)
            #expect(essence?.subtype == 5..<10)
        }
    }

    @Test func parameters() {
        #expect(MediaTypeSyntax.parameter(named: "charset", in: "text/plain; charset=us-ascii") == "us-ascii")
        #expect(MediaTypeSyntax.parameter(named: "charset", in: "text/plain;CHARSET=\"utf-8\"") == "utf-8")
        #expect(
            MediaTypeSyntax.parameter(named: "CharSet", in: "text/plain; a=\"q\\\"x;charset=no\"; charset=b") == "b")
        #expect(MediaTypeSyntax.parameter(named: "a", in: "text/plain; a=\"q\\\"x\\\\y\"") == "q\"x\\y")
        #expect(MediaTypeSyntax.parameter(named: "a", in: "text/plain; a=\"ü\"") == "ü")
        #expect(MediaTypeSyntax.parameter(named: "a", in: "text/plain; a=\"\"") == "")
        #expect(MediaTypeSyntax.parameter(named: "charset", in: "text/plain; charsets=x") == nil)
        #expect(MediaTypeSyntax.parameter(named: "charset", in: "text/plain") == nil)
        #expect(MediaTypeSyntax.parameter(named: "charset", in: "text/plain; =x; charset=a") == nil)
        #expect(MediaTypeSyntax.parameter(named: "charset", in: "text/plain; charset=a; =x") == "a")
        #expect(MediaTypeSyntax.parameter(named: "charset", in: "text/plain; charset=a; charset=b") == "a")
    }

    @Test func failuresExplainThemselves() throws {
        let unterminated = try #require(MediaTypeSyntax.check("text/plain; charset=\"utf-8"))
        #expect(unterminated.reason.contains("unterminated"))
        let missing = try #require(MediaTypeSyntax.check("text"))
        #expect(missing.reason.contains("subtype"))
    }

    /// The token set against RFC 2045: VCHAR minus the tspecials.
    @Test func tokenCharacters() {
        let tspecials = Set("()<>@,;:\\\"/[]?=".utf8)
        for byte in UInt8.min...UInt8.max {
            let expected = byte >= 0x21 && byte <= 0x7E && !tspecials.contains(byte)
            #expect(MediaTypeSyntax.isTokenCharacter(byte) == expected, "byte \(byte)")
        }
    }
}
