import CloudEvents
import CoreTestSupport
import HTTPTypes
import Testing

@testable import CloudEventsHTTP

/// Hostile messages against `HTTPEventDecoder.Limits` and the JSON format's limits behind it
/// (issue 8, part 2): each test sends ten times a limit and checks the typed error and that the
/// decoder's own memory stays bounded: the most its thread held at once while decoding
/// (`PeakMemory`), below what one copy of the input would cost. The message, built before
/// measuring, is excluded, and tests running beside it are not counted.
///
/// The decoder limits the body size, the number of `ce-` header fields and the total size of
/// their values. It does not limit other header fields (`Content-Type` included), which is the
/// HTTP server's job, nor the length of one value beyond the total.
@Suite("Limits: HTTP binding", .serialized)
struct HTTPLimitsTests {
    let decoder = HTTPEventDecoder()

    static let required: [(String, String)] = [
        ("ce-specversion", "1.0"), ("ce-id", "1"), ("ce-source", "/s"), ("ce-type", "t"),
    ]

    static func fields(_ pairs: [(String, String)]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in pairs {
            guard let name = HTTPField.Name(name) else {
                Issue.record("invalid field name \(name)")
                continue
            }
            fields.append(HTTPField(name: name, value: value))
        }
        return fields
    }

    @Test("a body of ten times maximumBodySize is refused in every mode before it is read")
    func bodySize() {
        let limit = decoder.limits.maximumBodySize
        #expect(limit == 16 << 20)
        let body = [UInt8](repeating: UInt8(ascii: " "), count: 10 * limit)
        let messages: [(String, HTTPFields)] = [
            ("binary", Self.fields(Self.required + [("content-type", "application/json")])),
            ("structured", Self.fields([("content-type", "application/cloudevents+json")])),
            ("batch", Self.fields([("content-type", "application/cloudevents-batch+json")])),
        ]
        for (mode, fields) in messages {
            var error: CloudEventError?
            let growth = PeakMemory.growth {
                error = thrownCloudEventError { try decoder.decode(headerFields: fields, body: body) }
            }
            #expect(error?.code == .limitExceeded, "\(mode)")
            #expect(error?.attribute == "data", "\(mode)")
            PeakMemory.expect(growth, below: 64 << 10, "\(mode) mode, body of \(body.count) bytes")
        }
    }

    @Test("ten times maximumAttributeFieldCount ce- header fields are refused")
    func headerCount() {
        let limit = decoder.limits.maximumAttributeFieldCount
        #expect(limit == 128)
        let extensions = (0..<(10 * limit)).map { ("ce-x\($0)", "value\($0)") }
        let fields = Self.fields(Self.required + extensions)
        var error: CloudEventError?
        let growth = PeakMemory.growth {
            error = thrownCloudEventError { try decoder.decodeEvent(headerFields: fields, body: []) }
        }
        #expect(error?.code == .limitExceeded)
        // The 129th ce- field: the 125th extension after the four required attributes.
        #expect(error?.attribute == "x124")
        PeakMemory.expect(growth, below: 64 << 10, "\(fields.count) header fields")

        let atLimit = Self.fields(Self.required + extensions.prefix(limit - Self.required.count))
        #expect(throws: Never.self) { try decoder.decodeEvent(headerFields: atLimit, body: []) }
    }

