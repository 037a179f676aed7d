import CoreTestSupport
import Testing

@testable import CloudEvents

/// Hostile input against `JSONEventFormat.Limits` (issue 8, part 2): each test sends ten times a
/// limit and checks the typed error and that the decoder's own memory stays bounded: the most
/// its thread held at once while decoding (`PeakMemory`, from the test process's allocation
/// counter), below what one copy of the input would cost. The input, allocated before measuring,
/// is excluded, and tests running beside it are not counted.
///
/// The format has limits for document size, nesting depth, batch length and the length of one
/// attribute value; `data` is bounded by the document size only.
@Suite("Limits: JSON event format", .serialized)
struct JSONFormatLimitsTests {
    static let head = #"{"specversion":"1.0","id":"1","source":"/s","type":"t""#
    static let minimal = head + "}"

    /// A document of `count` bytes: an event whose `id` fills it (so it would be a valid event
    /// if no size limit applied).
    static func oversizedEvent(count: Int) -> [UInt8] {
        let prefix = Array(#"{"specversion":"1.0","source":"/s","type":"t","id":""#.utf8)
        let suffix = Array(#""}"#.utf8)
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: count)
        bytes.replaceSubrange(0..<prefix.count, with: prefix)
        bytes.replaceSubrange((count - suffix.count)..<count, with: suffix)
        return bytes
    }

    @Test("a document of ten times maximumDocumentSize is refused before it is read")
    func documentSize() {
        let format = JSONEventFormat()
        let limit = format.limits.maximumDocumentSize
        #expect(limit == 16 << 20)
        let input = Self.oversizedEvent(count: 10 * limit)
        var error: CloudEventError?
        let growth = PeakMemory.growth { error = thrownCloudEventError { try format.decode(input) } }
        #expect(error?.code == .limitExceeded)
        #expect(error?.byteOffset == limit)
        PeakMemory.expect(growth, below: 64 << 10, "decode([UInt8]) of \(input.count) bytes")

        var batchError: CloudEventError?
        let batchGrowth = PeakMemory.growth { batchError = thrownCloudEventError { try format.decodeBatch(input) } }
        #expect(batchError?.code == .limitExceeded)
        #expect(batchError?.byteOffset == limit)
        PeakMemory.expect(batchGrowth, below: 64 << 10, "decodeBatch of \(input.count) bytes")

        // A slice takes the in-place path for any collection.
        var sliceError: CloudEventError?
        let sliceGrowth = PeakMemory.growth { sliceError = thrownCloudEventError { try format.decode(input[1...]) } }
        #expect(sliceError?.code == .limitExceeded)
        PeakMemory.expect(sliceGrowth, below: 64 << 10, "decode(ArraySlice) of \(input.count - 1) bytes")
    }

    @Test("a String of ten times maximumDocumentSize is refused without copying it")
    func documentSizeOfString() {
        let format = JSONEventFormat()
        let limit = format.limits.maximumDocumentSize
        let input = String(decoding: Self.oversizedEvent(count: 10 * limit), as: UTF8.self)
        var error: CloudEventError?
        let growth = PeakMemory.growth { error = thrownCloudEventError { try format.decode(input) } }
        #expect(error?.code == .limitExceeded)
        #expect(error?.byteOffset == limit)
        // Copying the text into an array before checking the size would cost 160 MiB here.
        PeakMemory.expect(growth, below: 64 << 10, "decode(String) of \(input.utf8.count) bytes")

        var batchError: CloudEventError?
        let batchGrowth = PeakMemory.growth { batchError = thrownCloudEventError { try format.decodeBatch(input) } }
        #expect(batchError?.code == .limitExceeded)
        PeakMemory.expect(batchGrowth, below: 64 << 10, "decodeBatch(String) of \(input.utf8.count) bytes")
    }

    @Test("JSON data nested ten times maximumDepth deep is refused at the first level too deep")
    func dataDepth() {
        let format = JSONEventFormat()
        let limit = format.limits.maximumDepth
        #expect(limit == 64)
        let prefix = Self.head + #","data":"#
        let deep = String(repeating: "[", count: 10 * limit) + String(repeating: "]", count: 10 * limit)
        let input = Array((prefix + deep + "}").utf8)
        var error: CloudEventError?
        let growth = PeakMemory.growth { error = thrownCloudEventError { try format.decode(input) } }
        #expect(error?.code == .limitExceeded)
        // The event object is level 1, so the 64th '[' is level 65.
        #expect(error?.byteOffset == prefix.utf8.count + limit - 1)
        PeakMemory.expect(growth, below: 64 << 10, "decoding \(10 * limit) levels")

        let objects =
            String(repeating: #"{"a":"#, count: 10 * limit) + "1" + String(repeating: "}", count: 10 * limit)
        let objectError = thrownCloudEventError { try format.decode(prefix + objects + "}") }
        #expect(objectError?.code == .limitExceeded)
        #expect(objectError?.byteOffset == prefix.utf8.count + 5 * (limit - 1))
    }

    @Test("in a batch, the same nesting is refused at the same level, naming the event")
    func batchDepth() {
        let format = JSONEventFormat()
        let limit = format.limits.maximumDepth
        let deep = String(repeating: "[", count: 10 * limit) + String(repeating: "]", count: 10 * limit)
        let first = "[" + Self.minimal + ","
        let prefix = first + Self.head + #","data":"#
        let input = Array((prefix + deep + "}]").utf8)
        var error: CloudEventError?
        let growth = PeakMemory.growth { error = thrownCloudEventError { try format.decodeBatch(input) } }
        #expect(error?.code == .limitExceeded)
        #expect(error?.index == 1)
        // Depth counts from the event object in a batch too: the 64th '[' is level 65.
        #expect(error?.byteOffset == prefix.utf8.count + limit - 1)
        PeakMemory.expect(growth, below: 64 << 10, "decoding \(10 * limit) levels in a batch")
    }

    @Test("a batch of ten times maximumBatchLength events stops at the limit")
    func batchLength() {
        let limit = 1_000
        // Events of 4 KiB each, so that decoding all of them would cost ten times what the
        // limit allows: the bound below sits between the two.
        let data = "\"" + String(repeating: "x", count: 4096) + "\""
        let event = Self.head + #","datacontenttype":"text/plain","data":"# + data + "}"
        let input = Array(("[" + Array(repeating: event, count: 10 * limit).joined(separator: ",") + "]").utf8)
        let format = JSONEventFormat(limits: .init(maximumDocumentSize: input.count, maximumBatchLength: limit))
        var error: CloudEventError?
        let growth = PeakMemory.growth { error = thrownCloudEventError { try format.decodeBatch(input) } }
        #expect(error?.code == .limitExceeded)
        // Where event 1,000 (counting from 0) would start, and its index.
        #expect(error?.byteOffset == 1 + limit * (event.utf8.count + 1))
        #expect(error?.index == limit)
        // Decoding stops after `limit` events (about 4 MiB of text), not after all 40 MiB.
        PeakMemory.expect(growth, below: 8 << 20, "a batch of \(10 * limit) events of 4 KiB")

        let atLimit = Array(("[" + Array(repeating: Self.minimal, count: limit).joined(separator: ",") + "]").utf8)
        let decodedCount = try? format.decodeBatch(atLimit).count
        #expect(decodedCount == limit)
    }
}

/// `maximumAttributeLength` and the clamp of `maximumDocumentSize`.
@Suite("Limits: JSON attribute length and document size cap", .serialized)
struct JSONAttributeLengthTests {
    static let head = JSONFormatLimitsTests.head

    /// A JSON string literal holding `count` × "é", each written as the escape `\u00e9` (six bytes
    /// that unescape to two).
    static func escapedAcutes(_ count: Int) -> String {
        "\"" + String(repeating: #"\u00e9"#, count: count) + "\""
    }

    /// A JSON string literal holding `count` × "A", each written as the escape `\u0041` (six bytes
    /// that unescape to one).
    static func escapedLetters(_ count: Int) -> String {
        "\"" + String(repeating: #"\u0041"#, count: count) + "\""
    }

    @Test("a context attribute or extension of ten times maximumAttributeLength is refused, naming it and its offset")
    func tenTimesTheLimit() {
        let format = JSONEventFormat()
        let limit = format.limits.maximumAttributeLength
        #expect(limit == 64 << 10)
        let plain = "\"" + String(repeating: "a", count: 10 * limit) + "\""
        // Escaped: 10 × limit bytes once unescaped, written in 60 × limit bytes (or 30 ×).
        let escaped = Self.escapedLetters(10 * limit)
        let cases = [
            ("subject", escaped), ("subject", plain), ("comexampleext", plain),
            ("ext", Self.escapedAcutes(5 * limit)),
        ]
        for (attribute, value) in cases {
            let prefix = Self.head + ",\"\(attribute)\":"
            let input = Array((prefix + value + "}").utf8)
            var error: CloudEventError?
            let growth = PeakMemory.growth { error = thrownCloudEventError { try format.decode(input) } }
            #expect(error?.code == .limitExceeded, "\(attribute)")
            #expect(error?.attribute == attribute)
            #expect(error?.byteOffset == prefix.utf8.count, "the value's opening quote")
            #expect(error?.message.contains("\(10 * limit) bytes") == true, "counted after unescaping")
            // Decoding the value before refusing it would cost a copy of it: at least 640 KiB.
            PeakMemory.expect(growth, below: 64 << 10, "\(attribute) of \(input.count) bytes")
        }
    }

    @Test("in a batch, the same value is refused naming the event's index, the attribute and the batch offset")
    func tenTimesTheLimitInABatch() {
        let format = JSONEventFormat()
        let limit = format.limits.maximumAttributeLength
        let prefix = "[" + JSONFormatLimitsTests.minimal + "," + Self.head + #","ext":"#
        let input = Array((prefix + Self.escapedAcutes(5 * limit) + "}]").utf8)
        var error: CloudEventError?
        let growth = PeakMemory.growth { error = thrownCloudEventError { try format.decodeBatch(input) } }
        #expect(error?.code == .limitExceeded)
        #expect(error?.index == 1)
        #expect(error?.attribute == "ext")
        #expect(error?.byteOffset == prefix.utf8.count)
        // Unescaping the value before refusing it would cost 640 KiB.
        PeakMemory.expect(growth, below: 64 << 10, "a batch of \(input.count) bytes")
    }

    @Test("the limit counts unescaped bytes: exactly the limit passes however it is escaped, one more does not")
    func countsUnescapedBytes() throws {
        let format = JSONEventFormat(limits: .init(maximumAttributeLength: 1000))
        // 500 × "é" is 1,000 bytes, written as 3,000.
        let atLimit = try format.decode(Self.head + #","subject":"# + Self.escapedAcutes(500) + "}")
        #expect(atLimit.subject?.utf8.count == 1000)
        // A surrogate pair (12 bytes written) is one 4-byte scalar: 996 + 4 is the limit too.
        let pair = "\"" + String(repeating: "a", count: 996) + #"\ud83d\ude00"# + "\""
        #expect(throws: Never.self) { try format.decode(Self.head + #","ext":"# + pair + "}") }
        let over = thrownCloudEventError {
            try format.decode(Self.head + #","ext":""# + String(repeating: "a", count: 1001) + "\"}")
        }
        #expect(over?.code == .limitExceeded)
        #expect(over?.attribute == "ext")
        let overEscaped = thrownCloudEventError {
            try format.decode(Self.head + #","subject":"# + String(Self.escapedAcutes(500).dropLast()) + "a\"}")
        }
        #expect(overEscaped?.attribute == "subject")
    }

    @Test("data and data_base64 are not attributes: only the document size bounds them")
    func dataIsNotAnAttribute() throws {
        let format = JSONEventFormat(limits: .init(maximumAttributeLength: 1000))
        let text = String(repeating: "x", count: 10_000)
        let event = try format.decode(
            Self.head + #","datacontenttype":"text/plain","data":""# + text + "\"}")
        #expect(event.data == .text(text))
        let base64 = String(repeating: "QUJD", count: 2_500)
        let binary = try format.decode(Self.head + #","data_base64":""# + base64 + "\"}")
        #expect(binary.data == .binary(Array(repeating: Array("ABC".utf8), count: 2_500).flatMap { $0 }))
    }

    @Test("maximumDocumentSize stays at most 1 GiB however it is set: in init and by assignment")
    func documentSizeCap() {
        #expect(JSONEventFormat.Limits.documentSizeCap == 1 << 30)
        #expect(JSONEventFormat.Limits(maximumDocumentSize: 4 << 30).maximumDocumentSize == 1 << 30)
        var limits = JSONEventFormat.Limits()
        // Beyond 2 GiB, offsets into the document would collide with those of unescaped bytes.
        limits.maximumDocumentSize = 4 << 30
        #expect(limits.maximumDocumentSize == 1 << 30)
        limits.maximumDocumentSize = 1000
        #expect(limits.maximumDocumentSize == 1000)
        var format = JSONEventFormat()
        format.limits.maximumDocumentSize = Int.max
        #expect(format.limits.maximumDocumentSize == 1 << 30)
    }
}
