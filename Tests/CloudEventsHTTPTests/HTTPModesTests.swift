import CloudEvents
import HTTPTypes
import CoreTestSupport
import Testing

@testable import CloudEventsHTTP

@Suite("HTTP binding: mode detection, structured and batch modes, header budget")
struct HTTPModesTests {
    let decoder = HTTPEventDecoder()
    static let minimal = CloudEvent(id: "1", source: "/s", type: "t")

    @Test(
        "the mode comes from Content-Type, case-insensitively, parameters allowed", arguments: [
            ("application/cloudevents+json", HTTPContentMode.structured), ("Application/CloudEvents+JSON; charset=UTF-8", .structured),
            ("application/cloudevents-batch+json", .batch), ("APPLICATION/CLOUDEVENTS-BATCH+JSON;charset=utf-8", .batch),
            ("application/json", .binary), ("text/plain", .binary),
        ])
    func modeDetection(contentType: String, mode: HTTPContentMode) throws {
        let fields: HTTPFields = [.contentType: contentType, .ceSpecVersion: "1.0"]
        #expect(try HTTPEventDecoder.mode(of: fields) == mode)
    }

    @Test("an unsupported structured format is its own error (receivers answer 415)", arguments: [
        "application/cloudevents+xml", "application/cloudevents+avro", "application/cloudevents-batch+protobuf",
    ])
    func unsupportedFormat(contentType: String) {
        let error = cloudEventError { try HTTPEventDecoder.mode(of: [.contentType: contentType]) }
        #expect(error?.code == .unsupportedFormat)
        #expect(error?.message.contains(contentType) == true)
    }

    @Test("a message that is not a CloudEvent is a distinct error")
    func notACloudEvent() {
        #expect(cloudEventError { try HTTPEventDecoder.mode(of: [.contentType: "application/json"]) }?.code == .notACloudEvent)
        #expect(cloudEventError { try decoder.decode(headerFields: [:], body: []) }?.code == .notACloudEvent)
    }

    @Test("each mode round-trips the reference medium event", arguments: HTTPContentMode.allCases)
    func roundTrip(mode: HTTPContentMode) throws {
        let bytes = try TestMaterial.mediumEvent()
        let event = try JSONEventFormat().decode(bytes)
        let message = try HTTPEventEncoder(mode: mode).encode(event)
        #expect(message.mode == mode)
        let decoded = try decoder.decode(headerFields: message.headerFields, body: message.body)
        #expect(decoded.mode == mode)
        var expected = event
        if mode == .binary {
            expected[extension: "retrycount"] = .string("3")
            expected[extension: "critical"] = .string("true")
        }
        #expect(decoded.events == [expected])
    }

    @Test("structured and batch Content-Types")
    func contentTypes() throws {
        let structured = try HTTPEventEncoder(mode: .structured).encode(Self.minimal)
        #expect(structured.headerFields[.contentType] == "application/cloudevents+json; charset=utf-8")
        #expect(structured.headerFields[.ceID] == nil)
        let batch = try HTTPEventEncoder().encodeBatch([Self.minimal, Self.minimal])
        #expect(batch.headerFields[.contentType] == "application/cloudevents-batch+json; charset=utf-8")
        #expect(try decoder.decodeEvents(headerFields: batch.headerFields, body: batch.body).count == 2)
        let empty = try HTTPEventEncoder().encodeBatch([])
        #expect(try decoder.decodeEvents(headerFields: empty.headerFields, body: empty.body).isEmpty)
        #expect(cloudEventError { try decoder.decodeEvent(headerFields: batch.headerFields, body: batch.body) }?.code == .unsupportedFormat)
    }

    @Test("structured mode errors keep the JSON format's byte offsets")
    func structuredErrors() {
        let error = cloudEventError {
            try decoder.decodeEvent(headerFields: [.contentType: "application/cloudevents+json"], body: Array(#"{"specversion":"1.0","id":1,"source":"/s","type":"t"}"#.utf8))
        }
        #expect(error?.attribute == "id")
        #expect(error?.byteOffset == 26)
        // With more violations, each keeps its offset in the one error that lists them all.
        let several = cloudEventError {
            try decoder.decodeEvent(headerFields: [.contentType: "application/cloudevents+json"], body: Array(#"{"specversion":"1.0","id":1}"#.utf8))
        }
        #expect(several?.code == .invalidEvent)
        #expect(several?.violations.first?.attribute == "id")
        #expect(several?.violations.first?.byteOffset == 26)
        #expect(several?.violations.map(\.attribute) == ["id", "source", "type"])
    }

    @Test("over the header budget with policy fail: a typed error naming the largest attributes")
    func budgetFails() {
        var event = Self.minimal
        event[extension: "big"] = .string(String(repeating: "x", count: 5000))
        event[extension: "medium"] = .string(String(repeating: "y", count: 3000))
        let error = cloudEventError { try HTTPEventEncoder().encode(event) }
        #expect(error?.code == .headerBudgetExceeded)
        #expect(error?.attribute == "big")
        #expect(error?.message.contains("big (5010 bytes)") == true)
        let total = cloudEventError {
            try HTTPEventEncoder(headerBudget: .init(maximumTotalBytes: 100, maximumFieldBytes: 100)).encode(
                CloudEvent(id: String(repeating: "i", count: 60), source: "/s", type: String(repeating: "t", count: 50)))
        }
        #expect(total?.code == .headerBudgetExceeded)
        #expect(total?.message.contains("over the budget of 100") == true)
    }

    @Test("over the header budget with policy useStructuredMode: structured mode, and the result says so")
    func budgetFallsBack() throws {
        var event = Self.minimal
        event[extension: "big"] = .string(String(repeating: "x", count: 5000))
        let encoder = HTTPEventEncoder(headerBudget: .init(overflowPolicy: .useStructuredMode))
        let message = try encoder.encode(event)
        #expect(message.mode == .structured)
        #expect(message.structuredModeFallback?.contains("big") == true)
        #expect(try decoder.decodeEvent(headerFields: message.headerFields, body: message.body) == event)
        let small = try encoder.encode(Self.minimal)
        #expect(small.mode == .binary)
        #expect(small.structuredModeFallback == nil)
    }

    @Test("encoding validates first in every mode", arguments: HTTPContentMode.allCases)
    func encodeValidates(mode: HTTPContentMode) {
        let invalid = CloudEvent(id: "", source: "/s", type: "t")
        #expect(cloudEventError { try HTTPEventEncoder(mode: mode).encode(invalid) } != nil)
    }

    @Test("request and response heads carry the fields")
    func heads() throws {
        let message = try HTTPEventEncoder().encode(Self.minimal)
        let request = message.request(authority: "localhost:8080", path: "/events")
        #expect(request.method == .post)
        #expect(request.headerFields[.ceID] == "1")
        #expect(message.response().status == .ok)
        #expect(message.response(status: .accepted).headerFields[.ceID] == "1")
    }

    @Test("the library's header names are valid and lower-case")
    func headerNames() {
        let names: [HTTPField.Name] = [.ceSpecVersion, .ceID, .ceSource, .ceType, .ceSubject, .ceTime, .ceDataSchema, .ceSchemaURL, .ceDataContentEncoding]
        #expect(names.map(\.canonicalName) == ["ce-specversion", "ce-id", "ce-source", "ce-type", "ce-subject", "ce-time",
            "ce-dataschema", "ce-schemaurl", "ce-datacontentencoding"])
        #expect(HTTPField.Name.webHookAllowedOrigin.canonicalName == "webhook-allowed-origin")
    }
}
