import Testing

@testable import CloudEvents

/// One URI test case: the text and, for each check, nil when valid or the expected failure
/// offset.
struct URICase: Sendable, CustomTestStringConvertible {
    let text: String
    let reference: Int?
    let absolute: Int?
    init(_ text: String, reference: Int?, absolute: Int?) {
        self.text = text
        self.reference = reference
        self.absolute = absolute
    }
    var testDescription: String { "\"\(text)\"" }
}

private func valid(_ text: String) -> URICase { URICase(text, reference: nil, absolute: nil) }
private func relativeOnly(_ text: String, absoluteFailsAt offset: Int) -> URICase {
    URICase(text, reference: nil, absolute: offset)
}
private func invalid(_ text: String, at offset: Int, absoluteAt: Int? = nil) -> URICase {
    URICase(text, reference: offset, absolute: absoluteAt ?? offset)
}

let uriCases: [URICase] = [
    // CloudEvents specification examples
    valid("https://github.com/cloudevents"),
    valid("mailto:cncf-wg-serverless@lists.cncf.io"),
    valid("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66"),
    relativeOnly("/cloudevents/spec/pull/123", absoluteFailsAt: 0),
    relativeOnly("/sensors/tn-1234567/alerts", absoluteFailsAt: 0),
    relativeOnly("1-555-123-4567", absoluteFailsAt: 0),
    relativeOnly("//github.com/cloudevents/cloudeventsconformance/yaml/v1.yaml", absoluteFailsAt: 0),
    // schemes, authorities, paths
    valid("a:b"),
    valid("s:"),
    valid("foo+bar-baz.q1:rest"),
    valid("news:comp.infosystems.www.servers.unix"),
    valid("tel:+1-816-555-1212"),
    valid("file:///etc/passwd"),
    valid("http://user:pa%20ss@example.com:80/p"),
    valid("http://example.com:/"),
    valid("http://192.168.0.1/"),
    valid("http://999.1.1.1/"),
    valid("http://a/b/c/g;x=1/../y"),
    valid("http://example.com/a%2Fb%c3%BC"),
    valid("http://example.com//double//slashes"),
    valid("s:a:b@c/d"),
    // query and fragment
    valid("http://example.com?"),
    valid("http://example.com#"),
    valid("http://e.com/p?q=1&r=/x?y#frag/with?slash/and:colon@at"),
    valid("https://example.com/schema.json#/definitions/x"),
    valid("ldap://[2001:db8::7]/c=GB?objectClass?one"),
    // IP literals
    valid("http://[2001:db8::1]:8080/"),
    valid("http://[::ffff:192.0.2.1]/"),
    valid("http://[v1.fe80::a+en1]/"),
    valid("http://[V1F.x]/"),
    valid("http://[::1]"),
    valid("http://[::]/"),
    valid("http://[1:2:3:4:5:6:7:8]/"),
    valid("http://[1:2:3:4:5:6:7::]/"),
    valid("http://[::2:3:4:5:6:7:8]/"),
    valid("http://[1::8]/"),
    valid("http://[1:2:3:4:5:6:1.2.3.4]/"),
    valid("http://[::1.2.3.4]/"),
    valid("http://[1::255.255.255.255]/"),
    valid("http://[ABCD:ef01::0]/"),
    // relative references
    relativeOnly("", absoluteFailsAt: 0),
    relativeOnly("./a:b", absoluteFailsAt: 0),
    relativeOnly("a/b:c", absoluteFailsAt: 1),
    relativeOnly("abc", absoluteFailsAt: 3),
    relativeOnly("g;x=1/../y", absoluteFailsAt: 1),
    relativeOnly("?query/with?slash", absoluteFailsAt: 0),
    relativeOnly("#frag", absoluteFailsAt: 0),
    relativeOnly("//host", absoluteFailsAt: 0),
    // invalid
    invalid("http://exa mple.com", at: 10),
    invalid("%zz", at: 0),
    invalid(":nope", at: 0),
    invalid("1a:b", at: 2, absoluteAt: 0),
    invalid("ht!tp://x", at: 5, absoluteAt: 2),
    invalid("http://[::1", at: 11),
    invalid("http://[1:2:3:4:5:6:7:8:9]/", at: 24),
    invalid("http://[2001:db8:::1]/", at: 18),
    invalid("http://[1::2::3]/", at: 12),
    invalid("http://[12345::]/", at: 12),
    invalid("http://[1:2:3:4:5:6:7]/", at: 21),
    invalid("http://[1:2:3:4:5:6:7:8::]/", at: 23),
    invalid("http://[1:2:3:4:5:6:7:1.2.3.4]/", at: 22),
    invalid("http://[1::3:4:5:6:7:1.2.3.4]/", at: 21),
    invalid("http://[::256.1.1.1]/", at: 10),
    invalid("http://[::01.1.1.1]/", at: 10),
    invalid("http://[::1.2.3]/", at: 15),
    invalid("http://[::1.2.3.4.5]/", at: 17),
    invalid("http://[:1::]/", at: 8),
    invalid("http://[1:]/", at: 9),
    invalid("http://[]/", at: 8),
    invalid("http://[::1%25eth0]/", at: 11),
    invalid("http://[::g]/", at: 10),
    invalid("http://[::1]x/", at: 12),
    invalid("http://[v.x]/", at: 9),
    invalid("http://[vF]/", at: 10),
    invalid("http://[vF.]/", at: 11),
    invalid("http://[vF.a%20]/", at: 12),
    invalid("http://example.com:8a/", at: 20),
    invalid("http://u@h@x/", at: 10),
    invalid("http://us er@h/", at: 9),
    invalid("http://example.com/%4", at: 19),
    invalid("http://example.com/%4g", at: 19),
    invalid("http://a/#a#b", at: 11),
    invalid("#a#b", at: 2, absoluteAt: 0),
    invalid("http://a/?b c", at: 11),
    invalid("http://a/#b c", at: 11),
    invalid("foo://bar/ba|z", at: 12),
    invalid("http://a\tb", at: 8),
    invalid("http://a/\u{7F}", at: 9),
    invalid("/ü", at: 1, absoluteAt: 0),
    invalid("http://ü.example/", at: 7),
    invalid("\\", at: 0),
    invalid("<", at: 0),
    invalid("\"", at: 0),
    invalid("{", at: 0),
    invalid("http://a/{}", at: 9),
    invalid("http://a/b\\c", at: 10),
    invalid("a:b c", at: 3),
]

