import CloudEvents
import CloudEventsTesting
import CloudEventsTransport
import CoreTestSupport
import Synchronization
import Testing

@Suite("InMemoryTransport: a sender and receiver through a real binding, recorded, with injected failures")
struct InMemoryTransportTests {
    static func event(id: String = "e-1") -> CloudEvent {
        CloudEvent(
            id: id, source: "/orders", type: "com.example.order.created", dataContentType: "application/json",
            data: .json(#"{"total":12.50}"#), extensions: ["retrycount": .integer(3)])
    }

    /// Runs a receiver with `handler` on `transport` while `body` runs.
    static func withReceiver<R>(
        _ transport: InMemoryTransport, handler: @escaping CloudEventHandler,
        _ body: () async throws -> R
    ) async throws -> R {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await transport.receiver(handler: handler).run() }
            await transport.waitForReceiver()
            defer { group.cancelAll() }
            return try await body()
        }
    }

    static let accept: CloudEventHandler = { event, _ in
        CloudEvent(id: "r-\(event.id)", source: "/receiver", type: "com.example.order.accepted")
    }

    @Test(
        "binary mode over HTTP: the handler sees what the wire delivers, the reply comes back, everything is recorded")
    func roundTrip() async throws {
        let transport = InMemoryTransport(wire: .http(.binary))
        let reply = try await Self.withReceiver(transport, handler: Self.accept) {
            try await transport.sender().send(Self.event())
        }
        #expect(reply?.type == "com.example.order.accepted")
        #expect(transport.sent == [Self.event()])
        let received = try #require(transport.received.first)
        // Binary mode carries extensions as text, as the real wire does.
        #expect(received[extension: "retrycount"] == .string("3"))
        #expect(received.data == Self.event().data)
        #expect(transport.replies.map(\.id) == ["r-e-1"])
    }

    @Test(
        "every binding and mode puts the event through its real encoder and decoder",
        arguments: [
            InMemoryWire.http(.binary), .http(.structured), .kafka(.binary), .kafka(.structured), .amqp(.binary),
            .amqp(.structured), .mqtt5(.binary),
            .mqtt5(.structured), .mqtt3, .nats(.binary), .nats(.structured),
        ])
    func wires(wire: InMemoryWire) async throws {
        let transport = InMemoryTransport(wire: wire)
        let contexts = Mutex<[String]>([])
        _ = try await Self.withReceiver(
            transport,
            handler: { _, context in
                contexts.withLock { $0.append("\(context.transport) \(context.contentMode?.rawValue ?? "-")") }
                return nil
            }
        ) { try await transport.sender().send(Self.event()) }
        let received = try #require(transport.received.first)
        // Text headers carry Integer 3 as "3"; AMQP's typed application properties keep it.
        let asText = wire.mode == .binary && wire.binding != .amqp
        #expect(received[extension: "retrycount"] == (asText ? .string("3") : .integer(3)))
        #expect(contexts.withLock { $0 } == ["\(wire.binding.rawValue) \(wire.mode.rawValue)"])
    }

    @Test("a batch over HTTP batch mode is one message: each event with its index, replies in order")
    func batch() async throws {
        let transport = InMemoryTransport(wire: .http(.batch))
        let indices = Mutex<[String]>([])
        let replies = try await Self.withReceiver(
            transport,
            handler: { event, context in
                indices.withLock { $0.append("\(context.batchIndex ?? -1)/\(context.batchCount ?? -1)") }
                return try await Self.accept(event, context)
            }
        ) { try await transport.sender().send(batch: [Self.event(id: "a"), Self.event(id: "b")]) }
        #expect(indices.withLock { $0 } == ["0/2", "1/2"])
        #expect(replies.map(\.id) == ["r-a", "r-b"])
        #expect(transport.received.map(\.id) == ["a", "b"])
    }

