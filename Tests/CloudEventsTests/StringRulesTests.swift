import Testing

@testable import CloudEvents

/// A string and the forbidden scalar expected in it (nil when the string is allowed).
struct ForbiddenCase: Sendable, CustomTestStringConvertible {
    let text: String
    let finding: (offset: Int, scalar: UInt32)?
    init(_ text: String, _ offset: Int, _ scalar: UInt32) {
        self.text = text
        finding = (offset, scalar)
    }
    init(allowed text: String) {
        self.text = text
        finding = nil
    }
    var testDescription: String {
        text.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
    }
}

/// A one-scalar string built at run time (the compiler rejects some noncharacters in literals).
private func scalar(_ value: UInt32) -> String {
    Unicode.Scalar(value).map { String(Character($0)) } ?? ""
}

let forbiddenCases: [ForbiddenCase] = [
    ForbiddenCase("\u{0}", 0, 0x0),
    ForbiddenCase("abc\u{1F}", 3, 0x1F),
    ForbiddenCase("\t", 0, 0x09),
    ForbiddenCase("a\nb", 1, 0x0A),
    ForbiddenCase(allowed: "\u{20}"),
    ForbiddenCase(allowed: "~\u{7E}"),
    ForbiddenCase("a\u{7F}", 1, 0x7F),
    ForbiddenCase("é\u{80}", 2, 0x80),
    ForbiddenCase("ab\u{9F}", 2, 0x9F),
    ForbiddenCase(allowed: "\u{A0}"),
    ForbiddenCase(allowed: "\u{FDCF}"),
    ForbiddenCase("x" + scalar(0xFDD0), 1, 0xFDD0),
    ForbiddenCase(scalar(0xFDEF), 0, 0xFDEF),
    ForbiddenCase(allowed: "\u{FDF0}"),
    ForbiddenCase(allowed: "\u{FFFD}"),
    ForbiddenCase("\u{FFFE}", 0, 0xFFFE),
    ForbiddenCase("\u{FFFF}", 0, 0xFFFF),
    ForbiddenCase(allowed: "\u{10000}"),
    ForbiddenCase(allowed: "\u{1FFFD}"),
    ForbiddenCase("\u{1FFFE}", 0, 0x1FFFE),
    ForbiddenCase("ok \u{1FFFF}", 3, 0x1FFFF),
    ForbiddenCase("\u{EFFFF}", 0, 0xEFFFF),
    ForbiddenCase("\u{10FFFE}", 0, 0x10FFFE),
    ForbiddenCase("\u{10FFFF}", 0, 0x10FFFF),
    ForbiddenCase(allowed: "\u{10FFFD}"),
    ForbiddenCase(allowed: "🌎"),
    ForbiddenCase(allowed: ""),
    ForbiddenCase(allowed: "The quick brown fox jumps over the lazy dog, 🌎 héllo wörld ✓"),
    ForbiddenCase("The quick brown fox jumps over the lazy dog\u{85}", 43, 0x85),
    ForbiddenCase("héllo wörld 🌎 and more ascii text\u{1}", 38, 0x01),
    ForbiddenCase("0123456789abcdef0123456789abcdef\u{FFFF}", 32, 0xFFFF),
]

@Suite struct StringRulesTests {
    @Test(arguments: forbiddenCases)
    func forbiddenCharacters(_ c: ForbiddenCase) {
        let finding = StringRules.firstForbiddenCharacter(in: c.text)
        #expect(finding?.offset == c.finding?.offset)
        #expect(finding?.scalar == c.finding?.scalar)
    }

