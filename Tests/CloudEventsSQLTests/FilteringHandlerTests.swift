import CloudEvents
import CloudEventsSQL
import CoreTestSupport
import Synchronization
import Testing

@Suite("Filtering handlers: only matching events reach the handler")
struct FilteringHandlerTests {
    static let order = CloudEvent(id: "o", source: "/orders/eu", type: "com.example.order.created")
    static let refund = CloudEvent(id: "r", source: "/refunds", type: "com.example.refund.created")
    static let context = CloudEventContext(transport: "test")

    /// A handler that records the ids it was called with and replies with nothing.
    final class Calls: Sendable {
        let ids = Mutex<[String]>([])
        var handler: CloudEventHandler {
            { event, _ in
                self.ids.withLock { $0.append(event.id) }
                return nil
            }
        }
    }

    @Test("by default a non-matching event is accepted and dropped: no handler call, no error")
    func acceptAndDrop() async throws {
        let calls = Calls()
        let handler = try CESQLExpression(parsing: "type LIKE 'com.example.order.%'").filtering(calls.handler)
        _ = try await handler(Self.order, Self.context)
        _ = try await handler(Self.refund, Self.context)
        #expect(calls.ids.withLock { $0 } == ["o"])
    }

    @Test("refuse: a non-matching event is a filtered_out error naming the event")
    func refuse() async throws {
        let calls = Calls()
        let filter = try SubscriptionFilter(json: #"{"prefix":{"source":"/orders/"}}"#)
        let handler = filter.filtering(nonMatching: .refuse, calls.handler)
        _ = try await handler(Self.order, Self.context)
        let error = await #expect(throws: CloudEventError.self) { _ = try await handler(Self.refund, Self.context) }
        #expect(error?.code == .filteredOut)
        #expect(error?.message.contains("event r of type com.example.refund.created") == true)
        #expect(calls.ids.withLock { $0 } == ["o"])
    }

    @Test("an evaluation error is no match: the event does not reach the handler")
    func errorIsNoMatch() async throws {
        let calls = Calls()
        let handler = try CESQLExpression(parsing: "retrycount > 1").filtering(calls.handler)
        _ = try await handler(Self.order, Self.context)  // no retrycount: missingAttribute
        #expect(calls.ids.withLock { $0 }.isEmpty)
    }

    @Test("the handler's reply passes through for a matching event")
    func replyPassesThrough() async throws {
        let handler = try CESQLExpression(parsing: "true").filtering { event, _ in
            CloudEvent(id: "reply-\(event.id)", source: "/r", type: "t")
        }
        #expect(try await handler(Self.order, Self.context)?.id == "reply-o")
    }
}

@Suite("CloudEventRouter with CESQL expressions and Subscriptions API filters")
struct RouterMatcherTests {
    @Test("a CESQL route and a filter-dialect route take their place in registration order")
    func matcherRoutes() async throws {
        var router = CloudEventRouter()
        router.on(try CESQLExpression(parsing: "source LIKE '/eu/%' AND type = 'order'")) { event, _ in
            CloudEvent(id: event.id, source: "/r", type: "eu orders")
        }
        router.on(try SubscriptionFilter(json: #"{"prefix": {"type": "ord"}}"#)) { event, _ in
            CloudEvent(id: event.id, source: "/r", type: "ord prefix")
        }
        let context = CloudEventContext(transport: "test")
        let eu = CloudEvent(id: "1", source: "/eu/berlin", type: "order")
        let us = CloudEvent(id: "2", source: "/us/nyc", type: "order")
        #expect(try await router.handle(eu, context)?.type == "eu orders")
        #expect(try await router.handle(us, context)?.type == "ord prefix")
        let other = CloudEvent(id: "3", source: "/us/nyc", type: "refund")
        #expect(await cloudEventError { _ = try await router.handle(other, context) }?.code == .noRoute)
    }
}
