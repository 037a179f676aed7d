import CloudEvents
import CloudEventsAMQP
import CloudEventsHTTP
import CloudEventsKafka
import CloudEventsMQTT
import CloudEventsNATS
import HTTPTypes

// Each binding's message as the JSON object `encode` prints and `decode` reads: every byte field
// Base64, text as strings, lists of pairs in order.

extension KafkaMessage {
    /// `{"key": b64|null, "headers": [[name, b64], ...], "value": b64|null}`.
    var wireJSON: WireJSON {
        .object([
            ("key", .bytes(key)),
            ("headers", .array(headers.map { .array([.string($0.name), .bytes($0.value)]) })),
            ("value", .bytes(value)),
        ])
    }

    init(wireJSON json: WireJSON) throws {
        let headers = try json.required("headers", in: "the Kafka message").pairs("headers") { value, place in
            guard let bytes = try value.bytes(place) else {
                throw WireFormatError("\"\(place)\" must have a Base64 value")
            }
            return bytes
        }
        self.init(
            key: try json.required("key", in: "the Kafka message").bytes("key"),
            headers: headers.map { Header(name: $0.0, value: $0.1) },
            value: try json.required("value", in: "the Kafka message").bytes("value"))
    }
}

extension NATSMessage {
    /// `{"headers": [[name, value], ...], "payload": b64}`.
    var wireJSON: WireJSON {
        .object([("headers", .pairs(headers.map { ($0.name, $0.value) })), ("payload", .bytes(payload))])
    }

    init(wireJSON json: WireJSON) throws {
        let headers = try json.required("headers", in: "the NATS message").textPairs("headers")
        self.init(
            headers: headers.map { Header(name: $0.0, value: $0.1) },
            payload: try json.required("payload", in: "the NATS message").bytes("payload") ?? [])
    }
}

extension MQTTMessage {
    /// MQTT 5: `{"content-type": text|null, "user-properties": [[name, value], ...], "payload": b64}`;
    /// MQTT 3.1.1: `{"payload": b64}`.
    func wireJSON(version: MQTTProtocolVersion) -> WireJSON {
        guard version == .v5 else { return .object([("payload", .bytes(payload))]) }
        return .object([
            ("content-type", .text(contentType)),
            ("user-properties", .pairs(userProperties.map { ($0.name, $0.value) })),
            ("payload", .bytes(payload)),
        ])
    }

    init(wireJSON json: WireJSON, version: MQTTProtocolVersion) throws {
        let context = version == .v5 ? "the MQTT 5 message" : "the MQTT 3.1.1 message"
        let payload = try json.required("payload", in: context).bytes("payload") ?? []
        guard version == .v5 else {
            self.init(payload: payload)
            return
        }
        let properties = try json.required("user-properties", in: context).textPairs("user-properties")
        self.init(
            contentType: try json.required("content-type", in: context).text("content-type"),
            userProperties: properties.map { UserProperty(name: $0.0, value: $0.1) }, payload: payload)
    }
}

extension EncodedHTTPMessage {
    /// `{"headers": [[name, value], ...], "body": b64}`.
    var wireJSON: WireJSON {
        .object([("headers", .pairs(headerFields.map { ($0.name.rawName, $0.value) })), ("body", .bytes(body))])
    }
}

/// An HTTP message read from `{"headers": [[name, value], ...], "body": b64|null}`.
struct WireHTTPMessage {
    var headerFields: HTTPFields
    var body: [UInt8]

    init(wireJSON json: WireJSON) throws {
        headerFields = HTTPFields()
        for (index, (name, value)) in try json.required("headers", in: "the HTTP message").textPairs("headers")
            .enumerated()
        {
            guard let fieldName = HTTPField.Name(name) else {
                throw WireFormatError("\"headers[\(index)]\" has \(name), which is not an HTTP field name")
            }
            headerFields.append(HTTPField(name: fieldName, value: value))
        }
        body = try json.required("body", in: "the HTTP message").bytes("body") ?? []
    }
}

extension AMQPMessage {
    /// `{"properties": {"content-type": text|null}, "application-properties": [[name, type, value], ...],
    /// "body": b64|null}`.
    var wireJSON: WireJSON {
        .object([
            ("properties", .object([("content-type", .text(properties.contentType))])),
            (
                "application-properties",
                .array(
                    applicationProperties.map {
                        .array([.string($0.name), .string($0.value.typeName), $0.value.wireJSON])
                    })
            ),
            ("body", .bytes(body)),
        ])
    }

