// The example receiver's handler, tested as a user would test theirs: through CloudEventsTesting's
// in-memory transport, with no server and no sockets.
#if Hummingbird && Tracing
    import CloudEvents
    import CloudEventsTesting
    import Logging
    import Synchronization
    import Testing
    @testable import ReceiverExample

    @Suite("The example receiver's handler, through the in-memory transport")
    struct ReceiverHandlerTests {
        /// Runs the example's handler on an in-memory receiver while `body` sends.
        static func withExampleReceiver<R>(
            _ transport: InMemoryTransport, onEvent: @escaping @Sendable () -> Void = {}, _ body: () async throws -> R
        ) async throws -> R {
            let handler = receiverHandler(
                logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), onEvent: onEvent)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await transport.receiver(handler: handler).run() }
                await transport.waitForReceiver()
                defer { group.cancelAll() }
                return try await body()
            }
        }

        static let order = CloudEvent(
            id: "order-1", source: "/orders", type: "com.example.order.created", subject: "order-1")

        @Test(
            "an order.created event gets an order.accepted reply correlated to it, in every HTTP mode it arrives in",
            arguments: [InMemoryWire.http(.binary), .http(.structured)])
        func orderCreated(wire: InMemoryWire) async throws {
            let transport = InMemoryTransport(wire: wire)
            let reply = try await Self.withExampleReceiver(transport) { try await transport.sender().send(Self.order) }
            let accepted = try #require(reply)
            #expect(accepted.type == "com.example.order.accepted")
            #expect(accepted.subject == "order-1")
            #expect(accepted[extension: "correlationid"] == .string("order-1"))
        }

        @Test("other events, and orders in a batch, are accepted without a reply")
        func noReply() async throws {
            let transport = InMemoryTransport(wire: .http(.batch))
            let other = CloudEvent(source: "/refunds", type: "com.example.refund.issued")
            let counted = Atomic(0)
            let replies = try await Self.withExampleReceiver(transport, onEvent: { counted.add(1, ordering: .relaxed) })
            {
                try await transport.sender().send(batch: [Self.order, other])
            }
            #expect(replies.isEmpty)
            #expect(counted.load(ordering: .relaxed) == 2)  // each event of a batch counts
            #expect(transport.received.map(\.type) == ["com.example.order.created", "com.example.refund.issued"])
            let single = InMemoryTransport()
            let reply = try await Self.withExampleReceiver(single) { try await single.sender().send(other) }
            #expect(reply == nil)
        }
    }
#endif
