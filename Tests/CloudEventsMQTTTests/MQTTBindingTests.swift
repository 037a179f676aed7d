import CloudEvents
import CloudEventsMQTT
import CoreTestSupport
import Testing

@Suite("MQTT binding: MQTT 5 binary and structured mode, MQTT 3.1.1 structured, errors")
struct MQTTBindingTests {
    static let time = "2026-12-01T08:30:00.123456789+08:00"

    static func event() throws -> CloudEvent {
        var event = CloudEvent(
            id: "ïd-1", source: "/orders/%C3%B6", type: "com.example.order.created", subject: "Grüße 🌍",
            time: try Timestamp(parsing: Self.time), data: .json(#"{"total":12.50}"#))
        event[extension: "retrycount"] = .integer(3)
        event[extension: "flag"] = .boolean(true)
        return event
    }

    /// With a Binary extension, which binary mode writes as Base64 (the JSON format carries it as a String).
    static func eventWithBinary() throws -> CloudEvent {
        var event = try event()
        event[extension: "blob"] = .binary([0, 255])
        return event
    }

    @Test("MQTT 5 binary mode: Content Type, User Properties named as the attributes, UTF-8 as is; all comes back")
    func binaryRoundTrip() throws {
        let event = try Self.eventWithBinary()
        let message = try MQTTEventEncoder().encode(event)
        #expect(message.contentType == "application/json")
        #expect(message.userProperties.first == .init(name: "specversion", value: "1.0"))
        #expect(message.userProperty("id") == "ïd-1")
        #expect(message.userProperty("subject") == "Grüße 🌍")  // not percent-encoded
        #expect(message.userProperty("source") == "/orders/%C3%B6")
        #expect(message.userProperty("time") == Self.time)
        #expect(message.userProperty("retrycount") == "3")
        #expect(message.userProperty("blob") == "AP8=")
        #expect(message.userProperty("datacontenttype") == nil)  // it is the Content Type
        #expect(message.payload == Array(#"{"total":12.50}"#.utf8))
        #expect(try MQTTEventDecoder().mode(of: message) == .binary)
        let decoded = try MQTTEventDecoder().decode(message)
        #expect(decoded.id == event.id)
        #expect(decoded.subject == event.subject)
        #expect(decoded.time?.description == Self.time)
        #expect(decoded.dataContentType == "application/json")
        #expect(decoded.data == event.data)
        #expect(decoded[extension: "flag"] == .string("true"))
        #expect(try decoded[extension: "retrycount"]?.integerValue(attribute: "retrycount") == 3)
    }

    @Test("User Properties that cannot be attribute names are the application's, and left alone")
    func otherUserProperties() throws {
        var message = try MQTTEventEncoder().encode(CloudEvent(id: "1", source: "/s", type: "t"))
        message.userProperties.append(.init(name: "Trace-Id", value: "abc"))
        message.userProperties.append(.init(name: "x-request", value: "7"))
        let event = try MQTTEventDecoder().decode(message)
        #expect(event.extensionNames.isEmpty)
        // One that can be an attribute name is one.
        message.userProperties.append(.init(name: "region", value: "eu"))
        #expect(try MQTTEventDecoder().decode(message)[extension: "region"] == .string("eu"))
    }

    @Test(
        "a datacontenttype User Property, as the spec's example shows: equal or alone it is accepted; different is refused"
    )
    func dataContentTypeUserProperty() throws {
        var message = try MQTTEventEncoder().encode(
            CloudEvent(id: "1", source: "/s", type: "t", dataContentType: "text/plain", data: .text("hi")))
        #expect(message.contentType == "text/plain")
        let contentType = try #require(message.contentType)
        message.userProperties.append(.init(name: "datacontenttype", value: contentType))
        #expect(try MQTTEventDecoder().decode(message).dataContentType == contentType)
        message.contentType = nil
        #expect(try MQTTEventDecoder().decode(message).dataContentType == contentType)
        message.contentType = "text/csv"
        let error = try #require(thrownCloudEventError { try MQTTEventDecoder().decode(message) })
        #expect(error.attribute == "datacontenttype")
        #expect(error.message.contains("differs from the Content Type text/csv"), "\(error.message)")
    }

    @Test("MQTT 5 structured mode: the format's media type as Content Type; lossless, detected in any case")
    func structuredRoundTrip() throws {
        let event = try Self.event()
        let message = try MQTTEventEncoder(mode: .structured).encode(event)
        #expect(message.contentType == "application/cloudevents+json; charset=utf-8")
        #expect(message.userProperties.isEmpty)
        #expect(try MQTTEventDecoder().mode(of: message) == .structured)
        #expect(try MQTTEventDecoder().decode(message) == event)
        var shouting = message
        shouting.contentType = "APPLICATION/CLOUDEVENTS+JSON"
        #expect(try MQTTEventDecoder().decode(shouting) == event)
    }

    @Test("MQTT 3.1.1: structured JSON only, the payload alone; binary mode and other formats are refused")
    func version311() throws {
        let event = try Self.event()
        let encoder = MQTTEventEncoder(version: .v3_1_1)
        #expect(encoder.mode == .structured)
        let message = try encoder.encode(event)
        #expect(message.contentType == nil)
        #expect(message.userProperties.isEmpty)
        #expect(message.payload == (try JSONEventFormat().encode(event)))
        let decoder = MQTTEventDecoder(version: .v3_1_1)
        #expect(try decoder.mode(of: message) == .structured)
        #expect(try decoder.decode(message) == event)

        let binary = try #require(
            thrownCloudEventError { try MQTTEventEncoder(version: .v3_1_1, mode: .binary).encode(event) })
        #expect(binary.code == .unsupportedFormat)
        #expect(binary.message.contains("MQTT 3.1.1 has no binary mode"))
        let other = try #require(
            thrownCloudEventError {
                try MQTTEventEncoder(version: .v3_1_1, format: OtherFormat()).encode(event)
            })
        #expect(other.code == .unsupportedFormat)
        #expect(other.message.contains("application/cloudevents+other needs MQTT 5"))
    }

