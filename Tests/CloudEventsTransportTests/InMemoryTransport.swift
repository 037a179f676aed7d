import CloudEvents
import CloudEventsTracing
import CloudEventsTransport

// A toy transport built from this package's public API only, as an adapter outside the package
// would build one: a sender over the delivery loop, retry policy, in-flight sends and producer
// observation; a receiver (a `run()`-only CloudEventReceiver) over the handler limit, consumer
// observation, the matcher and typed context values. Its "wire" is an actor that hands messages
// (headers and a structured-mode JSON body) from the sender to the subscribed receiver.

/// One message on the in-memory wire.
struct InMemoryMessage: Sendable {
    var headers: [String: String]
    var body: [UInt8]
}

/// What the subscriber answered.
enum InMemoryAnswer: Sendable {
    case ack(reply: InMemoryMessage?)
    case nack(reason: String, busy: Bool)
}

/// The wire: subjects with at most one subscriber each.
actor InMemoryBus {
    typealias Subscriber = @Sendable (InMemoryMessage) async -> InMemoryAnswer

    private var subscribers: [String: Subscriber] = [:]
    private var subscriptionWaiters: [String: [CheckedContinuation<Void, Never>]] = [:]
    /// Answers given before the subscriber is asked, for fault injection: the first ones first.
    private var injected: [InMemoryAnswer] = []

    func subscribe(_ subject: String, _ subscriber: @escaping Subscriber) {
        subscribers[subject] = subscriber
        for waiter in subscriptionWaiters.removeValue(forKey: subject) ?? [] { waiter.resume() }
    }

    func unsubscribe(_ subject: String) {
        subscribers[subject] = nil
    }

    /// Returns once `subject` has a subscriber.
    func waitForSubscriber(_ subject: String) async {
        guard subscribers[subject] == nil else { return }
        await withCheckedContinuation { subscriptionWaiters[subject, default: []].append($0) }
    }

    func inject(_ answers: [InMemoryAnswer]) {
        injected.append(contentsOf: answers)
    }

    /// Delivers `message` to the subscriber of `subject`.
    ///
    /// - Throws: ``AttemptFailure`` of kind `connection` when nobody subscribes to `subject`.
    func publish(_ message: InMemoryMessage, to subject: String) async throws -> InMemoryAnswer {
        if !injected.isEmpty { return injected.removeFirst() }
        guard let subscriber = subscribers[subject] else {
            throw AttemptFailure(.connection, reason: "nobody subscribes to \(subject)")
        }
        return await subscriber(message)
    }
}

/// The sender: structured mode, JSON, retries on "busy".
final class InMemorySender: CloudEventSender {
    let bus: InMemoryBus
    let subject: String
    let retryPolicy: RetryPolicy
    let timeout: Duration
    private let inFlight: InFlightSends
    private let format = JSONEventFormat()

    init(bus: InMemoryBus, subject: String, retryPolicy: RetryPolicy, timeout: Duration = .seconds(300)) {
        self.bus = bus
        self.subject = subject
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.inFlight = InFlightSends(target: "memory:\(subject)")
    }

    @discardableResult
    func send(_ event: CloudEvent) async throws -> CloudEvent? {
        try await TransportObservation.withProducerSpan(
            sending: event, destination: CloudEventTraceDestination(name: subject, protocolName: "memory")
        ) { event, trace in
            var message = InMemoryMessage(
                headers: ["content-type": JSONEventFormat.mediaType], body: try format.encode(event))
            trace.inject(into: &message.headers)
            let prepared = message
            let (bus, subject, loop) = (
                bus, subject, DeliveryLoop(retryPolicy: retryPolicy, target: "memory:\(subject)")
            )
            let deadline = ContinuousClock.now.advanced(by: timeout)
            let (answer, attempts) = try await inFlight.run {
                try await loop.deliver(until: deadline) { _ in
                    try await bus.publish(prepared, to: subject)
                } judge: { answer in
                    switch answer {
                    case .ack: .delivered
                    case .nack(let reason, let busy):
                        .refused(
                            PeerRefusal("answered \(reason)", reason: reason, isRetryable: busy, retryAfter: .zero))
                    }
                }
            }
            trace.recordAnswer(status: nil, attempts: attempts)
            guard case .ack(let reply?) = answer else { return nil }
            return try format.decode(reply.body)
        }
    }

    @discardableResult
    func send(batch: [CloudEvent]) async throws -> [CloudEvent] {
        var replies: [CloudEvent] = []
        for event in batch {
            if let reply = try await send(event) { replies.append(reply) }
        }
        return replies
    }

    func shutdown() async {
        await inFlight.shutdown(gracePeriod: .seconds(300))
    }
}

/// A value the toy transport passes to handlers in their context.
enum InMemorySubjectKey: CloudEventContextKey {
    typealias Value = String
}

/// The receiver: subscribes while `run()` runs.
struct InMemoryReceiver: CloudEventReceiver {
    let bus: InMemoryBus
    let subject: String
    let limit: ConcurrencyLimit
    let handler: CloudEventHandler

    init(
        bus: InMemoryBus, subject: String, maximumConcurrentHandlers: Int, filter: (any CloudEventMatcher)? = nil,
        handler: @escaping CloudEventHandler
    ) {
        self.bus = bus
        self.subject = subject
        self.limit = ConcurrencyLimit(maximum: maximumConcurrentHandlers)
        self.handler = filter.map { $0.filtering(nonMatching: .refuse, handler) } ?? handler
    }

    func run() async throws {
        let (subject, limit, handler) = (subject, limit, handler)
        let format = JSONEventFormat()
        await bus.subscribe(subject) { message in
            do {
                let event = try format.decode(message.body)
                var context = CloudEventContext(transport: "memory", contentMode: .structured)
                context[InMemorySubjectKey.self] = subject
                let received = TransportObservation.extract(from: message.headers)
                let reply = try await limit.withPermit {
                    try await TransportObservation.withConsumerSpan(
                        processing: event, received: received,
                        destination: CloudEventTraceDestination(name: subject, protocolName: "memory"), batch: nil
                    ) { try await handler(event, context) }
                }
                return .ack(reply: try reply.map { InMemoryMessage(headers: [:], body: try format.encode($0)) })
            } catch let error as CloudEventError {
                return .nack(reason: error.code.rawValue, busy: false)
            } catch {
                return .nack(reason: "internal_error", busy: false)
            }
        }
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3600))
        }
        await bus.unsubscribe(subject)
    }
}
