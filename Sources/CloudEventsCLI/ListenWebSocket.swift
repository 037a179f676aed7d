#if Hummingbird && WebSocket
    import ArgumentParser
    import CloudEvents
    import CloudEventsWebSocketTransport
    import Hummingbird
    import HummingbirdWebSocket
    import ServiceLifecycle
    import UnixSignals

    extension ListenCommand {
        /// `listen --websocket`: accepts CloudEvents WebSocket connections at `/`, negotiates
        /// `cloudevents.json`, and prints one line per event as HTTP `listen` does, across connections.
        func listenOverWebSocket() async throws {
            let logger = standardErrorLogger(label: "cloudevents.listen")
            let server = WebSocketCloudEventServer(logger: logger) { event, _ in
                StandardStream.output.write(try EventLine.bytes(for: event))
                return nil
            }
            let webSocketRouter = Router(context: BasicWebSocketRequestContext.self)
            webSocketRouter.cloudEventsWebSocket("/", server: server)
            let displayHost = host.contains(":") ? "[\(host)]" : host
            let application = Application(
                router: Router(),
                server: .http1WebSocketUpgrade(
                    webSocketRouter: webSocketRouter, configuration: server.upgradeConfiguration),
                configuration: ApplicationConfiguration(address: .hostname(host, port: port ?? 0)),
                onServerRunning: { channel in
                    reportError("listen", "listening on ws://\(displayHost):\(channel.localAddress?.port ?? 0)/")
                },
                logger: logger)
            // The server shuts down first (services stop in reverse order): its connections drain
            // and close with 1001, then the application stops.
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [application, server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            do {
                try await group.run()
            } catch {
                reportError("listen", "\(error)")
                throw ExitCode.failure
            }
            reportError("listen", "stopped")
        }
    }
#endif