    @Test("no data is an empty payload; empty data cannot travel in binary mode and is refused")
    func noData() throws {
        let bare = CloudEvent(id: "1", source: "/s", type: "t")
        let message = try MQTTEventEncoder().encode(bare)
        #expect(message.payload.isEmpty)
        #expect(message.contentType == nil)
        #expect(try MQTTEventDecoder().decode(message) == bare)
        let empty = CloudEvent(id: "1", source: "/s", type: "t", data: .binary([]))
        let error = try #require(thrownCloudEventError { try MQTTEventEncoder().encode(empty) })
        #expect(error.code == .invalidData)
        #expect(error.attribute == "data")
    }

    @Test("0.3 binary data travels Base64 with datacontentencoding")
    func version03() throws {
        let event = CloudEvent(
            specVersion: .v0_3, id: "2", source: "/s", type: "t", dataContentType: "application/json",
            data: .binary([0, 1, 2, 3, 4]))
        let message = try MQTTEventEncoder().encode(event)
        #expect(message.userProperty("datacontentencoding") == "base64")
        #expect(message.payload == Array("AAECAwQ=".utf8))
        #expect(try MQTTEventDecoder().decode(message) == event)
    }

    @Test("refusals name the user property: not a CloudEvent, unknown format, duplicates, limits, batch")
    func refusals() throws {
        let plain = MQTTMessage(contentType: "text/plain", payload: Array("hi".utf8))
        let notEvent = try #require(thrownCloudEventError { try MQTTEventDecoder().decode(plain) })
        #expect(notEvent.code == .notACloudEvent)
        #expect(notEvent.message.contains("no specversion user property"))

        let avro = MQTTMessage(contentType: "application/cloudevents+avro")
        let unsupported = try #require(thrownCloudEventError { try MQTTEventDecoder().decode(avro) })
        #expect(unsupported.code == .unsupportedFormat)
        #expect(unsupported.message.hasPrefix("Content Type application/cloudevents+avro names a CloudEvents format"))

        var duplicated = try MQTTEventEncoder().encode(CloudEvent(id: "1", source: "/s", type: "t"))
        duplicated.userProperties.append(.init(name: "id", value: "2"))
        let duplicate = try #require(thrownCloudEventError { try MQTTEventDecoder().decode(duplicated) })
        #expect(duplicate.attribute == "id")
        #expect(duplicate.message == "user property id appears more than once")

        var event = CloudEvent(id: "1", source: "/s", type: "t")
        for index in 0..<10 { event[extension: "x\(index)"] = .string("v") }
        let many = try MQTTEventEncoder().encode(event)
        let limit = try #require(
            thrownCloudEventError { try MQTTEventDecoder(limits: .init(maximumHeaderCount: 8)).decode(many) })
        #expect(limit.code == .limitExceeded)
        #expect(limit.message == "user property x4 is attribute user property 9, over the limit of 8")

        let batch = thrownCloudEventError {
            try MQTTEventEncoder(mode: .batch).encode(CloudEvent(id: "1", source: "/s", type: "t"))
        }
        #expect(batch?.code == .unsupportedFormat)
    }
}

/// A format other than JSON, for the MQTT 3.1.1 refusal.
private struct OtherFormat: CloudEventFormat {
    var eventMediaType: String { "application/cloudevents+other" }
    func encode(_ event: CloudEvent) throws -> [UInt8] { try JSONEventFormat().encode(event) }
    func decode(_ bytes: ArraySlice<UInt8>) throws -> CloudEvent { try JSONEventFormat().decode(bytes) }
}
