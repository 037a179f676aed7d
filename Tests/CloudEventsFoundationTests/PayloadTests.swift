import CloudEvents
import CloudEventsFoundation
import CoreTestSupport
import Foundation
import Testing

struct OrderCreated: CloudEventPayload, Equatable {
    static let eventType = "com.example.order.created"
    static let dataSchema: String? = "https://example.com/schemas/order-created.json"
    var orderId: String
    var total: Double
    var items: [Item]
    var note: String?

    struct Item: Codable, Equatable, Sendable {
        var sku: String
        var quantity: Int
    }
}

struct RefundIssued: CloudEventPayload, Equatable {
    static let eventType = "com.example.refund.issued"
    static let dataContentType = "application/vnd.example.refund+json"
    var orderId: String
}

@Suite("Typed payloads: one line to make an event, checked reads, errors with the JSON path")
struct PayloadTests {
    static let order = OrderCreated(orderId: "o-1", total: 12.5, items: [.init(sku: "A-1", quantity: 2)], note: nil)

    @Test("CloudEvent(source:payload:) fills type, datacontenttype, dataschema and data")
    func create() throws {
        let event = try CloudEvent(source: "/orders", payload: Self.order, id: "e-1")
        #expect(event.type == "com.example.order.created")
        #expect(event.dataContentType == "application/json")
        #expect(event.dataSchema == "https://example.com/schemas/order-created.json")
        #expect(event.data?.kind == .json)
        #expect(try event.payload(as: OrderCreated.self) == Self.order)
        try event.validate()

        let refund = try CloudEvent(source: "/refunds", payload: RefundIssued(orderId: "o-1"))
        #expect(refund.dataContentType == "application/vnd.example.refund+json")
        #expect(refund.dataSchema == nil)
        #expect(try refund.payload(as: RefundIssued.self) == RefundIssued(orderId: "o-1"))
    }

    @Test("the coder is configurable: snake_case members out and in")
    func configurableCoder() throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let event = try CloudEvent(source: "/orders", payload: Self.order, encoder: encoder)
        let text = String(decoding: try #require(event.data).bytes, as: UTF8.self)
        #expect(text.contains(#""order_id":"o-1""#), "\(text)")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        #expect(try event.payload(as: OrderCreated.self, decoder: decoder) == Self.order)
    }

    @Test("a producer writes order_id, the consumer's type has orderId: without a key strategy a clear error")
    func namingStyleMismatch() throws {
        let event = CloudEvent(
            source: "/orders", type: OrderCreated.eventType, dataContentType: "application/json",
            data: .json(#"{"order_id":"o-1","total":12.5,"items":[]}"#))
        let error = try #require(thrownCloudEventError { try event.payload(as: OrderCreated.self) })
        #expect(error.code == .invalidData)
        #expect(error.attribute == "data")
        #expect(
            error.message
                == "data does not decode as OrderCreated: $.orderId is missing, and it is required (the data has order_id:"
                + " decode with a JSONDecoder whose keyDecodingStrategy is .convertFromSnakeCase)")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        #expect(try event.payload(as: OrderCreated.self, decoder: decoder).orderId == "o-1")
    }

    @Test(
        "a decoding failure names the JSON path and what is wrong there; a missing required field is never a default",
        arguments: [
            (#"{"orderId":"o","total":1,"items":[{"sku":"A"}]}"#, "$.items[0].quantity is missing, and it is required"),
            (#"{"orderId":"o","total":"cheap","items":[]}"#, "$.total is not a Double"),
            (#"{"orderId":null,"total":1,"items":[]}"#, "$.orderId is null; String is required"),
            (#"{"total":1,"items":[]}"#, "$.orderId is missing, and it is required"),
        ])
    func decodingFailures(json: String, expected: String) throws {
        let event = CloudEvent(source: "/orders", type: OrderCreated.eventType, data: .json(json))
        let error = try #require(thrownCloudEventError { try event.payload(as: OrderCreated.self) })
        #expect(error.code == .invalidData)
        #expect(error.message.hasPrefix("data does not decode as OrderCreated: " + expected), "\(error.message)")
    }

    @Test("an optional field may be absent; it decodes as nil")
    func optionalAbsent() throws {
        let event = CloudEvent(
            source: "/orders", type: OrderCreated.eventType, data: .json(#"{"orderId":"o","total":1,"items":[]}"#))
        #expect(try event.payload(as: OrderCreated.self).note == nil)
    }

    @Test("reading checks the type and the content type first, naming what was expected and what arrived")
    func mismatches() throws {
        let wrongType = CloudEvent(source: "/s", type: "com.example.other", data: .json(#"{}"#))
        let typeError = try #require(thrownCloudEventError { try wrongType.payload(as: OrderCreated.self) })
        #expect(typeError.code == .payloadMismatch)
        #expect(typeError.attribute == "type")
        #expect(
            typeError.message
                == "OrderCreated reads events of type com.example.order.created; this event is com.example.other")

        let wrongContent = CloudEvent(
            source: "/s", type: OrderCreated.eventType, dataContentType: "application/xml", data: .text("<o/>"))
        let contentError = try #require(thrownCloudEventError { try wrongContent.payload(as: OrderCreated.self) })
        #expect(contentError.code == .payloadMismatch)
        #expect(contentError.attribute == "datacontenttype")
        #expect(
            contentError.message == "OrderCreated reads data of type application/json; this event's is application/xml")

        // Parameters and case do not matter; the essence does.
        let withCharset = CloudEvent(
            source: "/s", type: OrderCreated.eventType, dataContentType: "Application/JSON; charset=utf-8",
            data: .json(#"{"orderId":"o","total":1,"items":[]}"#))
        #expect(try withCharset.payload(as: OrderCreated.self).orderId == "o")

        let vendor = CloudEvent(source: "/s", type: RefundIssued.eventType, data: .json(#"{"orderId":"o"}"#))
        #expect(thrownCloudEventError { try vendor.payload(as: RefundIssued.self) }?.attribute == "datacontenttype")

        let noData = CloudEvent(source: "/s", type: OrderCreated.eventType)
        #expect(
            thrownCloudEventError { try noData.payload(as: OrderCreated.self) }?.message
                == "the event has no data to decode as OrderCreated")
    }

    @Test("typed routes decode the payload; data that does not decode refuses the event and the handler is not called")
    func typedRoutes() async throws {
        var router = CloudEventRouter()
        router.on(OrderCreated.self) { order, event, _ in
            CloudEvent(id: event.id, source: "/r", type: "handled \(order.orderId)")
        }
        router.on(typePrefix: "com.example.") { _, _ in CloudEvent(source: "/r", type: "prefix") }
        let context = CloudEventContext(transport: "test")
        let event = try CloudEvent(source: "/orders", payload: Self.order)
        #expect(try await router.handle(event, context)?.type == "handled o-1")

        let broken = CloudEvent(source: "/orders", type: OrderCreated.eventType, data: .json(#"{"orderId":7}"#))
        let error = try #require(await cloudEventError { _ = try await router.handle(broken, context) })
        #expect(error.code == .invalidData)
        #expect(error.message.contains("$.orderId is not a String"), "\(error.message)")

        let refund = try CloudEvent(source: "/refunds", payload: RefundIssued(orderId: "o"))
        #expect(try await router.handle(refund, context)?.type == "prefix")
    }
}
