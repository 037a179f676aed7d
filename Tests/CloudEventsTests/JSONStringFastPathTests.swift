import CoreTestSupport
import Testing

@testable import CloudEvents

/// Strings are scanned eight bytes at a time, and a plain string (ASCII, no escape, no control
/// character) is stepped over by a fast path that leaves every other string to the full rules.
/// These tests put each kind of byte that needs the full rules at every position of strings of
/// every length across three words, as an attribute value, as a member name inside `data` and
/// as a string value inside `data`, with the string always near the end of the input: the
/// result must be what the rules say, to the byte offset and message.
@Suite("JSON strings: the plain-string fast path and the full rules agree at every word boundary")
struct JSONStringFastPathTests {
    let format = JSONEventFormat()
    static let head = Array(#"{"specversion":"1.0","id":"1","source":"/s","type":"t""#.utf8)

    /// Where the string under test stands in the document.
    enum Place: CaseIterable {
        /// `"x":"…"`, scanned by `JSONScanner.scanString`.
        case attributeValue
        /// `"data":{"…":1}`, scanned by the skipper's member-name path.
        case dataMemberName
        /// `"data":{"k":"…"}`, scanned by the skipper's value path.
        case dataValue

        func document(_ string: [UInt8]) -> (bytes: [UInt8], stringStart: Int) {
            let prefix: [UInt8]
            let suffix: [UInt8]
            switch self {
            case .attributeValue:
                prefix = JSONStringFastPathTests.head + Array(#","x":""#.utf8)
                suffix = Array(#""}"#.utf8)
            case .dataMemberName:
                prefix = JSONStringFastPathTests.head + Array(#","data":{""#.utf8)
                suffix = Array(#"":1}}"#.utf8)
            case .dataValue:
                prefix = JSONStringFastPathTests.head + Array(#","data":{"k":""#.utf8)
                suffix = Array(#""}}"#.utf8)
            }
            return (prefix + string + suffix, prefix.count)
        }
    }

    static let lengths = Array(0...25)

    /// `length` bytes of `a` with `special` written over them from `position`.
    static func string(length: Int, special: [UInt8], at position: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: max(length, position + special.count))
        bytes.replaceSubrange(position..<position + special.count, with: special)
        return bytes
    }

    /// Whether the event's data is exactly the `data` value of `document` (which ends with it).
    static func keepsData(_ event: CloudEvent, of document: [UInt8]) -> Bool {
        let dataStart = head.count + Array(#","data":"#.utf8).count
        return event.data?.bytes.elementsEqual(document[dataStart..<document.count - 1]) == true
    }

    func error(_ bytes: [UInt8]) -> CloudEventError? {
        cloudEventError { try format.decode(bytes) }
    }

    @Test("plain strings of every length decode to their exact bytes", arguments: Place.allCases)
    func plain(place: Place) throws {
        for length in Self.lengths {
            let text = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            let (document, _) = place.document(text)
            let event = try format.decode(document)
            switch place {
            case .attributeValue:
                #expect(event[extension: "x"] == .string(String(decoding: text, as: UTF8.self)), "length \(length)")
            case .dataMemberName, .dataValue:
                #expect(Self.keepsData(event, of: document), "length \(length)")
            }
        }
    }

    @Test("an escape at every position is unescaped or kept exactly", arguments: Place.allCases)
    func escape(place: Place) throws {
        for length in Self.lengths where length >= 2 {
            for position in 0...(length - 2) {
                let text = Self.string(length: length, special: Array(#"\/"#.utf8), at: position)
                let (document, _) = place.document(text)
                let event = try format.decode(document)
                switch place {
                case .attributeValue:
                    var unescaped = text
                    unescaped.remove(at: position)
                    #expect(
                        event[extension: "x"] == .string(String(decoding: unescaped, as: UTF8.self)),
                        "length \(length), escape at \(position)")
                case .dataMemberName, .dataValue:
                    #expect(Self.keepsData(event, of: document), "length \(length), escape at \(position)")
                }
            }
        }
    }

    @Test("a two-byte UTF-8 character at every position is kept exactly", arguments: Place.allCases)
    func twoByteCharacter(place: Place) throws {
        for length in Self.lengths where length >= 2 {
            for position in 0...(length - 2) {
                let text = Self.string(length: length, special: [0xC3, 0xA9], at: position)
                let (document, _) = place.document(text)
                let event = try format.decode(document)
                switch place {
                case .attributeValue:
                    #expect(event[extension: "x"] == .string(String(decoding: text, as: UTF8.self)))
                case .dataMemberName, .dataValue:
                    #expect(Self.keepsData(event, of: document))
                }
            }
        }
    }

    @Test("a raw control character at every position is an error at its offset", arguments: Place.allCases)
    func control(place: Place) {
        for length in Self.lengths where length >= 1 {
            for position in 0..<length {
                for byte: UInt8 in [0x00, 0x01, 0x0A, 0x1F] {
                    let (document, start) = place.document(Self.string(length: length, special: [byte], at: position))
                    let found = error(document)
                    #expect(found?.code == .malformedInput)
                    #expect(found?.byteOffset == start + position, "length \(length), 0x\(byte) at \(position)")
                    #expect(
                        found?.message
                            == "control character byte 0x\(String(byte, radix: 16)) must be escaped in a JSON string")
                }
            }
        }
    }

    @Test("invalid UTF-8 at every position is an error at its offset", arguments: Place.allCases)
    func invalidUTF8(place: Place) {
        for length in Self.lengths where length >= 1 {
            for position in 0..<length {
                let (document, start) = place.document(Self.string(length: length, special: [0xFF], at: position))
                let found = error(document)
                #expect(found?.code == .malformedInput)
                #expect(found?.byteOffset == start + position, "length \(length), 0xFF at \(position)")
                #expect(found?.message == "invalid UTF-8 (byte 0xff)")
            }
        }
    }

    @Test("a string that the input ends inside is an error at its opening quote", arguments: Place.allCases)
    func unterminated(place: Place) {
        for length in Self.lengths {
            let (document, start) = place.document([UInt8](repeating: UInt8(ascii: "a"), count: length))
            let found = error(Array(document[..<(start + length)]))
            #expect(found?.code == .malformedInput)
            #expect(found?.byteOffset == start - 1, "length \(length)")
            #expect(found?.message == "unexpected end of input; expected the end of the string")
        }
    }

    @Test("a member name inside data with whitespace or no colon after it takes the full rules")
    func memberNameSeparators() throws {
        for length in Self.lengths {
            let name = String(repeating: "n", count: length)
            for separator in [" :", "\t:", "\n :", ":"] {
                let document = Self.head + Array(#","data":{""#.utf8) + Array(name.utf8) + Array("\"\(separator)1}}".utf8)
                let event = try format.decode(document)
                #expect(event.data?.bytes.last == UInt8(ascii: "}"), "\(name)\(separator)")
            }
            let missingColon = Self.head + Array(#","data":{""#.utf8) + Array(name.utf8) + Array(#"" 1}}"#.utf8)
            let found = error(missingColon)
            #expect(found?.code == .malformedInput)
            #expect(found?.byteOffset == missingColon.count - 3, "\(name)")
            #expect(found?.message == "unexpected '1'; expected ':'")
        }
    }
}
