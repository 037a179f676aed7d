import CloudEvents
import CloudEventsFoundation
import CloudEventsHTTP
import HTTPTypes
import Testing

/// What a router's refusals look like over HTTP: the endpoint every server adapter shares.
@Suite("CloudEventRouter behind the HTTP endpoint: refusals as 400 with a readable problem body")
struct RouterOverHTTPTests {
    struct Shipment: CloudEventPayload {
        static let eventType = "com.example.shipment.sent"
        var trackingNumber: String
    }

    static func respond(_ event: CloudEvent, _ router: CloudEventRouter) async throws -> (HTTPResponse.Status, String) {
        let endpoint = HTTPCloudEventEndpoint(handler: router.handler)
        let message = try HTTPEventEncoder(mode: .binary).encode(event)
        let response = try await endpoint.respond(
            to: message.request(authority: "127.0.0.1", path: "/"), body: message.body,
            context: CloudEventContext(transport: "http"))
        return (response.head.status, String(decoding: response.body, as: UTF8.self))
    }

    static var router: CloudEventRouter {
        var router = CloudEventRouter()
        router.on(Shipment.self) { _, _, _ in nil }
        return router
    }

    @Test("a typed route whose data does not decode: 400, invalid_data, the JSON path in the problem body")
    func undecodableData() async throws {
        let event = CloudEvent(source: "/s", type: Shipment.eventType, data: .json(#"{"tracking":"x"}"#))
        let (status, body) = try await Self.respond(event, Self.router)
        #expect(status == .badRequest)
        #expect(body.contains(#""code":"invalid_data""#), "\(body)")
        #expect(body.contains("$.trackingNumber is missing, and it is required"), "\(body)")
    }

    @Test("an event no route matches, with the default fallback: 400, no_route, naming the type")
    func noRoute() async throws {
        let (status, body) = try await Self.respond(
            CloudEvent(id: "7", source: "/s", type: "com.example.other"), Self.router)
        #expect(status == .badRequest)
        #expect(body.contains(#""code":"no_route""#), "\(body)")
        #expect(body.contains("no route for event 7 of type com.example.other"), "\(body)")
    }

    @Test("a decodable event: 202")
    func accepted() async throws {
        let event = try CloudEvent(source: "/s", payload: Shipment(trackingNumber: "T-1"))
        #expect(try await Self.respond(event, Self.router).0 == .accepted)
    }
}
