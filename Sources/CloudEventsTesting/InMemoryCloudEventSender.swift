public import CloudEvents
public import CloudEventsTransport

/// How an ``InMemoryCloudEventSender`` retries and how long a send may take.
public struct InMemorySenderConfiguration: Sendable {
    /// The retry policy, as the network senders'. Default ``/CloudEventsTransport/RetryPolicy/none``:
    /// one attempt, so an injected failure is seen at once.
    public var retryPolicy: RetryPolicy
    /// How long one send may take, retries included. Default 10 seconds.
    public var timeout: Duration

    /// Creates a configuration.
    public init(retryPolicy: RetryPolicy = .none, timeout: Duration = .seconds(10)) {
        self.retryPolicy = retryPolicy
        self.timeout = timeout
    }
}

/// The sending side of an ``InMemoryTransport``: a ``/CloudEvents/CloudEventSender`` that
/// validates each event, puts it through the transport's wire (a real encode and decode) and
/// hands it to the running receiver's handler, whose reply goes back through the wire too.
///
/// It fails as the network senders do, through the same delivery loop: an invalid event throws
/// its validation error and nothing is sent; no running receiver, or an injected transport error,
/// is ``/CloudEvents/CloudEventError/Code/connectionFailed``; a handler that throws, or an
/// injected refusal, is ``/CloudEvents/CloudEventError/Code/rejectedByPeer`` with the handler's
/// message as ``/CloudEvents/CloudEventError/peerReason`` (an error that is not a
/// `CloudEventError` gives a generic reason, as a server's `500` would); a send past its timeout
/// is ``/CloudEvents/CloudEventError/Code/deadlineExceeded``.
public struct InMemoryCloudEventSender: CloudEventSender {
    private let transport: InMemoryTransport
    private let configuration: InMemorySenderConfiguration

    init(transport: InMemoryTransport, configuration: InMemorySenderConfiguration) {
        self.transport = transport
        self.configuration = configuration
    }

    /// Sends one event; returns the handler's reply after the wire.
    @discardableResult
    public func send(_ event: CloudEvent) async throws -> CloudEvent? {
        try event.validate()
        return try await deliver([event]).first
    }

    /// Sends events as one batch (one HTTP batch message in HTTP batch mode, otherwise one by one
    /// across the wire, in order, to one attempt of the handler each); returns the replies.
    ///
    /// - Throws: As ``send(_:)``; a validation error's ``/CloudEvents/CloudEventError/index``
    ///   names the first invalid event.
    @discardableResult
    public func send(batch: [CloudEvent]) async throws -> [CloudEvent] {
        for (index, event) in batch.enumerated() {
            do {
                try event.validate()
            } catch var error as CloudEventError {
                error.index = index
                throw error
            }
        }
        return try await deliver(batch)
    }

    /// What one attempt ended with.
    private enum Answer: Sendable {
        case replies([CloudEvent])
        case refused(CloudEventError?)
    }

    private func deliver(_ events: [CloudEvent]) async throws -> [CloudEvent] {
        let loop = DeliveryLoop(
            retryPolicy: configuration.retryPolicy, target: "the in-memory receiver (\(transport.wire))")
        let transport = self.transport
        do {
            let (answer, _) = try await loop.deliver(until: .now + configuration.timeout) { _ in
                try await Self.attempt(events, transport)
            } judge: { answer in
                switch answer {
                case .replies: return .delivered
                case .refused(let error):
                    let reason = error?.message ?? "the event handler failed"
                    return .refused(
                        PeerRefusal(
                            "refused the event: \(reason)", reason: reason, isRetryable: error?.code == .shutDown))
                }
            }
            guard case .replies(let replies) = answer else { return [] }
            return replies
        } catch is DeliveryCancelled {
            throw CancellationError()
        }
    }

    private static func attempt(_ events: [CloudEvent], _ transport: InMemoryTransport) async throws -> Answer {
        let (handler, failure) = transport.beginDelivery(of: events)
        switch failure {
        case .refusal(let error): return .refused(error)
        case .delay(let duration): try await Task.sleep(for: duration)
        case .transportError(let error):
            throw AttemptFailure(.connection, reason: "the transport failed: \(error)", underlyingError: error)
        case nil: break
        }
        guard let handler else { throw AttemptFailure(.connection, reason: "no receiver is running") }
        let wire = transport.wire
        let delivered = try wire.transmit(batch: events)
        var replies: [CloudEvent] = []
        for (index, event) in delivered.enumerated() {
            var context = CloudEventContext(transport: wire.binding.rawValue, contentMode: wire.mode)
            if wire.mode == .batch {
                context.batchIndex = index
                context.batchCount = delivered.count
            }
            transport.record(received: event)
            do {
                if let reply = try await handler(event, context) {
                    transport.record(reply: reply)
                    replies.append(try wire.replying.transmit(reply))
                }
            } catch let error as CloudEventError {
                return .refused(error)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                return .refused(nil)
            }
        }
        return .replies(replies)
    }
}

extension InMemoryWire {
    /// How a reply travels back: in the same binding, one event (structured mode where the wire
    /// is in batch mode).
    var replying: InMemoryWire {
        mode == .batch ? InMemoryWire(binding, mode: .structured) : self
    }
}
