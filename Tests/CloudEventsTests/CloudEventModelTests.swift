import CoreTestSupport
import Testing

@testable import CloudEvents

@Suite("CloudEvent: the value type and its attributes")
struct CloudEventModelTests {
    @Test("creating an event is one line; id defaults to a UUID v4, time stays absent")
    func oneLineCreation() {
        let event = CloudEvent(source: "/orders", type: "com.example.order.created")
        #expect(event.specVersion == .v1_0)
        #expect(event.id.utf8.count == 36)
        #expect(Array(event.id.utf8)[14] == UInt8(ascii: "4"))
        #expect(event.time == nil)
        #expect(event.validationErrors.isEmpty)
        #expect(CloudEvent(source: "/a", type: "t").id != CloudEvent(source: "/a", type: "t").id)
    }

    @Test("a caller's own id and time are kept")
    func explicitIDAndTime() throws {
        let time = try Timestamp(parsing: "2018-04-05T03:56:24Z")
        let event = CloudEvent(id: "my-id", source: "/s", type: "t", time: time)
        #expect(event.id == "my-id")
        #expect(event.time == time)
    }

    @Test("the event is a Sendable, Hashable value")
    func valueSemantics() {
        var first = CloudEvent(id: "1", source: "/s", type: "t", extensions: ["a": .integer(1), "b": .boolean(true)])
        let copy = first
        first.subject = "changed"
        #expect(copy.subject == nil)
        #expect(first != copy)
        let reordered = CloudEvent(id: "1", source: "/s", type: "t", extensions: ["b": .boolean(true), "a": .integer(1)])
        #expect(copy == reordered, "extension order does not affect equality")
        #expect(Set([copy, reordered]).count == 1, "nor the hash")
        let sendable: any Sendable = copy
        _ = sendable
    }

    @Test("extension values keep their type through set and get", arguments: [
        CloudEventAttributeValue.boolean(false), .integer(Int32.min), .integer(Int32.max), .string("zoë 🌎"),
        .binary([0, 1, 255]), .uri("https://example.com/x"), .uriReference("../x?y#z"),
    ])
    func extensionTypesSurvive(value: CloudEventAttributeValue) {
        var event = CloudEvent(source: "/s", type: "t")
        event[extension: "myext"] = value
        #expect(event[extension: "myext"] == value)
        #expect(event[extension: "myext"]?.type == value.type)
        #expect(event.attribute("myext") == value)
        event[extension: "myext"] = nil
        #expect(event[extension: "myext"] == nil)
    }

    @Test("every attribute, core or extension, reads by name with its type")
    func readByName() throws {
        let time = try Timestamp(parsing: "2024-05-20T14:23:18.120Z")
        let event = CloudEvent(
            id: "1", source: "/s", type: "t", subject: "sub", time: time, dataContentType: "text/plain",
            dataSchema: "https://example.com/schema", extensions: ["count": .integer(7)])
        #expect(event.attribute("specversion") == .string("1.0"))
        #expect(event.attribute("id") == .string("1"))
        #expect(event.attribute("source") == .uriReference("/s"))
        #expect(event.attribute("type") == .string("t"))
        #expect(event.attribute("subject") == .string("sub"))
        #expect(event.attribute("time") == .timestamp(time))
        #expect(event.attribute("datacontenttype") == .string("text/plain"))
        #expect(event.attribute("dataschema") == .uri("https://example.com/schema"))
        #expect(event.attribute("count") == .integer(7))
        #expect(event.attribute("absent") == nil)
        #expect(event.attributes.map(\.name) == ["specversion", "id", "source", "type", "subject", "time",
            "datacontenttype", "dataschema", "count"])
    }

    @Test("core attributes set by name take their type or its canonical string")
    func writeByName() throws {
        var event = CloudEvent(source: "/s", type: "t")
        try event.setAttribute("time", to: .string("2024-05-20T14:23:18.120+08:00"))
        #expect(event.time?.rfc3339 == "2024-05-20T14:23:18.120+08:00")
        try event.setAttribute("id", to: .string("new"))
        #expect(event.id == "new")
        try event.setAttribute("dataschema", to: .uri("https://example.com/s"))
        #expect(event.dataSchema == "https://example.com/s")
        try event.setAttribute("subject", to: nil)
        try event.setAttribute("specversion", to: .string("0.3"))
        #expect(event.specVersion == .v0_3)
        try event.setAttribute("ext1", to: .integer(5))
        #expect(event[extension: "ext1"] == .integer(5))
    }

    @Test("setting by name fails clearly")
    func writeByNameErrors() {
        var event = CloudEvent(source: "/s", type: "t")
        #expect(cloudEventError { try event.setAttribute("time", to: .boolean(true)) }?.code == .attributeTypeMismatch)
        #expect(cloudEventError { try event.setAttribute("time", to: .string("yesterday")) }?.code == .invalidTimestamp)
        #expect(cloudEventError { try event.setAttribute("dataschema", to: .string("not a uri")) }?.code
            == .invalidAttributeValue)
        #expect(cloudEventError { try event.setAttribute("id", to: nil) }?.code == .missingAttribute)
        #expect(cloudEventError { try event.setAttribute("Bad", to: .integer(1)) }?.code == .invalidAttributeName)
        #expect(cloudEventError { try event.setAttribute("data", to: .integer(1)) }?.code == .invalidAttributeName)
        let unknown = cloudEventError { try event.setAttribute("specversion", to: .string("2.0")) }
        #expect(unknown?.code == .unknownSpecVersion)
        #expect(unknown?.message.contains("\"2.0\"") == true)
    }

    @Test("adding a large extension to a small event keeps every value intact (compaction never moves a pending value)")
    func largeValueOnSmallEvent() throws {
        var event = CloudEvent(id: "1", source: "/s", type: "t")
        let big = String(repeating: "x", count: 5000)
        event[extension: "big"] = .string(big)
        event[extension: "other"] = .binary(Array(repeating: 7, count: 3000))
        event[extension: "big"] = .string(big + "y")
        event.subject = String(repeating: "s", count: 4000)
        #expect(event[extension: "big"] == .string(big + "y"))
        #expect(event[extension: "other"] == .binary(Array(repeating: 7, count: 3000)))
        #expect(event.id == "1" && event.source == "/s" && event.type == "t")
        #expect(event.validationErrors.isEmpty)
        #expect(event.storage.text.count < 3 * (5001 + 3000 + 4000 + 32))
    }

    @Test("attribute text is compacted when replaced values pile up")
    func storageStaysBounded() {
        var event = CloudEvent(source: "/s", type: "t")
        for index in 0..<10_000 {
            event.subject = "subject number \(index) with some padding to grow the buffer"
        }
        #expect(event.subject == "subject number 9999 with some padding to grow the buffer")
        #expect(event.storage.text.count < 4096)
        #expect(event.validationErrors.isEmpty)
    }
}

