#if NATS
    public import Logging
    import NIOConcurrencyHelpers
    public import NIOCore
    public import NIOPosix

    /// A NATS client on swift-nio: publish, subscribe, request/reply, with reconnects and drain.
    ///
    /// ```swift
    /// let client = NATSClient(configuration: try .init(urls: ["nats://127.0.0.1:4222"]))
    /// try await client.connect()
    /// let orders = try client.subscribe(to: "orders.>", queueGroup: "workers")
    /// try client.publish(Array("hello".utf8), subject: "orders.new")
    /// try await client.flush()  // the server has the message
    /// for await message in orders { ... }
    /// try await client.drain()
    /// ```
    ///
    /// All of it is safe to call from any task: the client keeps its state behind one lock and
    /// writes on its connection's event loop, coalescing what callers publish meanwhile.
    ///
    /// Delivery is core NATS: at most once. ``publish(_:subject:replyTo:headers:)`` returns once the
    /// message is queued; ``flush(timeout:)`` returns once the server has processed everything
    /// queued before it (a `PING`/`PONG` round trip).
    public final class NATSClient: Sendable {
        /// What the client was created with.
        public let configuration: Configuration
        /// The event loops the connections run on.
        public let eventLoopGroup: any EventLoopGroup
        /// Where the client logs connection changes, slow consumers and server errors.
        public let logger: Logger
        let eventHandler: (@Sendable (Event) -> Void)?
        let state: NIOLockedValueBox<NATSClientState>

        /// Counts since the client was created.
        public struct Statistics: Sendable, Hashable {
            /// Messages published.
            public var messagesOut = 0
            /// Payload and header bytes published.
            public var bytesOut = 0
            /// Messages delivered to subscriptions (dropped ones included).
            public var messagesIn = 0
            /// Payload and header bytes delivered.
            public var bytesIn = 0
            /// Messages dropped because a subscription's consumer was too slow.
            public var droppedMessages = 0
            /// Successful reconnects.
            public var reconnects = 0
        }

        /// Creates a client; ``connect()`` connects it.
        ///
        /// - Parameters:
        ///   - configuration: The servers, credentials and bounds.
        ///   - eventLoopGroup: Where connections run; the shared NIO group by default.
        ///   - logger: Where the client logs.
        ///   - eventHandler: Called with every connection ``Event``, on the event loop: keep it short.
        public init(
            configuration: Configuration, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
            logger: Logger = Logger(label: "nats"), eventHandler: (@Sendable (Event) -> Void)? = nil
        ) {
            self.configuration = configuration
            self.eventLoopGroup = eventLoopGroup
            self.logger = logger
            self.eventHandler = eventHandler
            var initial = NATSClientState()
            initial.servers = configuration.servers
            self.state = NIOLockedValueBox(initial)
        }

        /// Whether the client is connected right now.
        public var isConnected: Bool { state.withLockedValue { $0.phase == .connected } }

        /// What the current (or last) server announced.
        public var serverInfo: NATSServerInfo? { state.withLockedValue { $0.info } }

        /// The server the client is connected to (or was last).
        public var connectedServer: NATSServerAddress? { state.withLockedValue { $0.server } }

        /// The counts so far.
        public var statistics: Statistics { state.withLockedValue { $0.statistics } }

        /// The servers the client knows: the configured ones and those the cluster announced.
        public var knownServers: [NATSServerAddress] { state.withLockedValue { $0.servers } }

        // MARK: Publishing

        /// Publishes a message.
        ///
        /// While the client reconnects, the message is buffered (up to
        /// ``Configuration/reconnectBufferSize``) and written after the subscriptions are restored.
        ///
        /// - Throws: ``NATSClientError`` with ``NATSClientError/Code/payloadTooLarge`` when headers
        ///   and payload exceed the server's `max_payload`, ``NATSClientError/Code/reconnectBufferFull``,
        ///   ``NATSClientError/Code/notConnected``, ``NATSClientError/Code/closed`` or
        ///   ``NATSClientError/Code/invalidArgument``.
        public func publish(
            _ payload: some Collection<UInt8>, subject: String, replyTo: String? = nil, headers: [NATSHeader] = []
        ) throws(NATSClientError) {
            try NATSClientOperations.validate(subject, as: "subject")
            if let replyTo { try NATSClientOperations.validate(replyTo, as: "reply subject") }
            let headerBlock = try NATSClientOperations.headerBlock(headers)
            let size = (headerBlock?.count ?? 0) + payload.count
            let scheduleOn: (any Channel)? = try withState { (state) throws(NATSClientError) in
                try Self.checkPublishable(state, phase: state.phase)
                if let info = state.info, size > info.maxPayload {
                    throw NATSClientError(
                        .payloadTooLarge,
                        "a message of \(size) bytes is larger than the server's max_payload of \(info.maxPayload) bytes"
                    )
                }
                if headerBlock != nil, let info = state.info, !info.supportsHeaders {
                    throw NATSClientError(.invalidArgument, "the server does not support headers (NATS before 2.2)")
                }
                if state.phase != .connected {
                    guard
                        state.outbound.readableBytes + size + subject.utf8.count + 64
                            <= configuration.reconnectBufferSize
                    else {
                        throw NATSClientError(
                            .reconnectBufferFull,
                            "the client is reconnecting and its buffer of \(configuration.reconnectBufferSize) bytes is full"
                        )
                    }
                }
                NATSClientOperations.writePublish(
                    into: &state.outbound, subject: subject, replyTo: replyTo, headerBlock: headerBlock,
                    payload: payload)
                state.statistics.messagesOut += 1
                state.statistics.bytesOut += size
                return Self.claimFlush(&state)
            }
            if let scheduleOn { scheduleWrite(on: scheduleOn) }
        }

        private static func checkPublishable(_ state: NATSClientState, phase: NATSClientState.Phase)
            throws(NATSClientError)
        {
            switch phase {
            case .connected, .reconnecting, .draining: return
            case .idle, .connecting: throw NATSClientError(.notConnected, "the client is not connected yet")
            case .closing, .closed: throw NATSClientError(.closed, "the client is closed")
            }
        }

        /// Marks a write as scheduled, and returns the channel to schedule it on if none was.
        static func claimFlush(_ state: inout NATSClientState) -> (any Channel)? {
            guard state.phase == .connected || state.phase == .draining || state.phase == .closing,
                let channel = state.channel,
                !state.flushScheduled
            else { return nil }
            state.flushScheduled = true
            return channel
        }

        /// Writes `outbound` to `channel` on its event loop: everything queued until then goes in
        /// one write.
        func scheduleWrite(on channel: any Channel) {
            channel.eventLoop.execute {
                let bytes: ByteBuffer? = self.state.withLockedValue { state in
                    guard state.channel === channel else { return nil }
                    state.flushScheduled = false
                    state.sentPings = state.pings.count
                    guard state.outbound.readableBytes > 0 else { return nil }
                    let bytes = state.outbound
                    state.outbound = channel.allocator.buffer(capacity: 0)
                    return bytes
                }
                if let bytes { channel.writeAndFlush(bytes, promise: nil) }
            }
        }

        /// Waits until the server has processed everything published before: a `PING`/`PONG`
        /// round trip.
        ///
        /// While the client reconnects, the `PING` waits in the reconnect buffer behind the
        /// publishes, so a flush that returns means they reached the new server.
        ///
        /// - Throws: ``NATSClientError/Code/connectionLost`` when the connection drops before the
        ///   `PONG` (what was published may be lost), ``NATSClientError/Code/timeout``,
        ///   ``NATSClientError/Code/cancelled`` when the task is cancelled, or
        ///   ``NATSClientError/Code/closed``.
        public func flush(timeout: Duration? = nil) async throws(NATSClientError) {
            try await roundTrip(timeout: timeout, whileClosing: false)
        }

        /// A `PING`/`PONG` round trip; `whileClosing` lets the last one of a drain through.
        func roundTrip(timeout: Duration?, whileClosing: Bool) async throws(NATSClientError) {
            let timeout = timeout ?? configuration.flushTimeout
            let pingID = NIOLockedValueBox<UInt64?>(nil)
            let cancelled = NATSClientError(.cancelled, "the flush's task was cancelled")
            do {
                try await withTaskCancellationHandler {
                    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                        let result: Result<(UInt64, (any Channel)?), NATSClientError> = state.withLockedValue { state in
                            do throws(NATSClientError) {
                                if !(whileClosing && state.phase == .closing) {
                                    try Self.checkPublishable(state, phase: state.phase)
                                }
                            } catch {
                                return .failure(error)
                            }
                            let id = state.appendPing(continuation)
                            return .success((id, Self.claimFlush(&state)))
                        }
                        switch result {
                        case .failure(let error):
                            continuation.resume(throwing: error)
                        case .success((let id, let channel)):
                            if let channel { scheduleWrite(on: channel) }
                            pingID.withLockedValue { $0 = id }
                            // A cancellation before the id was stored found nothing to fail.
                            if Task.isCancelled {
                                failPing(id, cancelled)
                                return
                            }
                            let deadline = eventLoopGroup.any().scheduleTask(in: TimeAmount(timeout)) {
                                self.failPing(
                                    id, NATSClientError(.timeout, "the server did not answer PING within \(timeout)"))
                            }
                            let answered = state.withLockedValue { state in
                                guard let index = state.pings.lastIndex(where: { $0.id == id }) else { return true }
                                state.pings[index].deadline = deadline
                                return false
                            }
                            if answered { deadline.cancel() }
                        }
                    }
                } onCancel: {
                    if let id = pingID.withLockedValue({ $0 }) { self.failPing(id, cancelled) }
                }
            } catch let error as NATSClientError {
                throw error
            } catch {
                throw NATSClientError(.connectionLost, "\(error)")
            }
        }

        private func failPing(_ id: UInt64, _ error: NATSClientError) {
            let continuation: CheckedContinuation<Void, any Error>? = state.withLockedValue { state in
                guard let index = state.pings.firstIndex(where: { $0.id == id }) else { return nil }
                let continuation = state.pings[index].continuation
                state.pings[index].continuation = nil
                return continuation
            }
            continuation?.resume(throwing: error)
        }

        func emit(_ event: Event) {
            eventHandler?(event)
        }

        /// Runs `body` with the state locked; for bodies that throw a ``NATSClientError``.
        func withState<T>(
            _ body: (inout NATSClientState) throws(NATSClientError) -> T
        ) throws(NATSClientError) -> T {
            try state.withLockedValue { state in
                Result { () throws(NATSClientError) in try body(&state) }
            }.get()
        }
    }

    extension TimeAmount {
        /// The duration, in nanoseconds.
        init(_ duration: Duration) {
            let (seconds, attoseconds) = duration.components
            self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
    }
#endif
