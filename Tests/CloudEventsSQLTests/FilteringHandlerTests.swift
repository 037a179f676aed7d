import CloudEvents
import CloudEventsSQL
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
