public import CloudEvents
import Synchronization

/// An in-memory transport for testing handlers and the code that sends events, without sockets:
/// a ``InMemoryCloudEventSender`` delivers to the running ``InMemoryCloudEventReceiver`` of the
/// same transport, through a real encode and decode in the chosen ``InMemoryWire``.
///
/// ```swift
/// let transport = InMemoryTransport(wire: .http(.binary))
/// let receiver = transport.receiver(handler: myHandler)
/// try await withThrowingDiscardingTaskGroup { group in
///     group.addTask { try await receiver.run() }
///     await transport.waitForReceiver()
///     let reply = try await transport.sender().send(event)
///     #expect(reply?.type == "com.example.order.accepted")
///     #expect(transport.received.map(\.id) == [event.id])
///     group.cancelAll()
/// }
/// ```
///
/// Everything is recorded: what senders sent (before the wire), what handlers received (after
/// it) and the replies. Failures can be injected into the next deliveries
/// (``inject(_:times:)``). Nothing depends on timing: a delivery runs on the sender's task, in the
/// order sends are made, and the only waits are those a test asks for (``InMemoryFailure/delay(_:)``).
public final class InMemoryTransport: Sendable {
    /// The binding and mode every event goes through.
    public let wire: InMemoryWire

    private struct State {
        var handler: CloudEventHandler?
        var receiverWaiters: [CheckedContinuation<Void, Never>] = []
        var failures: [InMemoryFailure] = []
        var sent: [CloudEvent] = []
        var received: [CloudEvent] = []
        var replies: [CloudEvent] = []
    }

    private let state = Mutex(State())

    /// Creates a transport.
    public init(wire: InMemoryWire = .http(.binary)) {
        self.wire = wire
    }

    /// A sender that delivers to this transport's receiver.
    public func sender(configuration: InMemorySenderConfiguration = .init()) -> InMemoryCloudEventSender {
        InMemoryCloudEventSender(transport: self, configuration: configuration)
    }

    /// A receiver that hands this transport's events to `handler` while it runs.
    public func receiver(handler: @escaping CloudEventHandler) -> InMemoryCloudEventReceiver {
        InMemoryCloudEventReceiver(transport: self, handler: handler)
    }

    /// The events senders sent, in order, as they gave them (before the wire); each attempt of a
    /// retried send counts once.
    public var sent: [CloudEvent] { state.withLock { $0.sent } }
    /// The events handlers received, in order, as the wire delivered them.
    public var received: [CloudEvent] { state.withLock { $0.received } }
    /// The replies handlers returned, in order, as they returned them (before the wire).
    public var replies: [CloudEvent] { state.withLock { $0.replies } }

    /// Makes each of the next `times` deliveries fail with `failure`, after any failures already
    /// injected.
    public func inject(_ failure: InMemoryFailure, times: Int = 1) {
        state.withLock { $0.failures += Array(repeating: failure, count: max(times, 0)) }
    }

    /// Returns once a receiver of this transport is running.
    public func waitForReceiver() async {
        await withCheckedContinuation { continuation in
            let running = state.withLock { state in
                if state.handler != nil { return true }
                state.receiverWaiters.append(continuation)
                return false
            }
            if running { continuation.resume() }
        }
    }

    // MARK: For the sender and receiver

    /// Installs the running receiver's handler.
    func start(_ handler: @escaping CloudEventHandler) throws {
        let waiters = try state.withLock { state in
            guard state.handler == nil else {
                throw CloudEventError(
                    .transportFailed, message: "another receiver of this in-memory transport is running")
            }
            state.handler = handler
            defer { state.receiverWaiters = [] }
            return state.receiverWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Removes the running receiver's handler.
    func stop() {
        state.withLock { $0.handler = nil }
    }

    /// One delivery attempt's start: records the sent events and takes the next injected
    /// failure, if any.
    func beginDelivery(of events: [CloudEvent]) -> (CloudEventHandler?, InMemoryFailure?) {
        state.withLock { state in
            state.sent += events
            let failure = state.failures.isEmpty ? nil : state.failures.removeFirst()
            return (state.handler, failure)
        }
    }

    func record(received event: CloudEvent) {
        state.withLock { $0.received.append(event) }
    }

    func record(reply event: CloudEvent) {
        state.withLock { $0.replies.append(event) }
    }
}
