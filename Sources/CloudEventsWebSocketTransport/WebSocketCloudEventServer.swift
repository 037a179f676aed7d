#if WebSocket
    public import CloudEvents
    public import CloudEventsWebSocket
    public import CloudEventsTracing
    import HTTPTypes
    public import Hummingbird
    public import HummingbirdWebSocket
    public import Logging
    import NIOConcurrencyHelpers
    import NIOWebSocket
    public import ServiceLifecycle

    /// The server side of the CloudEvents WebSocket binding, on hummingbird-websocket: it
    /// negotiates the subprotocol of each connection, hands every event a client sends to a
    /// handler, and pushes events to one client or to all of them.
    ///
    /// Mount it on a WebSocket router with
    /// ``Hummingbird/RouterMethods/cloudEventsWebSocket(_:server:)``:
    ///
    /// ```swift
    /// let server = WebSocketCloudEventServer { event, context in
    ///     context.logger.info("received \(event.id)")
    ///     return nil
    /// }
    /// let webSocketRouter = Router(context: BasicWebSocketRequestContext.self)
    /// webSocketRouter.cloudEventsWebSocket("/events", server: server)
    /// let application = Application(
    ///     router: Router(), server: .http1WebSocketUpgrade(webSocketRouter: webSocketRouter,
    ///     configuration: server.upgradeConfiguration))
    /// try await ServiceGroup(services: [application, server], logger: logger).run()
    /// ```
    ///
    /// **Negotiation.** The server picks the first of ``Configuration/subprotocols`` that the
    /// client offered. A client offering none of them gets the handshake without a
    /// `Sec-WebSocket-Protocol` header, as the binding says, followed at once by a close frame
    /// with 1002 and a reason that lists what the server supports
    /// (``/CloudEventsWebSocket/WebSocketRefusal``); it is counted in
    /// ``Statistics/refusedHandshakes``.
    ///
    /// **An invalid message closes the connection** with a status and a reason: 1007 for a
    /// message that is not a valid event, 1009 for one over the size limit, 1003 for the wrong
    /// frame type, 1008 over the events-per-second limit; the reason names the message's index
    /// and the error (its attribute or byte offset). The binding has no acknowledgement and no
    /// per-message answer, so refusing a message and going on would drop it without the sender
    /// ever knowing; closing is the one signal the protocol has, and it makes the failure
    /// visible to the sender, which reconnects. Events before the invalid one were handled.
    ///
    /// **Events of one connection are handled one at a time, in order**; a reply event the
    /// handler returns is sent back on the same connection.
    ///
    /// **Push with back-pressure.** Each connection has a queue of at most
    /// ``Configuration/pushQueueCapacity`` messages, which its writer drains as fast as the
    /// client reads (the writer waits while the socket cannot take more). When the queue is full,
    /// a push to that client is dropped and counted (``Statistics/droppedPushes``, and in the
    /// ``PushReport``); the client stays connected and gets the later pushes once it catches up.
    /// So a slow client costs at most its queue's messages, never unbounded memory. The server
    /// does not disconnect it: a client stuck behind a full socket could not read a close frame
    /// either.
    ///
    /// **Shutdown.** ``shutdown()`` (also run on graceful shutdown, as a `Service`) refuses new
    /// connections, lets every connection write what its queue holds, and closes each with 1001
    /// and the close handshake. A message that could not be written is counted in
    /// ``Statistics/unwrittenPushes``, never dropped without a count.
    public final class WebSocketCloudEventServer: Sendable, Service {
        /// How connections are negotiated, limited and pushed to.
        public struct Configuration: Sendable {
            /// The subprotocols the server supports, most preferred first. Default `cloudevents.json`.
            public var subprotocols: WebSocketSubprotocols
            /// The limits of each connection: message size, events per second.
            public var limits: WebSocketLimits
            /// The most messages waiting to be written to one client. Default 1,024.
            public var pushQueueCapacity: Int
            /// Where the server's metrics go: the events it handles and refuses. Default the
            /// bootstrapped metrics backend, if any.
            public var metrics: CloudEventMetrics = .bootstrapped

            /// Creates a configuration.
            public init(
                subprotocols: WebSocketSubprotocols = .json, limits: WebSocketLimits = WebSocketLimits(),
                pushQueueCapacity: Int = 1024
            ) {
                self.subprotocols = subprotocols
                self.limits = limits
                self.pushQueueCapacity = max(1, pushQueueCapacity)
            }
        }

        /// What a push to all clients did.
        public struct PushReport: Sendable, Hashable {
            /// Connections the event was queued for.
            public var queued = 0
            /// Connections whose queue was full: the event was dropped for them.
            public var dropped = 0

            /// Creates a report.
            public init(queued: Int = 0, dropped: Int = 0) {
                self.queued = queued
                self.dropped = dropped
            }
        }

        /// The server's counts since it was created.
        public struct Statistics: Sendable, Hashable {
            /// Connections open now.
            public var connections = 0
            /// Handshakes refused because no subprotocol was agreed.
            public var refusedHandshakes = 0
            /// Events whose handler returned.
            public var handledEvents = 0
            /// Messages that closed their connection: invalid, too large, too many.
            public var invalidMessages = 0
            /// Events whose handler threw.
            public var failedEvents = 0
            /// Pushed messages written to their client.
            public var writtenPushes = 0
            /// Pushes dropped because the client's queue was full.
            public var droppedPushes = 0
            /// Queued messages not written because their connection ended first.
            public var unwrittenPushes = 0
            /// The most messages one client's queue held at once: at most the capacity.
            public var deepestPushQueue = 0
        }

        private struct State {
            var connections: [WebSocketConnectionID: Connection] = [:]
            var nextID: UInt64 = 0
            var isShutDown = false
            var stats = Statistics()
            var waiters: [(condition: @Sendable (Int) -> Bool, continuation: CheckedContinuation<Void, Never>)] = []
        }

        private struct Connection: Sendable {
            let codec: WebSocketEventCodec
            let queue: WebSocketPushQueue
        }

        /// The negotiation, limits and push queues.
        public let configuration: Configuration
        private let delivery: WebSocketEventDelivery
        private let state = NIOLockedValueBox(State())

        /// Creates a server; `handler` gets every event a client sends.
        public init(
            configuration: Configuration = Configuration(),
            logger: Logger = Logger(label: "cloudevents.websocket.server"),
            handler: @escaping CloudEventHandler
        ) {
            self.configuration = configuration
            self.delivery = WebSocketEventDelivery(
                handler: handler, logger: logger, counts: NIOLockedValueBox(WebSocketReceiveCounts()),
                metrics: configuration.metrics)
        }

        /// hummingbird-websocket's settings for this server's
        /// `HTTPServerBuilder.http1WebSocketUpgrade(webSocketRouter:configuration:)`: frames up to
        /// the message size limit.
        public var upgradeConfiguration: HTTP1WebSocketUpgradeChannel.Configuration {
            HTTP1WebSocketUpgradeChannel.Configuration(
                ws: WebSocketServerConfiguration(maxFrameSize: configuration.limits.maximumMessageSize))
        }

        /// The counts.
        public var statistics: Statistics {
            let receive = delivery.counts.withLockedValue { $0 }
            return state.withLockedValue { state in
                var stats = state.stats
                stats.connections = state.connections.count
                stats.handledEvents = receive.handledEvents
                stats.invalidMessages = receive.invalidMessages
                stats.failedEvents = receive.failedEvents
                stats.deepestPushQueue = max(
                    stats.deepestPushQueue, state.connections.values.map(\.queue.deepest).max() ?? 0)
                return stats
            }
        }

        /// Whether ``shutdown()`` was called: new connections are refused.
        public var isShutDown: Bool { state.withLockedValue { $0.isShutDown } }

        /// The connections open now.
        public var connections: [WebSocketConnectionID] {
            state.withLockedValue { Array($0.connections.keys).sorted() }
        }

        /// Returns once at least `count` connections are open.
        public func waitUntilConnected(count: Int) async {
            await wait { $0 >= count }
        }

        /// Returns once no connection is open.
        public func waitUntilDisconnected() async {
            await wait { $0 == 0 }
        }

        /// Queues `event` for the connection `id`, in the connection's format.
        ///
        /// - Returns: `true` when it was queued; `false` when the connection's queue is full
        ///   (counted as dropped) or the connection is gone.
        /// - Throws: the format's ``/CloudEvents/CloudEventError`` for an invalid event.
        @discardableResult
        public func push(_ event: CloudEvent, to id: WebSocketConnectionID) throws -> Bool {
            guard let connection = state.withLockedValue({ $0.connections[id] }) else { return false }
            return enqueue(try connection.codec.encode(event), on: connection)
        }

        /// Queues `event` for every open connection, encoding it once per subprotocol.
        ///
        /// - Throws: the format's ``/CloudEvents/CloudEventError`` for an invalid event, before
        ///   anything is queued.
        @discardableResult
        public func pushToAll(_ event: CloudEvent) throws -> PushReport {
            let connections = state.withLockedValue { Array($0.connections.values) }
            var encoded: [String: WebSocketEventMessage] = [:]
            for connection in connections where encoded[connection.codec.subprotocol.name] == nil {
                encoded[connection.codec.subprotocol.name] = try connection.codec.encode(event)
            }
            var report = PushReport()
            for connection in connections {
                guard let message = encoded[connection.codec.subprotocol.name] else { continue }
                if enqueue(message, on: connection) { report.queued += 1 } else { report.dropped += 1 }
            }
            return report
        }

        /// Refuses new connections (their upgrade is declined), writes what every queue holds, closes each connection with
        /// 1001 and the close handshake, and returns once all are closed.
        public func shutdown() async {
            let queues = state.withLockedValue { state in
                state.isShutDown = true
                return state.connections.values.map(\.queue)
            }
            for queue in queues {
                queue.end(
                    closeCode: WebSocketCloseCode.goingAway, reason: "the server is shutting down", discard: false)
            }
            await waitUntilDisconnected()
        }

        /// Waits for graceful shutdown, then runs ``shutdown()``. Put it after the application
        /// in the `ServiceGroup`, so that it shuts down first and the connections drain.
        public func run() async throws {
            try? await gracefulShutdown()
            await shutdown()
        }

        /// Serves one upgraded connection: negotiates, then reads events and writes pushes until
        /// either side closes.
        func serve(
            inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, request: Request, logger: Logger
        ) async throws {
            let offered = request.headers[values: .secWebSocketProtocol]
            let subprotocol: WebSocketSubprotocol
            switch configuration.subprotocols.choose(offered: offered) {
            case .success(let chosen):
                subprotocol = chosen
            case .failure(let refusal):
                state.withLockedValue { $0.stats.refusedHandshakes += 1 }
                logger.info("refused a WebSocket connection", metadata: ["reason": "\(refusal.reason)"])
                try await Self.close(
                    inbound, outbound, code: WebSocketErrorCode(closeCode: refusal.closeCode), reason: refusal.reason)
                return
            }
            let codec = WebSocketEventCodec(subprotocol: subprotocol, limits: configuration.limits)
            let connection = Connection(
                codec: codec, queue: WebSocketPushQueue(capacity: configuration.pushQueueCapacity))
            guard let id = register(connection) else {
                try await Self.close(inbound, outbound, code: .goingAway, reason: "the server is shutting down")
                return
            }
            defer { unregister(id) }
            let metadata = ["websocket.subprotocol": subprotocol.name, "websocket.connection": "\(id.rawValue)"]
            let destination = CloudEventTraceDestination(
                name: request.uri.path, url: request.uri.description, protocolName: "websocket")
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await self.writePushes(of: connection.queue, to: outbound) }
                let invalid = try await delivery.receive(
                    from: inbound, codec: codec, metadata: metadata, destination: destination
                ) { reply in
                    if let message = try? codec.encode(reply) { _ = self.enqueue(message, on: connection) }
                }
                if let invalid {
                    connection.queue.end(closeCode: invalid.closeCode, reason: invalid.reason, discard: true)
                } else {
                    connection.queue.end(closeCode: WebSocketCloseCode.normalClosure, reason: "", discard: true)
                }
                try await group.waitForAll()
            }
        }

        /// Closes a connection that was just upgraded, before it carried anything: after
        /// ``upgradeSettlingTime``, a close frame with `code` and `reason`; then reads, and
        /// discards, what the client sends until its close reply, for at most
        /// `WebSocketCloseHandshake.replyTimeout`.
        ///
        /// The wait before the close frame is for swift-websocket's client (1.6), which can miss a
        /// close frame and the end of the stream that arrive while it is still completing the
        /// upgrade; it would then wait forever on a connection the server has left.
        private static func close(
            _ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter, code: WebSocketErrorCode,
            reason: String
        ) async throws {
            try await Task.sleep(for: upgradeSettlingTime)
            try await outbound.close(code, reason: reason)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { for try await _ in inbound {} }
                group.addTask { try await Task.sleep(for: WebSocketCloseHandshake.replyTimeout) }
                try await group.next()
                group.cancelAll()
            }
        }

        /// How long a refused connection stays open after the upgrade before its close frame.
        static let upgradeSettlingTime = Duration.milliseconds(100)

        /// Writes the queue's messages in order until it ends, then closes as its ending says.
        private func writePushes(of queue: WebSocketPushQueue, to outbound: WebSocketOutboundWriter) async {
            var failed = false
            for await message in queue.stream {
                if failed || queue.ending?.discard == true {
                    state.withLockedValue { $0.stats.unwrittenPushes += 1 }
                    continue
                }
                do {
                    try await outbound.write(message)
                    state.withLockedValue { $0.stats.writtenPushes += 1 }
                } catch {
                    failed = true
                    state.withLockedValue { $0.stats.unwrittenPushes += 1 }
                }
            }
            guard let ending = queue.ending, !failed else { return }
            try? await outbound.close(
                WebSocketErrorCode(closeCode: ending.closeCode), reason: ending.reason.isEmpty ? nil : ending.reason)
        }

        private func enqueue(_ message: WebSocketEventMessage, on connection: Connection) -> Bool {
            if connection.queue.enqueue(message) { return true }
            guard connection.queue.ending == nil else { return false }
            state.withLockedValue { $0.stats.droppedPushes += 1 }
            return false
        }

        private func register(_ connection: Connection) -> WebSocketConnectionID? {
            let (id, ready) = state.withLockedValue {
                state -> (WebSocketConnectionID?, [CheckedContinuation<Void, Never>]) in
                guard !state.isShutDown else { return (nil, []) }
                let id = WebSocketConnectionID(rawValue: state.nextID)
                state.nextID += 1
                state.connections[id] = connection
                return (id, Self.readyWaiters(&state))
            }
            for waiter in ready { waiter.resume() }
            return id
        }

        private func unregister(_ id: WebSocketConnectionID) {
            let ready = state.withLockedValue { state in
                if let connection = state.connections.removeValue(forKey: id) {
                    state.stats.deepestPushQueue = max(state.stats.deepestPushQueue, connection.queue.deepest)
                }
                return Self.readyWaiters(&state)
            }
            for waiter in ready { waiter.resume() }
        }

        private func wait(until condition: @escaping @Sendable (Int) -> Bool) async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLockedValue { state in
                    if condition(state.connections.count) { return true }
                    state.waiters.append((condition, continuation))
                    return false
                }
                if now { continuation.resume() }
            }
        }

        private static func readyWaiters(_ state: inout State) -> [CheckedContinuation<Void, Never>] {
            let count = state.connections.count
            var ready: [CheckedContinuation<Void, Never>] = []
            state.waiters.removeAll { waiter in
                guard waiter.condition(count) else { return false }
                ready.append(waiter.continuation)
                return true
            }
            return ready
        }
    }

    /// One connection of a ``WebSocketCloudEventServer``.
    public struct WebSocketConnectionID: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The number, from 0 in the order connections were accepted.
        public let rawValue: UInt64

        /// Orders by number.
        public static func < (left: Self, right: Self) -> Bool { left.rawValue < right.rawValue }

        /// The number.
        public var description: String { "\(rawValue)" }
    }

    extension RouterMethods {
        /// Accepts CloudEvents WebSocket connections at `path`: negotiates the subprotocol and
        /// hands every event to `server`'s handler (see ``WebSocketCloudEventServer``).
        @discardableResult
        public func cloudEventsWebSocket(_ path: RouterPath = "", server: WebSocketCloudEventServer) -> Self
        where Context: WebSocketRequestContext, Self: _HB_SendableMetatype {
            ws(path) { request, _ in
                // A server shutting down refuses the upgrade itself: a client must not write
                // events into a connection that will not read them.
                guard !server.isShutDown else { return .dontUpgrade }
                // Answer with the chosen subprotocol; with none when refused (`serve` then closes).
                let offered = request.headers[values: .secWebSocketProtocol]
                guard case .success(let chosen) = server.configuration.subprotocols.choose(offered: offered) else {
                    return .upgrade([:])
                }
                return .upgrade([.secWebSocketProtocol: chosen.name])
            } onUpgrade: { inbound, outbound, context in
                try await server.serve(
                    inbound: inbound, outbound: outbound, request: context.request, logger: context.logger)
            }
        }
    }
#endif
