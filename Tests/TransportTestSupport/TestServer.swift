#if Hummingbird
    public import CloudEvents
    public import CloudEventsHTTP
    public import CloudEventsHummingbird
    public import Hummingbird
    public import Logging
    import NIOCore
    import ServiceLifecycle

    /// A quiet logger for test servers: only critical messages.
    public let testLogger: Logger = {
        var logger = Logger(label: "cloudevents.tests")
        logger.logLevel = .critical
        return logger
    }()

    /// Runs a Hummingbird application with `router` on 127.0.0.1 and an ephemeral port for the
    /// duration of `body`, which gets the bound port; stops the server afterwards.
    ///
    /// The server stops by graceful shutdown, not by cancelling its task: cancelling drops the
    /// connections it accepted but has not yet served, and swift-nio traps on each of them
    /// ("Deinited NIOAsyncWriter without calling finish()", apple/swift-nio#2813). A handler
    /// still running after a second (the slow-peer tests) is then cancelled.
    public func withTestServer<Result: Sendable>(
        _ router: Router<BasicRequestContext>, _ body: (_ port: Int) async throws -> Result
    ) async throws -> Result {
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let application = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            }, logger: testLogger)
        var configuration = ServiceGroupConfiguration(
            services: [application], gracefulShutdownSignals: [], logger: testLogger)
        configuration.maximumGracefulShutdownDuration = .seconds(1)
        let services = ServiceGroup(configuration: configuration)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                await services.triggerGracefulShutdown()
                throw CloudEventError(.transportFailed, message: "the test server did not start")
            }
            do {
                let result = try await body(port)
                await services.triggerGracefulShutdown()
                return result
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
        }
    }

    /// A router with one CloudEvents route at `/events` that records every event in `recorder`
    /// and answers with `reply` (by default none: 202).
    public func recordingRouter(
        _ recorder: EventRecorder, options: CloudEventRouteOptions = CloudEventRouteOptions(),
        delay: Duration = .zero, reply: (@Sendable (CloudEvent) -> CloudEvent?)? = nil
    ) -> Router<BasicRequestContext> {
        let router = Router()
        router.receiveCloudEvents(at: "/events", options: options) { event, context in
            if delay > .zero { try await Task.sleep(for: delay) }
            await recorder.record(event, context)
            return reply?(event)
        }
        return router
    }
#endif
