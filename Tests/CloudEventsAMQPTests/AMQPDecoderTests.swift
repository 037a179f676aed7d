import CloudEvents
import CloudEventsAMQP
import CoreTestSupport
import Testing

@Suite("AMQP binding, decoding: both prefixes, native and string forms, refused types, errors")
struct AMQPDecoderTests {
    typealias Property = AMQPMessage.ApplicationProperty

    static func required(_ prefix: String = "cloudEvents_") -> [Property] {
        [
            .init(name: prefix + "specversion", value: .string("1.0")), .init(name: prefix + "id", value: .string("1")),
            .init(name: prefix + "source", value: .string("/s")), .init(name: prefix + "type", value: .string("t")),
        ]
    }

    static func decode(_ extra: [Property], contentType: String? = nil, body: [UInt8]? = nil) throws -> CloudEvent {
        try AMQPEventDecoder().decode(
            AMQPMessage(
                properties: .init(contentType: contentType), applicationProperties: required() + extra, body: body))
    }

    static func error(_ extra: [Property], contentType: String? = nil, body: [UInt8]? = nil) -> CloudEventError? {
        cloudEventError { try decode(extra, contentType: contentType, body: body) }
    }

    @Test("the cloudEvents: prefix alone is binary mode too")
    func colonPrefix() throws {
        let message = AMQPMessage(
            properties: .init(contentType: "text/plain"),
            applicationProperties: Self.required("cloudEvents:") + [.init(name: "cloudEvents:x", value: .long(1))],
            body: Array("hé".utf8))
        #expect(try AMQPEventDecoder().mode(of: message) == .binary)
        let event = try AMQPEventDecoder().decode(message)
        #expect(event.id == "1")
        #expect(event[extension: "x"] == .integer(1))
        #expect(event.data == .text("hé"))
    }

    @Test("every type as its canonical string: text as sent, readable typed on request")
    func canonicalStrings() throws {
        let event = try Self.decode([
            .init(name: "cloudEvents_time", value: .string("2026-12-01T08:30:00.123456789+08:00")),
            .init(name: "cloudEvents_flag", value: .string("true")),
            .init(name: "cloudEvents_count", value: .string("-42")),
            .init(name: "cloudEvents_blob", value: .string("AAEC")),
            .init(name: "cloudEvents_site", value: .string("https://example.com/%20")),
            .init(name: "cloudEvents_at", value: .string("2026-12-01T08:30:00Z")),
            .init(name: "cloudEvents_note", value: .string("Grüße 🌍")),
        ])
        #expect(event.time?.rfc3339 == "2026-12-01T08:30:00.123456789+08:00")
        #expect(event[extension: "flag"] == .string("true"))
        #expect(try event[extension: "flag"]?.booleanValue(attribute: "flag") == true)
        #expect(try event[extension: "count"]?.integerValue(attribute: "count") == -42)
        #expect(try event[extension: "blob"]?.binaryValue(attribute: "blob") == [0, 1, 2])
        #expect(try event[extension: "site"]?.uriValue(attribute: "site") == "https://example.com/%20")
        #expect(try event[extension: "at"]?.timestampValue(attribute: "at").rfc3339 == "2026-12-01T08:30:00Z")
        #expect(event[extension: "note"] == .string("Grüße 🌍"))
    }

    @Test("native types: boolean, binary, timestamp; symbol is text, for a core attribute too")
    func nativeTypes() throws {
        let event = try AMQPEventDecoder().decode(
            AMQPMessage(applicationProperties: [
                .init(name: "cloudEvents_specversion", value: .symbol("1.0")),
                .init(name: "cloudEvents_id", value: .string("1")),
                .init(name: "cloudEvents_source", value: .string("/s")),
                .init(name: "cloudEvents_type", value: .symbol("com.example.t")),
                .init(name: "cloudEvents_time", value: .timestamp(-1)),
                .init(name: "cloudEvents_flag", value: .boolean(false)),
                .init(name: "cloudEvents_blob", value: .binary([9])),
                .init(name: "cloudEvents_kind", value: .symbol("amqp:sym")),
            ]))
        #expect(event.type == "com.example.t")
        #expect(event.time?.rfc3339 == "1969-12-31T23:59:59.999Z")
        #expect(event[extension: "flag"] == .boolean(false))
        #expect(event[extension: "blob"] == .binary([9]))
        #expect(event[extension: "kind"] == .string("amqp:sym"))
    }

