#if WebSocket
    public import CloudEvents
    import CloudEventsWebSocket
    import CloudEventsTracing
    import CloudEventsTransport
    public import Logging
    import NIOConcurrencyHelpers
    import NIOWebSocket
    import WSCore
    public import ServiceLifecycle

    /// Sends CloudEvents over one persistent WebSocket connection (swift-websocket's client), one
    /// event per message in the negotiated format, in the order of the `send` calls.
    ///
    /// ``run()`` holds the connection (it is a swift-service-lifecycle `Service`); when the
    /// connection is lost it reconnects, waiting as ``WebSocketCloudEventClientConfiguration/reconnectPolicy`` says (capped
    /// exponential back-off with full jitter). Or use ``withConnection(gracePeriod:_:)``:
    ///
    /// ```swift
    /// let sender = WebSocketCloudEventSender(url: "ws://127.0.0.1:8080/events")
    /// try await sender.withConnection {
    ///     try await sender.send(event)
    /// }
    /// ```
    ///
    /// **What `send` means.** The WebSocket binding has no acknowledgement: ``send(_:)`` returns
    /// once the event's frame is written to the connection, not once the server has it or has
    /// handled it. The HTTP senders return once the receiver answered `2xx`, which tells that it
    /// took the event; a WebSocket send only tells that it left this process. A frame written
    /// just before the connection broke may be lost, and so may one written in the instant the
    /// server's close frame is on its way (swift-websocket 1.6 lets a data frame follow the
    /// client's close reply, and the server reads nothing after that reply). A frame whose write
    /// failed is written again, first, after the reconnect (so the server may see it twice, with
    /// the same `id`). When every event must be accounted for, use the HTTP senders, or have the
    /// server answer each event with a reply event. A server
    /// that closes the connection because of an invalid message says so in its close frame,
    /// which the sender logs.
    ///
    /// **Failures.** A send waits while the sender reconnects. After
    /// ``WebSocketCloudEventClientConfiguration/reconnectPolicy``'s `maximumAttempts` connection attempts in a row fail,
    /// every waiting send throws ``/CloudEvents/CloudEventError/Code/connectionFailed``. An
    /// invalid event throws the format's error at once, before anything is queued.
    ///
    /// **Shutdown.** ``shutdown(gracePeriod:)`` refuses new sends, writes the waiting ones within
    /// the grace period, and closes with the close handshake; a send that was not written throws
    /// ``/CloudEvents/CloudEventError/Code/shutDown`` and is counted in
    /// ``Statistics/unwrittenEvents``.
    public final class WebSocketCloudEventSender: CloudEventSender, Service {
        /// The subprotocol, limits and reconnection.
        public typealias Configuration = WebSocketCloudEventClientConfiguration

        /// The sender's counts.
        public struct Statistics: Sendable, Hashable {
            /// Events written.
            public var writtenEvents = 0
            /// Sends that failed: no connection, or shut down before they were written.
            public var unwrittenEvents = 0
            /// Connections opened (the first and every reconnect).
            public var connections = 0
            /// Messages the server sent on the connection, which the sender does not handle.
            public var ignoredMessages = 0
            /// The close code the last connection ended with (the server's close frame, or its
            /// answer to the sender's), or `nil` when it ended without one or none was opened.
            public var lastCloseCode: UInt16?
            /// The reason in that close frame, if it had one.
            public var lastCloseReason: String?
        }

        private struct State {
            var connections = 0
            var ignored = 0
            var lastClose: (code: UInt16, reason: String?)?
            var isRunning = false
            var runEnded: [CheckedContinuation<Void, Never>] = []
            var hasEnded = false
        }

        /// The server's URL, `ws://` or `wss://`.
        public let url: String
        /// The subprotocol, limits and reconnection.
        public let configuration: Configuration
        private let logger: Logger
        private let codec: WebSocketEventCodec
        private let queue = WebSocketSendQueue()
        private let state = NIOLockedValueBox(State())

        /// A logger that discards everything, the default.
        public static let silentLogger = Logger(
            label: "cloudevents.websocket.sender", factory: { _ in SwiftLogNoOpLogHandler() })

        /// Creates a sender; ``run()`` connects it.
        public init(
            url: String, configuration: Configuration = Configuration(),
            logger: Logger = WebSocketCloudEventSender.silentLogger
        ) {
            self.url = url
            self.configuration = configuration
            self.logger = logger
            self.codec = WebSocketEventCodec(subprotocol: configuration.subprotocol, limits: configuration.limits)
        }

        /// The counts.
        public var statistics: Statistics {
            let totals = queue.totals
            return state.withLockedValue {
                Statistics(
                    writtenEvents: totals.written, unwrittenEvents: totals.failed, connections: $0.connections,
                    ignoredMessages: $0.ignored, lastCloseCode: $0.lastClose?.code,
                    lastCloseReason: $0.lastClose?.reason)
            }
        }

        /// Sends an event and returns once its frame is written; the binding has no reply, so the
        /// result is always `nil`.
        @discardableResult
        public func send(_ event: CloudEvent) async throws -> CloudEvent? {
            var destination = CloudEventTraceDestination(httpURL: url)
            destination.protocolName = "websocket"
            return try await TransportObservation.withProducerSpan(
                sending: event, destination: destination, metrics: configuration.metrics
            ) {
                event, trace in
                // The event is its own header carrier: its Distributed Tracing extension.
                let message = try codec.encode(event)
                try await queue.send(message)
                trace.recordAnswer(status: nil, attempts: 1)
                return nil
            }
        }

        /// Sends the events one after the other, each as its own message (the binding has no
        /// batch mode); returns no reply events.
        @discardableResult
        public func send(batch: [CloudEvent]) async throws -> [CloudEvent] {
            for event in batch { try await send(event) }
            return []
        }

        /// Connects, writes the queued events in order, and reconnects when the connection is
        /// lost, until ``shutdown(gracePeriod:)``.
        public func run() async throws {
            state.withLockedValue { $0.isRunning = true }
            defer { ended() }
            var failures = 0
            await withGracefulShutdownHandler {
                while !queue.isClosed {
                    let connected = NIOLockedValueBox(false)
                    let connector = WebSocketClientConnector(
                        url: url, subprotocol: configuration.subprotocol, limits: configuration.limits, logger: logger)
                    do {
                        let close = try await connector.connect { inbound, outbound in
                            connected.withLockedValue { $0 = true }
                            self.state.withLockedValue { $0.connections += 1 }
                            try await self.session(inbound: inbound, outbound: outbound)
                        }
                        state.withLockedValue { state in
                            state.lastClose = close.map { (UInt16(webSocketErrorCode: $0.closeCode), $0.reason) }
                        }
                        if let refusal = connector.refusal(in: close) {
                            // Retrying cannot help: the server supports none of the subprotocol.
                            logger.error(
                                "the WebSocket server refused the subprotocol", metadata: ["error": "\(refusal)"])
                            queue.fail(with: refusal)
                            await queue.waitForWork()
                            continue
                        }
                        if let close, close.closeCode != .normalClosure {
                            logger.warning(
                                "the WebSocket server closed the connection",
                                metadata: [
                                    "websocket.close_code": "\(close.closeCode)", "reason": "\(close.reason ?? "")",
                                ])
                        }
                    } catch {
                        logger.debug("the WebSocket connection failed", metadata: ["error": "\(error)"])
                    }
                    if queue.isClosed { break }
                    failures = connected.withLockedValue { $0 } ? 0 : failures + 1
                    if failures >= configuration.reconnectPolicy.maximumAttempts {
                        var error = CloudEventError(
                            .connectionFailed, message: "cannot connect to \(url) (\(failures) attempts)")
                        error.attempts = failures
                        queue.fail(with: error)
                        failures = 0
                        await queue.waitForWork()
                        continue
                    }
                    let wait = configuration.reconnectPolicy.backoff(afterAttempt: max(1, failures))
                    do {
                        try await Task.sleep(for: wait)
                    } catch {
                        break
                    }
                }
            } onGracefulShutdown: {
                Task { await self.shutdown() }
            }
            queue.close(with: InFlightSends.shutDownError(attempts: 0, target: url))
            queue.fail(with: InFlightSends.shutDownError(attempts: 1, target: url))
        }

        /// Runs ``run()`` around `body`, then shuts down (writing what is queued) and returns
        /// `body`'s result.
        @discardableResult
        public func withConnection<Result: Sendable>(
            gracePeriod: Duration = .seconds(10), _ body: () async throws -> Result
        ) async throws -> Result {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await self.run() }
                do {
                    let result = try await body()
                    await shutdown(gracePeriod: gracePeriod)
                    try await group.waitForAll()
                    return result
                } catch {
                    await shutdown(gracePeriod: .zero)
                    try? await group.waitForAll()
                    throw error
                }
            }
        }

        /// Refuses new sends, writes the waiting ones for up to `gracePeriod`, fails the rest
        /// with ``/CloudEvents/CloudEventError/Code/shutDown``, closes the connection with the
        /// close handshake, and returns once ``run()`` has returned (at once if it never ran).
        public func shutdown(gracePeriod: Duration = .seconds(10)) async {
            queue.close(with: InFlightSends.shutDownError(attempts: 0, target: url))
            let isRunning = state.withLockedValue { $0.isRunning && !$0.hasEnded }
            guard isRunning else {
                queue.fail(with: InFlightSends.shutDownError(attempts: 0, target: url))
                return
            }
            let deadline = Task {
                try await Task.sleep(for: gracePeriod)
                queue.fail(with: InFlightSends.shutDownError(attempts: 1, target: url))
            }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLockedValue { state in
                    if state.hasEnded { return true }
                    state.runEnded.append(continuation)
                    return false
                }
                if now { continuation.resume() }
            }
            deadline.cancel()
        }

        private func ended() {
            let waiters = state.withLockedValue { state in
                state.hasEnded = true
                defer { state.runEnded = [] }
                return state.runEnded
            }
            for waiter in waiters { waiter.resume() }
        }

        /// One connection: the writer writes queued messages until the queue is closed and
        /// empty, then starts the close handshake; the reader reads what the server sends and
        /// ends the session when the server closes, or answers the sender's close.
        ///
        /// The session ends with the reader, never by cancelling it: cancelling a read closes
        /// the connection at once, and the server would lose the messages it had not read yet.
        private func session(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
            let maximumSize = configuration.limits.maximumMessageSize
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    for try await _ in inbound.messages(maxSize: maximumSize) {
                        self.state.withLockedValue { $0.ignored += 1 }
                    }
                    return true
                }
                group.addTask {
                    while let next = await self.queue.first() {
                        try await outbound.write(next.message)
                        self.queue.written(next.id)
                    }
                    guard !Task.isCancelled else { return false }
                    try await outbound.close(.normalClosure, reason: nil)
                    // A server that never answers the close frame is left after the timeout.
                    try await Task.sleep(for: WebSocketCloseHandshake.replyTimeout)
                    return true
                }
                while let ended = try await group.next() {
                    if ended { break }
                }
                group.cancelAll()
            }
        }
    }
#endif