    @Test("ce- header values of ten times maximumAttributeFieldBytes are refused before decoding")
    func headerBytes() {
        let limit = decoder.limits.maximumAttributeFieldBytes
        #expect(limit == 64 << 10)
        // One value ten times the limit (percent-encoded, so decoding would also allocate)...
        let huge = String(repeating: "%41", count: 10 * limit / 3)
        let one = Self.fields([("ce-specversion", "1.0"), ("ce-id", huge), ("ce-source", "/s"), ("ce-type", "t")])
        // ...and ten values that each fit but add up to ten times the limit.
        let share = String(repeating: "v", count: limit)
        let many = Self.fields(Self.required + (0..<10).map { ("ce-x\($0)", share) })
        // The field that crossed the limit: ce-id itself; ce-x0, the first share after 7 bytes.
        for (what, fields, attribute) in [("one value", one, "id"), ("ten values", many, "x0")] {
            var error: CloudEventError?
            let growth = PeakMemory.growth {
                error = thrownCloudEventError { try decoder.decodeEvent(headerFields: fields, body: []) }
            }
            #expect(error?.code == .limitExceeded, "\(what)")
            #expect(error?.attribute == attribute, "\(what)")
            PeakMemory.expect(growth, below: 64 << 10, "\(what) of ce- header values")
        }
        let atLimit = Self.fields(
            Self.required + [
                ("ce-x", String(repeating: "v", count: limit - Self.required.map(\.1.utf8.count).reduce(0, +)))
            ])
        #expect(throws: Never.self) { try decoder.decodeEvent(headerFields: atLimit, body: []) }
    }

    @Test("a batch-mode message of ten times maximumBatchLength events is refused")
    func batchLength() {
        let limit = 1_000
        let event =
            #"{"specversion":"1.0","id":"1","source":"/s","type":"t","data":"# + "\""
            + String(repeating: "x", count: 4096) + "\"}"
        let body = Array(("[" + Array(repeating: event, count: 10 * limit).joined(separator: ",") + "]").utf8)
        let decoder = HTTPEventDecoder(
            format: JSONEventFormat(limits: .init(maximumDocumentSize: body.count, maximumBatchLength: limit)),
            limits: .init(maximumBodySize: body.count))
        let fields = Self.fields([("content-type", "application/cloudevents-batch+json")])
        var error: CloudEventError?
        let growth = PeakMemory.growth {
            error = thrownCloudEventError { try decoder.decode(headerFields: fields, body: body) }
        }
        #expect(error?.code == .limitExceeded)
        #expect(error?.byteOffset == 1 + limit * (event.utf8.count + 1))
        #expect(error?.index == limit)
        PeakMemory.expect(growth, below: 8 << 20, "a batch of \(10 * limit) events of 4 KiB")
    }

    @Test("a binary-mode JSON body nested ten times maximumDepth deep is a limit error")
    func binaryBodyDepth() {
        let limit = decoder.format.limits.maximumDepth
        let body = Array(
            (String(repeating: "[", count: 10 * limit) + String(repeating: "]", count: 10 * limit)).utf8)
        let fields = Self.fields(Self.required + [("content-type", "application/json")])
        var error: CloudEventError?
        let growth = PeakMemory.growth {
            error = thrownCloudEventError { try decoder.decodeEvent(headerFields: fields, body: body) }
        }
        // The body is checked as an event's data (level 2 and deeper), as in structured mode, and
        // the depth limit stays a limit error rather than becoming invalid data.
        #expect(error?.code == .limitExceeded)
        #expect(error?.attribute == "data")
        #expect(error?.byteOffset == limit - 1)
        PeakMemory.expect(growth, below: 64 << 10, "a body of \(10 * limit) levels")
    }

    @Test("a structured-mode event nested ten times maximumDepth deep is a limit error")
    func structuredDepth() {
        let limit = decoder.format.limits.maximumDepth
        let prefix = #"{"specversion":"1.0","id":"1","source":"/s","type":"t","data":"#
        let body = Array(
            (prefix + String(repeating: "[", count: 10 * limit) + String(repeating: "]", count: 10 * limit) + "}")
                .utf8)
        let fields = Self.fields([("content-type", "application/cloudevents+json")])
        var error: CloudEventError?
        let growth = PeakMemory.growth {
            error = thrownCloudEventError { try decoder.decodeEvent(headerFields: fields, body: body) }
        }
        #expect(error?.code == .limitExceeded)
        #expect(error?.byteOffset == prefix.utf8.count + limit - 1)
        PeakMemory.expect(growth, below: 64 << 10, "a structured event of \(10 * limit) levels")
    }
}