    /// Every position of an 8-byte block, and past it, so the SWAR fast path cannot skip one.
    @Test(arguments: [0x00, 0x01, 0x1F, 0x7F] as [UInt8])
    func forbiddenASCIIAtEveryPosition(byte: UInt8) {
        for length in 1...40 {
            for position in 0..<length {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                bytes[position] = byte
                let finding = bytes.withUnsafeBufferPointer { StringRules.firstForbiddenCharacter(in: $0) }
                #expect(
                    finding?.offset == position && finding?.scalar == UInt32(byte),
                    "length \(length), position \(position)")
            }
        }
        // The bytes around the forbidden ones pass the fast path.
        for allowed: UInt8 in [0x20, 0x21, 0x7E] {
            let bytes = [UInt8](repeating: allowed, count: 37)
            #expect(bytes.withUnsafeBufferPointer { StringRules.firstForbiddenCharacter(in: $0) } == nil)
        }
    }

    /// Raw bytes: valid UTF-8 is all the function may assume, so encoded surrogates and
    /// malformed sequences are reported rather than skipped or read past.
    @Test(
        arguments: [
            ([0xED, 0xA0, 0x80], 0, 0xD800),
            ([0x61, 0xED, 0xBF, 0xBF], 1, 0xDFFF),
            ([0x61, 0x62, 0xE2, 0x82], 2, StringRules.malformedScalar),
            ([0x80], 0, StringRules.malformedScalar),
            ([0x61, 0xC3, 0x41], 1, StringRules.malformedScalar),
            ([0xF8, 0x80, 0x80, 0x80, 0x80], 0, StringRules.malformedScalar),
        ] as [([UInt8], Int, UInt32)])
    func rawBytes(_ bytes: [UInt8], _ offset: Int, _ scalar: UInt32) {
        let finding = bytes.withUnsafeBufferPointer { StringRules.firstForbiddenCharacter(in: $0) }
        #expect(finding?.offset == offset)
        #expect(finding?.scalar == scalar)
    }

    @Test func forbiddenCharacterError() {
        let error = StringRules.forbiddenCharacterError(offset: 3, scalar: 0x1F, attribute: "subject", baseOffset: 10)
        #expect(error.code == .forbiddenCharacter)
        #expect(error.byteOffset == 13)
        #expect(error.attribute == "subject")
        #expect(error.message.contains("U+001F"))
        #expect(error.message.contains("control"))
        #expect(
            StringRules.forbiddenCharacterError(offset: 0, scalar: 0x1FFFF).message.contains(
                "U+1FFFF is a noncharacter"))
        #expect(StringRules.forbiddenCharacterError(offset: 0, scalar: 0xD800).message.contains("surrogate"))
        #expect(
            StringRules.forbiddenCharacterError(offset: 0, scalar: StringRules.malformedScalar).message.contains(
                "UTF-8"))
    }

    @Test func isForbiddenMatchesTheSpecificationForEveryScalarValue() {
        for value in UInt32(0)...0x10FFFF {
            let expected =
                value <= 0x1F || (0x7F...0x9F).contains(value) || (0xD800...0xDFFF).contains(value)
                || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFF == 0xFFFE || value & 0xFFFF == 0xFFFF
            if StringRules.isForbidden(value) != expected {
                Issue.record("U+\(String(value, radix: 16)) should be \(expected ? "forbidden" : "allowed")")
                return
            }
        }
    }

    @Test(
        arguments: [
            ([0xC0, 0x80], 0),
            ([0xC1, 0xBF], 0),
            ([0xE0, 0x80, 0x80], 0),
            ([0xE0, 0x9F, 0xBF], 0),
            ([0xED, 0xA0, 0x80], 0),
            ([0xED, 0xBF, 0xBF], 0),
            ([0xF0, 0x8F, 0xBF, 0xBF], 0),
            ([0xF4, 0x90, 0x80, 0x80], 0),
            ([0xF5, 0x80, 0x80, 0x80], 0),
            ([0xFF], 0),
            ([0x80], 0),
            ([0x61, 0x62, 0x63, 0xE2, 0x82], 3),
            ([0xF0, 0x9F, 0x8C], 0),
            ([0xE1, 0x80, 0x41], 0),
            ([0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0xFF], 10),
            ([0xC3, 0xA9, 0xC3], 2),
        ] as [([UInt8], Int)])
    func invalidUTF8(_ bytes: [UInt8], _ offset: Int) {
        #expect(StringRules.validateUTF8(bytes) == offset)
    }

    @Test(
        arguments: [
            [], [0x61], [0xC2, 0x80], [0xC2, 0xA0], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
            [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x8C, 0x8E],
            [0xF4, 0x8F, 0xBF, 0xBF], Array("0123456789 héllo 🌎 ascii ascii ascii".utf8),
        ] as [[UInt8]])
    func validUTF8(_ bytes: [UInt8]) {
        #expect(StringRules.validateUTF8(bytes) == nil)
    }

    /// Cross-check against the standard library's decoder on random, mostly-plausible bytes.
    @Test func validateUTF8AgreesWithTheStandardLibrary() {
        var random = SplitMix64(seed: 7)
        let pieces: [[UInt8]] = [
            [0x61], [0x20], [0x7F], [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x8C, 0x8E],
            [0x80], [0xBF], [0xC0], [0xC2], [0xE0], [0xED], [0xED, 0xA0], [0xF0], [0xF4, 0x90], [0xFF],
            Array("plain ascii run".utf8),
        ]
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                bytes += pieces[Int.random(in: 0..<pieces.count, using: &random)]
            }
            let result = StringRules.validateUTF8(bytes)
            let isValid = Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
            #expect((result == nil) == isValid, "\(bytes)")
            if let offset = result {
                let prefix = Array(bytes[..<offset])
                #expect(Array(String(decoding: prefix, as: UTF8.self).utf8) == prefix, "prefix of \(bytes)")
            }
        }
    }

    @Test(arguments: [
        ("abc", true), ("a1", true), ("0", true), ("datacontenttype", true),
        ("", false), ("Abc", false), ("a-b", false), ("a_b", false), ("a.b", false),
        ("ä", false), ("a b", false), ("abcZ", false), ("{", false), ("`", false), ("/", false), (":", false),
    ])
    func attributeNames(_ name: String, _ valid: Bool) {
        #expect(StringRules.isValidAttributeName(name) == valid)
    }
}
