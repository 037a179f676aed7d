import CoreTestSupport
import Testing

@testable import CloudEvents

/// Decoding reports every violation of an event at once, as `validate()` does: values of the
/// wrong type do not stop it, and they come with the validation rules' violations.
@Suite("JSON event format: every violation of an event at once")
struct JSONDecodeViolationsTests {
    let format = JSONEventFormat()

    @Test("wrong types, a bad time, a bad name, a fraction and an overflow: one error listing all, with offsets")
    func everyViolation() throws {
        let document =
            #"{"specversion":"1.0","id":7,"source":"","type":"t","time":"x","n":1.5,"A":{"a":1},"big":2147483648}"#
        let error = try #require(cloudEventError { try format.decode(document) })
        #expect(error.code == .invalidEvent)
        let found = error.violations.map { "\($0.attribute ?? "?"):\($0.code.rawValue)" }
        #expect(
            found == [
                "id:attribute_type_mismatch", "time:invalid_timestamp", "n:invalid_attribute_value",
                "A:invalid_attribute_name", "big:integer_out_of_range", "source:empty_attribute",
            ])
        // Each decoding violation keeps its byte offset.
        let offsets = error.violations.prefix(5).map(\.byteOffset)
        #expect(offsets[0] == Self.offset(of: "7,", in: document))
        #expect(offsets[2] == Self.offset(of: "1.5", in: document))
        #expect(offsets[3] == Self.offset(of: #""A""#, in: document))
        #expect(offsets[4] == Self.offset(of: "2147483648", in: document))
    }

    /// Where `text` first starts in `document`, in bytes.
    static func offset(of text: String, in document: String) -> Int? {
        let bytes = Array(document.utf8)
        let needle = Array(text.utf8)
        return (0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }
    }

    @Test("a single violation is thrown as it is: its own code, attribute and offset")
    func singleViolation() throws {
        let document = #"{"specversion":"1.0","id":"1","source":"/s","type":"t","n":1.5}"#
        let error = try #require(cloudEventError { try format.decode(document) })
        #expect(error.code == .invalidAttributeValue)
        #expect(error.attribute == "n")
        #expect(error.byteOffset == Self.offset(of: "1.5", in: document))
        #expect(error.violations.isEmpty)
    }

    @Test("a required attribute of the wrong type is reported once, as the wrong type, not also as missing")
    func wrongTypeIsNotAlsoMissing() throws {
        let error = try #require(
            cloudEventError { try format.decode(#"{"specversion":"1.0","id":[1],"source":"/s","type":"t"}"#) })
        #expect(error.code == .attributeTypeMismatch)
        #expect(error.attribute == "id")
    }

    @Test("a specversion of the wrong type is the error: there is no event to validate without it")
    func specVersionOfWrongType() throws {
        let error = try #require(
            cloudEventError { try format.decode(#"{"specversion":1,"id":7,"source":"/s","type":"t"}"#) })
        #expect(error.code == .attributeTypeMismatch)
        #expect(error.attribute == "specversion")
    }

    @Test("in a batch, the event's violations come together, with its index")
    func inABatch() throws {
        let batch =
            #"[{"specversion":"1.0","id":"1","source":"/s","type":"t"},{"specversion":"1.0","id":2,"source":"/s","type":"t","x":1.5}]"#
        let error = try #require(cloudEventError { try format.decodeBatch(batch) })
        #expect(error.index == 1)
        #expect(error.violations.map(\.attribute) == ["id", "x"])
    }

    @Test("syntax errors still stop decoding at once")
    func syntaxStops() throws {
        let error = try #require(
            cloudEventError { try format.decode(#"{"specversion":"1.0","id":7,"source":"/s","type":"t",}"#) })
        #expect(error.code == .malformedInput)
    }
}