    @Test(
        "every AMQP integer type is an Integer within range",
        arguments: [
            AMQPValue.long(-2_147_483_648), .long(2_147_483_647), .int(-5), .short(-300), .byte(-1), .ubyte(255),
            .ushort(65535), .uint(2_147_483_647), .ulong(0),
        ])
    func integers(value: AMQPValue) throws {
        let event = try Self.decode([.init(name: "cloudEvents_n", value: value)])
        guard case .integer(let number) = event[extension: "n"] else {
            Issue.record("not an Integer: \(String(describing: event[extension: "n"]))")
            return
        }
        let expected: Int64 =
            switch value {
            case .long(let v): v
            case .int(let v): Int64(v)
            case .short(let v): Int64(v)
            case .byte(let v): Int64(v)
            case .ubyte(let v): Int64(v)
            case .ushort(let v): Int64(v)
            case .uint(let v): Int64(v)
            case .ulong(let v): Int64(v)
            default: -1
            }
        #expect(Int64(number) == expected)
    }

    @Test("an integer outside the Integer range is refused, naming the property and the value")
    func integerOutOfRange() {
        let long = Self.error([.init(name: "cloudEvents_n", value: .long(2_147_483_648))])
        #expect(long?.code == .integerOutOfRange)
        #expect(long?.attribute == "n")
        #expect(
            long?.message
                == "application property cloudEvents_n carries the AMQP long 2147483648, outside the Integer range"
                + " -2147483648...2147483647")
        let ulong = Self.error([.init(name: "cloudEvents_n", value: .ulong(.max))])
        #expect(ulong?.message.contains("the AMQP ulong 18446744073709551615") == true)
        let uint = Self.error([.init(name: "cloudEvents_n", value: .uint(.max))])
        #expect(uint?.code == .integerOutOfRange)
    }

    @Test(
        "null, float, double, char and uuid have no CloudEvents type: refused, never converted",
        arguments: [
            (AMQPValue.null, "null"), (.float(1.5), "float"), (.double(2), "double"), (.char("é"), "char"),
            (.uuid(Array(repeating: 7, count: 16)), "uuid"),
        ])
    func refusedTypes(value: AMQPValue, name: String) {
        let error = Self.error([.init(name: "cloudEvents_x", value: value)])
        #expect(error?.code == .attributeTypeMismatch)
        #expect(error?.attribute == "x")
        #expect(
            error?.message
                == "application property cloudEvents_x carries an AMQP \(name), which the binding maps to no"
                + " CloudEvents type (boolean, long, string, binary or timestamp)")
        // For a core attribute as well.
        let core = cloudEventError {
            try AMQPEventDecoder().decode(
                AMQPMessage(
                    applicationProperties: Self.required().dropLast() + [.init(name: "cloudEvents_type", value: value)])
            )
        }
        #expect(core?.attribute == "type")
        #expect(core?.code == .attributeTypeMismatch)
    }

    @Test("a core attribute of another type is refused, naming the property, both types and the AMQP type")
    func coreTypeMismatch() {
        let id = cloudEventError {
            try AMQPEventDecoder().decode(
                AMQPMessage(applicationProperties: [
                    .init(name: "cloudEvents_specversion", value: .string("1.0")),
                    .init(name: "cloudEvents_id", value: .boolean(true)),
                ]))
        }
        #expect(id?.code == .attributeTypeMismatch)
        #expect(
            id?.message
                == "application property cloudEvents_id carries a Boolean; id is a String (it arrived as an AMQP boolean)"
        )
        // A time as a plain long of milliseconds is not an AMQP timestamp.
        let small = Self.error([.init(name: "cloudEvents_time", value: .long(5))])
        #expect(
            small?.message
                == "application property cloudEvents_time carries an Integer; time is a Timestamp (it arrived as an AMQP long)"
        )
        let time = Self.error([.init(name: "cloudEvents_time", value: .long(1_796_113_800_123))])
        #expect(time?.attribute == "time")
        #expect(
            time?.message
                == "application property cloudEvents_time carries an Integer; time is a Timestamp (it arrived as an AMQP"
                + " long 1796113800123)"
        )
        let version = cloudEventError {
            try AMQPEventDecoder().decode(
                AMQPMessage(applicationProperties: [.init(name: "cloudEvents_specversion", value: .binary([1]))]))
        }
        #expect(version?.attribute == "specversion")
        #expect(version?.code == .attributeTypeMismatch)
    }

    @Test("an AMQP timestamp outside the years 0000-9999 is refused, naming the property")
    func timestampOutOfRange() {
        for extreme in [Int64.min, -62_167_219_200_001, 253_402_300_800_000] {
            let error = Self.error([.init(name: "cloudEvents_at", value: .timestamp(extreme))])
            #expect(error?.code == .invalidTimestamp)
            #expect(error?.attribute == "at")
        }
        let error = Self.error([.init(name: "cloudEvents_time", value: .timestamp(.max))])
        #expect(error?.code == .invalidTimestamp)
        #expect(error?.attribute == "time")
        #expect(
            error?.message.hasPrefix(
                "application property cloudEvents_time carries the AMQP timestamp 9223372036854775807: ") == true)
    }

    @Test("one message, one separator: mixing cloudEvents_ and cloudEvents: is refused, naming the property")
    func mixedPrefixes() {
        let error = Self.error([.init(name: "cloudEvents:subject", value: .string("x"))])
        #expect(error?.code == .malformedInput)
        #expect(error?.attribute == "subject")
        #expect(
            error?.message
                == "application property cloudEvents:subject uses the prefix cloudEvents:, but this message's attributes"
                + " use cloudEvents_; one message uses one separator for all its attributes")
        let both = cloudEventError {
            try AMQPEventDecoder().decode(
                AMQPMessage(
                    applicationProperties: Self.required("cloudEvents:") + [
                        .init(name: "cloudEvents_specversion", value: .string("1.0"))
                    ]))
        }
        #expect(both?.code == .malformedInput)
    }

    @Test("a repeated application property name is refused, CloudEvents' or not")
    func repeatedNames() {
        let attribute = Self.error([
            .init(name: "cloudEvents_x", value: .long(1)), .init(name: "cloudEvents_x", value: .long(1)),
        ])
        #expect(attribute?.code == .malformedInput)
        #expect(attribute?.attribute == "x")
        #expect(
            attribute?.message
                == "application property cloudEvents_x appears more than once; the application-properties section is a map"
        )
        let other = Self.error([.init(name: "app", value: .long(1)), .init(name: "app", value: .string("1"))])
        #expect(other?.message.hasPrefix("application property app appears more than once") == true)
        // Names are compared as bytes: two spellings of é are two names.
        #expect(throws: Never.self) {
            _ = try Self.decode([.init(name: "caf\u{E9}", value: .null), .init(name: "cafe\u{301}", value: .null)])
        }
    }

    @Test("datacontenttype travels only as content-type: a cloudEvents_datacontenttype is refused, even when equal")
    func dataContentTypeProperty() {
        for contentType in ["text/plain", nil] {
            let error = Self.error(
                [.init(name: "cloudEvents_datacontenttype", value: .string("text/plain"))], contentType: contentType)
            #expect(error?.code == .malformedInput)
            #expect(error?.attribute == "datacontenttype")
            #expect(
                error?.message
                    == "binary mode carries datacontenttype in content-type; an application property"
                    + " cloudEvents_datacontenttype must not be present")
        }
    }

    @Test("other application properties are ignored, as are names that only resemble the prefix")
    func otherProperties() throws {
        let event = try Self.decode([
            .init(name: "content-type", value: .string("text/plain")), .init(name: "cloudevents_x", value: .long(1)),
            .init(name: "cloudEvents_", value: .long(1)),
            .init(name: "x-opt-trace", value: .uuid(Array(repeating: 0, count: 16))),
        ])
        #expect(event.extensionNames.isEmpty)
        #expect(event.dataContentType == nil)
    }

    @Test("not a CloudEvent, unknown formats, missing attributes")
    func notAnEvent() {
        let plain = AMQPMessage(properties: .init(contentType: "text/plain"), body: Array("x".utf8))
        let error = cloudEventError { try AMQPEventDecoder().mode(of: plain) }
        #expect(error?.code == .notACloudEvent)
        #expect(
            error?.message
                == "the message is not a CloudEvent: no cloudEvents_specversion or cloudEvents:specversion application"
                + " property, and content-type is not application/cloudevents")
        #expect(cloudEventError { try AMQPEventDecoder().decode(plain) }?.code == .notACloudEvent)
        let avro = AMQPMessage(properties: .init(contentType: "application/cloudevents+avro"), body: [1])
        let format = cloudEventError { try AMQPEventDecoder().decode(avro) }
        #expect(format?.code == .unsupportedFormat)
        #expect(
            format?.message
                == "content-type application/cloudevents+avro names a CloudEvents format this decoder does not support;"
                + " supported: application/cloudevents+json")
        let missing = cloudEventError {
            try AMQPEventDecoder().decode(AMQPMessage(applicationProperties: Array(Self.required().prefix(2))))
        }
        #expect(missing?.code == .invalidEvent)
        let badVersion = cloudEventError {
            try AMQPEventDecoder().decode(
                AMQPMessage(applicationProperties: [.init(name: "cloudEvents_specversion", value: .string("2.0"))]))
        }
        #expect(badVersion?.code == .unknownSpecVersion)
    }

    @Test("limits on the attribute properties and the JSON depth")
    func limits() {
        let decoder = AMQPEventDecoder(limits: .init(maximumHeaderCount: 5, maximumValueBytes: 64))
        let many = AMQPMessage(
            applicationProperties: Self.required() + [
                .init(name: "cloudEvents_a", value: .long(1)), .init(name: "cloudEvents_b", value: .long(2)),
            ])
        let count = cloudEventError { try decoder.decode(many) }
        #expect(count?.code == .limitExceeded)
        #expect(count?.attribute == "b")
        let big = AMQPMessage(
            applicationProperties: Self.required() + [
                .init(name: "cloudEvents_a", value: .binary(Array(repeating: 1, count: 48)))
            ])
        #expect(cloudEventError { try decoder.decode(big) }?.code == .limitExceeded)
        let deep = AMQPMessage(
            properties: .init(contentType: "application/json"), applicationProperties: Self.required(),
            body: Array((String(repeating: "[", count: 5) + String(repeating: "]", count: 5)).utf8))
        #expect(cloudEventError { try AMQPEventDecoder(maximumJSONDepth: 4).decode(deep) } != nil)
        #expect(throws: Never.self) { _ = try AMQPEventDecoder().decode(deep) }
    }

    @Test("data is checked against datacontenttype; an empty or absent data section is no data")
    func data() throws {
        let bad = Self.error([], contentType: "application/json", body: Array("{".utf8))
        #expect(bad?.code == .invalidData)
        #expect(try Self.decode([], contentType: "text/plain", body: []).data == nil)
        #expect(try Self.decode([], contentType: "text/plain", body: nil).data == nil)
        let json = try Self.decode([], contentType: "application/json; charset=utf-8", body: Array(#"{"a":"ü"}"#.utf8))
        #expect(json.data == .json(#"{"a":"ü"}"#))
        #expect(json.dataContentType == "application/json; charset=utf-8")
    }

    @Test("structured mode ignores the application properties, and checks the body")
    func structured() throws {
        let event = CloudEvent(id: "1", source: "/s", type: "t")
        var message = try AMQPEventEncoder(mode: .structured).encode(event)
        message.applicationProperties = [.init(name: "cloudEvents_id", value: .string("other"))]
        #expect(try AMQPEventDecoder().decode(message) == event)
        message.body = Array("{".utf8)
        #expect(cloudEventError { try AMQPEventDecoder().decode(message) } != nil)
        message.body = nil
        #expect(cloudEventError { try AMQPEventDecoder().decode(message) } != nil)
    }
}