@Suite struct URISyntaxTests {
    @Test(arguments: uriCases)
    func uriReference(_ c: URICase) {
        #expect(URISyntax.checkURIReference(c.text)?.offset == c.reference)
    }

    @Test(arguments: uriCases)
    func absoluteURI(_ c: URICase) {
        #expect(URISyntax.checkAbsoluteURI(c.text)?.offset == c.absolute)
    }

    @Test func failuresExplainThemselves() throws {
        let failure = try #require(URISyntax.checkURIReference("http://exa mple.com"))
        #expect(failure.reason.contains("space"))
        #expect(failure.reason.contains("host"))
        let nonASCII = try #require(URISyntax.checkURIReference("/ü"))
        #expect(nonASCII.reason.contains("percent-encode"))
        #expect(URISyntax.checkURIReference("#a#b")?.reason.contains("%23") == true)
        #expect(URISyntax.checkURIReference("a:")?.reason == nil)
        let error = failure.error(
            .invalidAttributeValue, attribute: "source", subject: "URI-reference", baseOffset: 100)
        #expect(error.code == .invalidAttributeValue)
        #expect(error.attribute == "source")
        #expect(error.byteOffset == 110)
        #expect(error.message.hasPrefix("invalid URI-reference: "))
    }

    @Test func bufferAndStringFormsAgree() {
        let bytes: [UInt8] = Array("http://[::1]:80/a?b#c".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(URISyntax.checkAbsoluteURI(buffer) == nil)
            #expect(URISyntax.checkURIReference(UnsafeBufferPointer(rebasing: buffer[0..<11]))?.offset == 11)
        }
        let text = "xx/a b/yy"
        #expect(URISyntax.checkURIReference(text.dropFirst(2))?.offset == 2)
    }

    /// Each character class against its RFC 3986 definition, for every byte value.
    @Test func characterSetsMatchRFC3986() {
        let alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        let digit = "0123456789"
        let unreserved = alpha + digit + "-._~"
        let subDelims = "!$&'()*+,;="
        let sets: [(String, UInt64, UInt64)] = [
            (alpha + digit + "+-.", URISyntax.Mask.schemeLo, URISyntax.Mask.schemeHi),
            (unreserved + subDelims, URISyntax.Mask.regNameLo, URISyntax.Mask.regNameHi),
            (unreserved + subDelims + ":", URISyntax.Mask.userinfoLo, URISyntax.Mask.userinfoHi),
            (unreserved + subDelims + "@", URISyntax.Mask.segmentNCLo, URISyntax.Mask.segmentNCHi),
            (unreserved + subDelims + ":@/", URISyntax.Mask.pathLo, URISyntax.Mask.pathHi),
            (unreserved + subDelims + ":@/?", URISyntax.Mask.queryLo, URISyntax.Mask.queryHi),
        ]
        for (members, lo, hi) in sets {
            let expected = Set(members.utf8)
            for byte in UInt8.min...UInt8.max {
                #expect(URISyntax.contains(byte, lo, hi) == expected.contains(byte), "byte \(byte) in \(members)")
            }
        }
        for byte in UInt8.min...UInt8.max {
            let scalar = Character(Unicode.Scalar(byte))
            #expect(URISyntax.isHex(byte) == (byte < 0x80 && scalar.isHexDigit))
            #expect(URISyntax.isDigit(byte) == (byte >= 0x30 && byte <= 0x39))
            #expect(URISyntax.isAlpha(byte) == (byte < 0x80 && scalar.isLetter))
        }
    }
}