    init(wireJSON json: WireJSON) throws {
        let properties = try json.required("properties", in: "the AMQP message")
        let contentType = try properties.required("content-type", in: "\"properties\"").text("content-type")
        let applicationProperties = try json.required("application-properties", in: "the AMQP message")
            .elements("application-properties").enumerated().map { index, element in
                let place = "application-properties[\(index)]"
                guard case .array(let triple) = element, triple.count == 3, case .string(let name) = triple[0],
                    case .string(let type) = triple[1]
                else {
                    throw WireFormatError(
                        "\"\(place)\" must be a [name, type, value] triple with a string name and type")
                }
                return ApplicationProperty(
                    name: name, value: try AMQPValue(wireJSON: triple[2], type: type, place: place))
            }
        self.init(
            properties: Properties(contentType: contentType), applicationProperties: applicationProperties,
            body: try json.required("body", in: "the AMQP message").bytes("body"))
    }
}

extension AMQPValue {
    /// The value's JSON: a bool, an integer (a timestamp's milliseconds), a number, a string
    /// (string, symbol, char, and a uuid's 8-4-4-4-12 text), Base64 (binary), or null.
    var wireJSON: WireJSON {
        switch self {
        case .null: .null
        case .boolean(let flag): .bool(flag)
        case .ubyte(let value): .integer(Int64(value))
        case .ushort(let value): .integer(Int64(value))
        case .uint(let value): .integer(Int64(value))
        case .ulong(let value): Int64(exactly: value).map { .integer($0) } ?? .unsigned(value)
        case .byte(let value): .integer(Int64(value))
        case .short(let value): .integer(Int64(value))
        case .int(let value): .integer(Int64(value))
        case .long(let value), .timestamp(let value): .integer(value)
        case .float(let value): .number(Double(value))
        case .double(let value): .number(value)
        case .char(let scalar): .string(String(Character(scalar)))
        case .uuid(let bytes): .string(Self.uuidText(bytes))
        case .binary(let bytes): .bytes(bytes)
        case .string(let text), .symbol(let text): .string(text)
        }
    }

    /// The value of AMQP type `type` that `json` holds.
    init(wireJSON json: WireJSON, type: String, place: String) throws {
        func integer<T: FixedWidthInteger>(_: T.Type) throws -> T {
            let value: T? =
                switch json {
                case .integer(let integer): T(exactly: integer)
                case .unsigned(let integer): T(exactly: integer)
                default: nil
                }
            guard let value else { throw WireFormatError("\"\(place)\" must be an integer that an AMQP \(type) holds") }
            return value
        }
        func text() throws -> String {
            guard case .string(let text) = json else { throw WireFormatError("\"\(place)\" must be a string") }
            return text
        }
        switch type {
        case "null":
            guard json == .null else { throw WireFormatError("\"\(place)\" must be null") }
            self = .null
        case "boolean":
            guard case .bool(let flag) = json else { throw WireFormatError("\"\(place)\" must be true or false") }
            self = .boolean(flag)
        case "ubyte": self = .ubyte(try integer(UInt8.self))
        case "ushort": self = .ushort(try integer(UInt16.self))
        case "uint": self = .uint(try integer(UInt32.self))
        case "ulong": self = .ulong(try integer(UInt64.self))
        case "byte": self = .byte(try integer(Int8.self))
        case "short": self = .short(try integer(Int16.self))
        case "int": self = .int(try integer(Int32.self))
        case "long": self = .long(try integer(Int64.self))
        case "timestamp": self = .timestamp(try integer(Int64.self))
        case "float", "double":
            let number: Double? =
                switch json {
                case .number(let number): number
                case .integer(let integer): Double(exactly: integer)
                default: nil
                }
            guard let number else { throw WireFormatError("\"\(place)\" must be a number") }
            self = type == "float" ? .float(Float(number)) : .double(number)
        case "char":
            let scalars = try text().unicodeScalars
            guard scalars.count == 1, let scalar = scalars.first else {
                throw WireFormatError("\"\(place)\" must be one Unicode scalar")
            }
            self = .char(scalar)
        case "uuid":
            guard let bytes = Self.uuidBytes(try text()) else {
                throw WireFormatError("\"\(place)\" must be a UUID as 8-4-4-4-12 hex digits")
            }
            self = .uuid(bytes)
        case "binary":
            guard let bytes = try json.bytes(place) else { throw WireFormatError("\"\(place)\" must be Base64") }
            self = .binary(bytes)
        case "string": self = .string(try text())
        case "symbol": self = .symbol(try text())
        default:
            throw WireFormatError(
                "\"\(place)\" has the type \(type), which is not an AMQP type of application properties")
        }
    }

    private static func uuidText(_ bytes: [UInt8]) -> String {
        let hex = bytes.map { byte in String(byte >> 4, radix: 16) + String(byte & 0x0F, radix: 16) }.joined()
        var text = ""
        for (index, character) in hex.enumerated() {
            if [8, 12, 16, 20].contains(index) { text.append("-") }
            text.append(character)
        }
        return text
    }

    private static func uuidBytes(_ text: String) -> [UInt8]? {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return nil }
        let hex = Array(groups.joined().utf8)
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: hex.count, by: 2) {
            guard let byte = UInt8(String(decoding: hex[index...index + 1], as: UTF8.self), radix: 16) else {
                return nil
            }
            bytes.append(byte)
        }
        return bytes
    }
}
