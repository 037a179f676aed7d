import CloudEvents
import CoreTestSupport
import Testing

/// The header decoder's typed read, for bindings whose fields carry a type (AMQP).
@Suite("Binary mode over typed fields: kinds kept, core attributes as text, the byte read's checks")
struct HeaderSchemeTypedReadTests {
    static let scheme = CloudEventHeaderScheme(
        prefix: "cloudEvents_", valueCoding: .utf8, contentTypeHeader: "content-type", fieldNoun: "application property"
    )

    static func decode(
        _ fields: [(String, CloudEventAttributeValue)], body: [UInt8] = [], contentType: String? = nil,
        limits: CloudEventHeaderDecoder.Limits = .init()
    ) throws -> CloudEvent {
        var decoder = CloudEventHeaderDecoder(scheme: scheme, limits: limits)
        if let contentType { try decoder.read(name: "content-type", value: contentType) }
        for (name, value) in fields { try decoder.read(name: name, typedValue: value) }
        return try decoder.finish(body: body[...])
    }

    static let required: [(String, CloudEventAttributeValue)] = [
        ("cloudEvents_specversion", .string("1.0")), ("cloudEvents_id", .string("1")),
        ("cloudEvents_source", .uriReference("/s")), ("cloudEvents_type", .string("t")),
    ]

    @Test("extensions keep their type; core attributes take text as it is (no percent-decoding)")
    func kinds() throws {
        let time = try Timestamp(parsing: "2024-05-06T07:08:09.123456789+08:00")
        let event = try Self.decode(
            Self.required + [
                ("cloudEvents_subject", .string("a%20b ü")), ("cloudEvents_time", .timestamp(time)),
                ("cloudEvents_flag", .boolean(false)), ("cloudEvents_count", .integer(-7)),
                ("cloudEvents_blob", .binary([0, 255])), ("cloudEvents_when", .timestamp(time)),
                ("cloudEvents_text", .string("42")), ("cloudEvents_site", .uri("https://example.com")),
                ("cloudEvents_ref", .uriReference("/x")), ("other", .boolean(true)),
            ], body: Array("hi".utf8), contentType: "text/plain")
        #expect(event.subject == "a%20b ü")
        #expect(event.time == time)
        #expect(event.dataContentType == "text/plain")
        #expect(event[extension: "flag"] == .boolean(false))
        #expect(event[extension: "count"] == .integer(-7))
        #expect(event[extension: "blob"] == .binary([0, 255]))
        #expect(event[extension: "when"] == .timestamp(time))
        #expect(event[extension: "text"] == .string("42"))
        #expect(event[extension: "site"] == .uri("https://example.com"))
        #expect(event[extension: "ref"] == .uriReference("/x"))
        #expect(event[extension: "other"] == nil)
        #expect(event.data == .text("hi"))
    }

    @Test("time as text is parsed, and kept exactly")
    func timeAsText() throws {
        let event = try Self.decode(Self.required + [("cloudEvents_time", .string("2024-05-06t07:08:09.000z"))])
        #expect(event.time?.rfc3339 == "2024-05-06t07:08:09.000z")
        let bad = cloudEventError { try Self.decode(Self.required + [("cloudEvents_time", .string("yesterday"))]) }
        #expect(bad?.code == .invalidTimestamp)
        #expect(bad?.attribute == "time")
    }

    @Test("a core attribute of another type is refused, naming the field and the attribute's type")
    func coreTypeMismatch() {
        let cases: [(String, CloudEventAttributeValue, String)] = [
            ("cloudEvents_id", .boolean(true), "application property cloudEvents_id carries a Boolean; id is a String"),
            (
                "cloudEvents_time", .integer(5),
                "application property cloudEvents_time carries an Integer; time is a Timestamp"
            ),
            (
                "cloudEvents_source", .binary([1]),
                "application property cloudEvents_source carries a Binary; source is a URI-reference"
            ),
            (
                "cloudEvents_dataschema", .timestamp(HeaderSchemeTests.time),
                "application property cloudEvents_dataschema carries a Timestamp; dataschema is a URI"
            ),
        ]
        for (name, value, message) in cases {
            let fields = Self.required.filter { $0.0 != name } + [(name, value)]
            let error = cloudEventError { try Self.decode(fields) }
            #expect(error?.code == .attributeTypeMismatch)
            #expect(error?.message == message)
        }
    }

