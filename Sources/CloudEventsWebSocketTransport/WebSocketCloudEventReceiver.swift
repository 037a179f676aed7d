#if WebSocket
    public import CloudEvents
    import CloudEventsWebSocket
    import CloudEventsTracing
    import CloudEventsTransport
    public import Logging
    import NIOConcurrencyHelpers
    public import ServiceLifecycle
    import NIOWebSocket
    import WSCore

    /// Connects to a CloudEvents WebSocket server (swift-websocket's client) and hands every
    /// event the server pushes to a handler: a service or an app subscribes this way.
    ///
    /// ```swift
    /// let receiver = WebSocketCloudEventReceiver(url: "ws://127.0.0.1:8080/events") { event, context in
    ///     print(event.id)
    ///     return nil
    /// }
    /// try await ServiceGroup(services: [receiver], logger: logger).run()
    /// ```
    ///
    /// Events are handled one at a time, in the order the server sent them, each inside a
    /// consumer span whose parent is the event's own `traceparent` (WebSocket frames have no
    /// headers; the event's Distributed Tracing extension is the carrier). A reply event the
    /// handler returns is sent back on the connection. A message that is not a valid event
    /// closes the connection with the close code and reason of
    /// ``/CloudEventsWebSocket/WebSocketMessageError`` and counts in ``Statistics/invalidMessages``;
    /// the receiver then reconnects.
    ///
    /// When the connection is lost the receiver reconnects as
    /// ``WebSocketCloudEventClientConfiguration/reconnectPolicy`` says; ``run()`` throws
    /// ``/CloudEvents/CloudEventError/Code/connectionFailed`` after its `maximumAttempts` attempts
    /// in a row fail. An attempt whose connection closed before carrying any message counts as
    /// failed, so a server that keeps accepting and closing at once is not reconnected to forever. ``shutdown()`` (or graceful shutdown) closes
    /// with the close handshake, after the event being handled, and ``run()`` returns.
    public final class WebSocketCloudEventReceiver: CloudEventReceiver, Service {
        /// The subprotocol, limits and reconnection.
        public typealias Configuration = WebSocketCloudEventClientConfiguration

        /// The receiver's counts.
        public struct Statistics: Sendable, Hashable {
            /// Events whose handler returned.
            public var handledEvents = 0
            /// Messages that were not valid events (each closed its connection).
            public var invalidMessages = 0
            /// Events whose handler threw.
            public var failedEvents = 0
            /// Connections opened.
            public var connections = 0
        }

        private struct State {
            var connections = 0
            var isShutDown = false
            var outbound: WebSocketOutboundWriter?
            var connectedWaiters: [CheckedContinuation<Void, Never>] = []
        }

        /// The server's URL.
        public let url: String
        /// The subprotocol, limits and reconnection.
        public let configuration: Configuration
        private let delivery: WebSocketEventDelivery
        private let logger: Logger
        private let state = NIOLockedValueBox(State())

        /// Creates a receiver; ``run()`` connects it.
        public init(
            url: String, configuration: Configuration = Configuration(),
            logger: Logger = Logger(label: "cloudevents.websocket.receiver"), handler: @escaping CloudEventHandler
        ) {
            self.url = url
            self.configuration = configuration
            self.logger = logger
            self.delivery = WebSocketEventDelivery(
                handler: handler, logger: logger, counts: NIOLockedValueBox(WebSocketReceiveCounts()),
                metrics: configuration.metrics)
        }

        /// The messages received so far, events and invalid ones.
        private var messageCount: Int {
            delivery.counts.withLockedValue { $0.handledEvents + $0.invalidMessages + $0.failedEvents }
        }

        /// The counts.
        public var statistics: Statistics {
            let counts = delivery.counts.withLockedValue { $0 }
            return Statistics(
                handledEvents: counts.handledEvents, invalidMessages: counts.invalidMessages,
                failedEvents: counts.failedEvents, connections: state.withLockedValue { $0.connections })
        }

        /// Returns once a connection is open.
        public func waitUntilConnected() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLockedValue { state in
                    if state.outbound != nil { return true }
                    state.connectedWaiters.append(continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        }

        /// Connects and handles events, reconnecting when the connection is lost, until
        /// ``shutdown()``.
        ///
        /// - Throws: ``/CloudEvents/CloudEventError/Code/connectionFailed`` when the reconnect
        ///   policy's attempts in a row fail;
        ///   ``/CloudEvents/CloudEventError/Code/unsupportedFormat`` when the server refuses the
        ///   subprotocol (it closes with 1002), with the server's reason.
        public func run() async throws {
            var failures = 0
            try await withGracefulShutdownHandler {
                while !state.withLockedValue({ $0.isShutDown }) {
                    let connected = NIOLockedValueBox(false)
                    let messagesBefore = messageCount
                    var lastError: (any Error)?
                    let connector = WebSocketClientConnector(
                        url: url, subprotocol: configuration.subprotocol, limits: configuration.limits, logger: logger)
                    do {
                        let close = try await connector.connect { inbound, outbound in
                            connected.withLockedValue { $0 = true }
                            try await self.session(inbound: inbound, outbound: outbound)
                        }
                        // Retrying cannot help: the server supports none of the subprotocol.
                        if let refusal = connector.refusal(in: close) { throw refusal }
                    } catch let refusal as CloudEventError where refusal.code == .unsupportedFormat {
                        throw refusal
                    } catch {
                        lastError = error
                        logger.debug("the WebSocket connection failed", metadata: ["error": "\(error)"])
                    }
                    state.withLockedValue { $0.outbound = nil }
                    if state.withLockedValue({ $0.isShutDown }) { break }
                    // A connection that carried no message does not reset the count: a server that
                    // accepts and closes at once (a refusal whose close frame was lost) would
                    // otherwise be reconnected to forever.
                    let carriedMessages = messageCount != messagesBefore
                    failures = connected.withLockedValue { $0 } && carriedMessages ? 0 : failures + 1
                    guard failures < configuration.reconnectPolicy.maximumAttempts else {
                        var error = CloudEventError(
                            .connectionFailed, message: "cannot connect to \(url) (\(failures) attempts)")
                        error.attempts = failures
                        error.underlyingError = lastError
                        throw error
                    }
                    try? await Task.sleep(for: configuration.reconnectPolicy.backoff(afterAttempt: max(1, failures)))
                }
            } onGracefulShutdown: {
                self.shutdown()
            }
        }

        /// Closes the connection with the close handshake (after the event being handled) and
        /// makes ``run()`` return.
        public func shutdown() {
            let outbound = state.withLockedValue { state in
                state.isShutDown = true
                return state.outbound
            }
            guard let outbound else { return }
            Task { try? await outbound.close(.normalClosure, reason: nil) }
        }

        private func session(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
            let (isShutDown, waiters) = state.withLockedValue { state in
                state.connections += 1
                state.outbound = outbound
                defer { state.connectedWaiters = [] }
                return (state.isShutDown, state.connectedWaiters)
            }
            for waiter in waiters { waiter.resume() }
            if isShutDown {
                try await outbound.close(.normalClosure, reason: nil)
            }
            let codec = WebSocketEventCodec(subprotocol: configuration.subprotocol, limits: configuration.limits)
            var destination = CloudEventTraceDestination(httpURL: url)
            destination.protocolName = "websocket"
            let invalid = try await delivery.receive(
                from: inbound, codec: codec, metadata: ["websocket.subprotocol": configuration.subprotocol.name],
                destination: destination
            ) { reply in
                do {
                    try await outbound.write(codec.encode(reply))
                } catch {
                    logger.error("the reply event was not sent", metadata: ["error": "\(error)"])
                }
            }
            if let invalid {
                try await outbound.close(WebSocketErrorCode(closeCode: invalid.closeCode), reason: invalid.reason)
            }
        }
    }
#endif