    @Test("an invalid event is refused before anything is sent; a batch names the first invalid one")
    func invalid() async throws {
        let transport = InMemoryTransport()
        var bad = Self.event()
        bad.source = ""
        let error = try #require(await cloudEventError { try await transport.sender().send(bad) })
        #expect(error.attribute == "source")
        let batchError = try #require(
            await cloudEventError { try await transport.sender().send(batch: [Self.event(), bad]) })
        #expect(batchError.index == 1)
        #expect(transport.sent.isEmpty)
    }

    @Test("what the wire refuses is refused: empty data in Kafka binary mode")
    func wireRefusal() async throws {
        let transport = InMemoryTransport(wire: .kafka(.binary))
        let empty = CloudEvent(source: "/s", type: "t", data: .binary([]))
        let error = try await Self.withReceiver(transport, handler: Self.accept) {
            await cloudEventError { try await transport.sender().send(empty) }
        }
        #expect(error?.code == .invalidData)
        #expect(transport.received.isEmpty)
    }

    @Test("no running receiver: connection_failed, as a network sender reports it")
    func noReceiver() async throws {
        let transport = InMemoryTransport()
        let error = try #require(await cloudEventError { try await transport.sender().send(Self.event()) })
        #expect(error.code == .connectionFailed)
        #expect(error.message.contains("no receiver is running"), "\(error.message)")
    }

    @Test("an injected refusal: rejected_by_peer with the reason, the handler not called; the next send goes through")
    func injectedRefusal() async throws {
        let transport = InMemoryTransport()
        transport.inject(.refusal(CloudEventError(.filteredOut, message: "not wanted here")))
        let calls = Atomic(0)
        let (error, reply) = try await Self.withReceiver(
            transport,
            handler: { event, context in
                calls.add(1, ordering: .relaxed)
                return try await Self.accept(event, context)
            }
        ) {
            let error = await cloudEventError { try await transport.sender().send(Self.event()) }
            return (error, try await transport.sender().send(Self.event(id: "e-2")))
        }
        #expect(error?.code == .rejectedByPeer)
        #expect(error?.peerReason == "not wanted here")
        #expect(reply?.id == "r-e-2")
        #expect(calls.load(ordering: .relaxed) == 1)
        #expect(transport.sent.map(\.id) == ["e-1", "e-2"])
    }

    @Test(
        "an injected transport error: connection_failed with it underneath; a retrying sender's next attempt succeeds")
    func injectedTransportError() async throws {
        struct NetworkDown: Error {}
        let transport = InMemoryTransport()
        transport.inject(.transportError(NetworkDown()))
        let error = try await Self.withReceiver(transport, handler: Self.accept) {
            await cloudEventError { try await transport.sender().send(Self.event()) }
        }
        #expect(error?.code == .connectionFailed)
        #expect(error?.underlyingError is NetworkDown)

        transport.inject(.transportError(NetworkDown()))
        let retrying = transport.sender(
            configuration: .init(retryPolicy: RetryPolicy(maximumAttempts: 2, initialBackoff: .zero)))
        let reply = try await Self.withReceiver(transport, handler: Self.accept) {
            try await retrying.send(Self.event(id: "e-2"))
        }
        #expect(reply?.id == "r-e-2")
        #expect(transport.sent.map(\.id) == ["e-1", "e-2", "e-2"])  // each attempt counts
    }

    @Test("an injected delay past the sender's timeout: deadline_exceeded, and the handler never sees it")
    func injectedDelay() async throws {
        let transport = InMemoryTransport()
        transport.inject(.delay(.seconds(3600)))
        let sender = transport.sender(configuration: .init(timeout: .milliseconds(50)))
        let error = try await Self.withReceiver(transport, handler: Self.accept) {
            await cloudEventError { try await sender.send(Self.event()) }
        }
        #expect(error?.code == .deadlineExceeded)
        #expect(transport.received.isEmpty)
    }

    @Test("a handler that throws: rejected_by_peer with its message; another error type gives a generic reason")
    func handlerErrors() async throws {
        let transport = InMemoryTransport()
        let (typed, untyped) = try await Self.withReceiver(
            transport,
            handler: { event, _ in
                struct Internal: Error {}
                if event.id == "typed" {
                    throw CloudEventError(.invalidData, attribute: "data", message: "total is negative")
                }
                throw Internal()
            }
        ) {
            (
                await cloudEventError { try await transport.sender().send(Self.event(id: "typed")) },
                await cloudEventError { try await transport.sender().send(Self.event(id: "untyped")) }
            )
        }
        #expect(typed?.code == .rejectedByPeer)
        #expect(typed?.peerReason == "total is negative")
        #expect(untyped?.peerReason == "the event handler failed")
    }

    @Test("one receiver at a time per transport")
    func oneReceiver() async throws {
        let transport = InMemoryTransport()
        let error = try await Self.withReceiver(transport, handler: Self.accept) {
            await cloudEventError { try await transport.receiver(handler: Self.accept).run() }
        }
        #expect(error?.code == .transportFailed)
    }
}