    @Test("duplicates, names, datacontenttype and limits as in the byte read")
    func checks() {
        let duplicate = cloudEventError {
            try Self.decode(Self.required + [("cloudEvents_x", .integer(1)), ("cloudEvents_x", .string("1"))])
        }
        #expect(duplicate?.message == "application property cloudEvents_x appears more than once")
        let duplicateCore = cloudEventError { try Self.decode(Self.required + [("cloudEvents_id", .string("2"))]) }
        #expect(duplicateCore?.message == "application property cloudEvents_id appears more than once")
        let badName = cloudEventError { try Self.decode(Self.required + [("cloudEvents_Big", .boolean(true))]) }
        #expect(badName?.code == .invalidAttributeName)
        #expect(badName?.attribute == "Big")
        let contentType = cloudEventError {
            try Self.decode(Self.required + [("cloudEvents_datacontenttype", .string("text/plain"))])
        }
        #expect(
            contentType?.message
                == "binary mode carries datacontenttype in content-type; an application property"
                + " cloudEvents_datacontenttype must not be present")
        // Values count with their canonical size: 3 bytes of Binary are 4 of Base64, 9 are 12.
        let limits = CloudEventHeaderDecoder.Limits(maximumHeaderCount: 8, maximumValueBytes: 14)
        let withinLimit = [("cloudEvents_b", CloudEventAttributeValue.binary([0, 0, 0]))]
        #expect(throws: Never.self) {
            _ = try Self.decode(
                [("cloudEvents_specversion", .string("1.0")), ("cloudEvents_id", .string("1"))] + withinLimit
                    + [("cloudEvents_source", .string("/")), ("cloudEvents_type", .string("t"))], limits: limits)
        }
        let overBytes = cloudEventError {
            try Self.decode(
                [
                    ("cloudEvents_specversion", .string("1.0")),
                    ("cloudEvents_b", .binary(Array(repeating: 0, count: 9))),
                ],
                limits: limits)
        }
        #expect(overBytes?.code == .limitExceeded)
        #expect(overBytes?.attribute == "b")
        let overCount = cloudEventError {
            try Self.decode(
                (0..<9).map { ("cloudEvents_e\($0)", CloudEventAttributeValue.boolean(true)) },
                limits: .init(maximumHeaderCount: 8))
        }
        #expect(overCount?.code == .limitExceeded)
        #expect(
            overCount?.message
                == "application property cloudEvents_e8 is attribute application property 9, over the limit of 8")
    }

    @Test("the version-dependent attributes take text only, whatever the version")
    func versionDependent() {
        for name in ["schemaurl", "dataschema", "datacontentencoding"] {
            let error = cloudEventError { try Self.decode(Self.required + [("cloudEvents_" + name, .integer(1))]) }
            #expect(error?.code == .attributeTypeMismatch)
            #expect(error?.attribute == name)
        }
    }

    @Test("typed and byte reads mix in one message")
    func mixed() throws {
        var decoder = CloudEventHeaderDecoder(scheme: Self.scheme)
        try decoder.read(name: "cloudEvents_specversion", value: "1.0")
        try decoder.read(name: "cloudEvents_id", typedValue: .string("1"))
        try decoder.read(name: "cloudEvents_source", value: "/s")
        try decoder.read(name: "cloudEvents_type", typedValue: .string("t"))
        #expect(try decoder.read(name: "unrelated", typedValue: .string("x")) == false)
        let event = try decoder.finish(body: [])
        #expect(event.id == "1")
    }
}
