import CloudEvents
import CloudEventsTransport
import Testing

@Suite("A transport built outside the package from the public API", .timeLimit(.minutes(10)))
struct InMemoryTransportTests {
    static let noWait = RetryPolicy(maximumAttempts: 3, initialBackoff: .zero, maximumBackoff: .zero)

    /// Runs `body` while a receiver for `subject` runs on `bus`.
    private func withReceiver<Result: Sendable>(
        _ receiver: InMemoryReceiver, _ body: () async throws -> Result
    ) async throws -> Result {
        let task = Task { try await receiver.run() }
        await receiver.bus.waitForSubscriber(receiver.subject)
        defer { task.cancel() }
        return try await body()
    }

    @Test("an event goes through, the handler sees the transport's typed context, and its reply comes back")
    func roundTrip() async throws {
        let bus = InMemoryBus()
        let seen = Recorder<CloudEventContext>()
        let receiver = InMemoryReceiver(bus: bus, subject: "orders", maximumConcurrentHandlers: 4) { event, context in
            await seen.record(context)
            return CloudEvent(id: "reply-\(event.id)", source: "/memory", type: "com.example.reply")
        }
        let sender = InMemorySender(bus: bus, subject: "orders", retryPolicy: Self.noWait)
        let reply = try await withReceiver(receiver) {
            try await sender.send(CloudEvent(id: "1", source: "/s", type: "com.example.order"))
        }
        #expect(reply?.id == "reply-1")
        let context = try #require(await seen.values.first)
        #expect(context.transport == "memory")
        #expect(context.contentMode == .structured)
        #expect(context[InMemorySubjectKey.self] == "orders")
    }

    @Test("a busy peer is retried with the same event; a refusal keeps the peer's reason and the attempts")
    func retriesAndRefusals() async throws {
        let bus = InMemoryBus()
        let ids = Recorder<String>()
        let receiver = InMemoryReceiver(
            bus: bus, subject: "orders", maximumConcurrentHandlers: 1,
            filter: TypeMatcher(type: "com.example.order")
        ) { event, _ in
            await ids.record(event.id)
            return nil
        }
        let sender = InMemorySender(bus: bus, subject: "orders", retryPolicy: Self.noWait)
        try await withReceiver(receiver) {
            await bus.inject([.nack(reason: "busy", busy: true), .nack(reason: "busy", busy: true)])
            _ = try await sender.send(CloudEvent(id: "2", source: "/s", type: "com.example.order"))
            #expect(await ids.values == ["2"])

            // The filter refuses, the receiver answers with the error's code, the loop does not retry.
            let refused = await #expect(throws: CloudEventError.self) {
                try await sender.send(CloudEvent(id: "3", source: "/s", type: "com.example.other"))
            }
            #expect(refused?.code == .rejectedByPeer)
            #expect(refused?.peerReason == "filtered_out")
            #expect(refused?.attempts == 1)
            #expect(refused?.message == "memory:orders answered filtered_out (1 attempt)")

            // Busy on every attempt: the policy's three attempts, then rejectedByPeer.
            await bus.inject(Array(repeating: .nack(reason: "busy", busy: true), count: 3))
            let exhausted = await #expect(throws: CloudEventError.self) {
                try await sender.send(CloudEvent(id: "4", source: "/s", type: "com.example.order"))
            }
            #expect(exhausted?.attempts == 3)
            #expect(exhausted?.peerReason == "busy")
        }
    }

    @Test("no subscriber is a connection failure after every attempt, with the reason in plain words")
    func connectionFailure() async throws {
        let sender = InMemorySender(bus: InMemoryBus(), subject: "nobody", retryPolicy: Self.noWait)
        let error = await #expect(throws: CloudEventError.self) {
            try await sender.send(CloudEvent(id: "5", source: "/s", type: "t"))
        }
        #expect(error?.code == .connectionFailed)
        #expect(error?.message == "cannot reach memory:nobody: nobody subscribes to nobody (3 attempts)")
    }

    @Test("after shutdown a send is refused with shutDown and nothing is sent")
    func shutdown() async throws {
        let sender = InMemorySender(bus: InMemoryBus(), subject: "orders", retryPolicy: Self.noWait)
        await sender.shutdown()
        let error = await #expect(throws: CloudEventError.self) {
            try await sender.send(CloudEvent(id: "6", source: "/s", type: "t"))
        }
        #expect(error?.code == .shutDown)
        #expect(error?.attempts == 0)
    }
}

/// Matches events of one type: a matcher of the receiver's own, not CESQL.
struct TypeMatcher: CloudEventMatcher {
    let type: String
    func matches(_ event: CloudEvent) -> Bool { event.type == type }
}

/// Values recorded from handlers, in order.
actor Recorder<Value: Sendable> {
    private(set) var values: [Value] = []
    func record(_ value: Value) { values.append(value) }
}
