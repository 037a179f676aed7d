#if WebSocket
    import CloudEvents
    import CloudEventsWebSocketTransport
    import Hummingbird
    import HummingbirdWebSocket
    import Logging
    import ServiceLifecycle

    let silentLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A Hummingbird application serving `server` at `/events` on 127.0.0.1.
    final class RunningServer: Sendable {
        let port: Int
        let server: WebSocketCloudEventServer
        private let group: ServiceGroup
        private let task: Task<Void, any Error>

        private init(port: Int, server: WebSocketCloudEventServer, group: ServiceGroup, task: Task<Void, any Error>) {
            self.port = port
            self.server = server
            self.group = group
            self.task = task
        }

        var url: String { "ws://127.0.0.1:\(port)/events" }

        /// Starts an application on `port` (0: an ephemeral one) and returns once it listens.
        static func start(_ server: WebSocketCloudEventServer, port: Int = 0) async throws -> RunningServer {
            let webSocketRouter = Router(context: BasicWebSocketRequestContext.self)
            webSocketRouter.cloudEventsWebSocket("/events", server: server)
            let (ports, portContinuation) = AsyncStream<Int>.makeStream()
            let application = Application(
                router: Router(),
                server: .http1WebSocketUpgrade(
                    webSocketRouter: webSocketRouter, configuration: server.upgradeConfiguration),
                configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
                onServerRunning: { channel in
                    portContinuation.yield(channel.localAddress?.port ?? 0)
                    portContinuation.finish()
                },
                logger: silentLogger)
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(services: [application], logger: silentLogger))
            let task = Task {
                // An application that ends without listening (its port is taken) ends the wait.
                defer { portContinuation.finish() }
                try await group.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let bound = await iterator.next() else {
                let failure = await task.result
                throw CloudEventError(.transportFailed, message: "the server did not listen on port \(port): \(failure)")
            }
            return RunningServer(port: bound, server: server, group: group, task: task)
        }

        /// Shuts the WebSocket server down (draining and closing every connection), then the application.
        func stop() async throws {
            await server.shutdown()
            await group.triggerGracefulShutdown()
            try await task.value
        }
    }

    /// Events collected by a handler, and a wait for a count of them.
    actor Collector {
        private(set) var events: [CloudEvent] = []
        private var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

        func add(_ event: CloudEvent) {
            events.append(event)
            let ready = waiters.filter { $0.count <= events.count }
            waiters.removeAll { $0.count <= events.count }
            for waiter in ready { waiter.continuation.resume() }
        }

        func wait(forCount count: Int) async {
            guard events.count < count else { return }
            await withCheckedContinuation { waiters.append((count, $0)) }
        }

        var ids: [String] { events.map(\.id) }

        nonisolated var handler: CloudEventHandler {
            { event, _ in
                await self.add(event)
                return nil
            }
        }
    }

    /// A valid event with `count` bytes of text data.
    func event(_ id: String, dataSize: Int = 16) -> CloudEvent {
        CloudEvent(
            id: id, source: "/tests/websocket", type: "com.example.test", dataContentType: "text/plain",
            data: .text(String(repeating: "x", count: dataSize)))
    }
#endif