@Suite("Attribute values: the type system's canonical strings")
struct AttributeValueTests {
    @Test("canonical strings", arguments: [
        (CloudEventAttributeValue.boolean(true), "true"), (.boolean(false), "false"), (.integer(-2_147_483_648), "-2147483648"),
        (.integer(2_147_483_647), "2147483647"), (.integer(0), "0"), (.binary([0x66, 0x6F, 0x6F]), "Zm9v"),
        (.binary([]), ""), (.uri("urn:x"), "urn:x"), (.string("a b"), "a b"),
    ])
    func canonical(value: CloudEventAttributeValue, text: String) throws {
        #expect(value.canonicalString == text)
        #expect(try CloudEventAttributeValue(canonicalString: text, as: value.type) == value)
    }

    @Test("Integer is exactly Int32: out of range never wraps or widens", arguments: [
        "2147483648", "-2147483649", "99999999999999999999",
    ])
    func integerRange(text: String) {
        let error = cloudEventError { try CloudEventAttributeValue(canonicalString: text, as: .integer, attribute: "n") }
        #expect(error?.code == .integerOutOfRange)
        #expect(error?.attribute == "n")
    }

    @Test("malformed canonical strings are typed errors", arguments: [
        ("1.5", CloudEventAttributeType.integer), ("1e3", .integer), ("", .integer), ("-", .integer), ("+1", .integer),
        ("True", .boolean), ("1", .boolean), ("Zm9", .binary), ("%%", .binary), ("/relative", .uri),
        ("http://a b", .uriReference), ("2024-13-01T00:00:00Z", .timestamp),
    ])
    func malformed(text: String, type: CloudEventAttributeType) {
        let error = cloudEventError { try CloudEventAttributeValue(canonicalString: text, as: type, attribute: "x") }
        #expect(error != nil)
        #expect(error?.attribute == "x")
    }

    @Test("typed reads of String values convert or fail clearly")
    func typedReads() throws {
        #expect(try CloudEventAttributeValue.string("42").integerValue() == 42)
        #expect(try CloudEventAttributeValue.string("true").booleanValue() == true)
        #expect(try CloudEventAttributeValue.string("2018-04-05T03:56:24Z").timestampValue().year == 2018)
        #expect(try CloudEventAttributeValue.string("Zm9v").binaryValue() == [0x66, 0x6F, 0x6F])
        #expect(try CloudEventAttributeValue.string("https://x").uriValue() == "https://x")
        #expect(try CloudEventAttributeValue.uri("https://x").uriReferenceValue() == "https://x")
        #expect(cloudEventError { try CloudEventAttributeValue.boolean(true).integerValue() }?.code == .attributeTypeMismatch)
        #expect(cloudEventError { try CloudEventAttributeValue.string("yes").booleanValue() } != nil)
        #expect(try CloudEventAttributeValue.integer(5).converted(to: .string) == .string("5"))
    }
}
