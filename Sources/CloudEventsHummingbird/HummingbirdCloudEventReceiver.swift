#if Hummingbird
    public import CloudEvents
    public import CloudEventsHTTP
    public import Hummingbird
    public import Logging
    public import ServiceLifecycle
    import NIOCore

    /// A ready-made HTTP ``/CloudEvents/CloudEventReceiver``: a Hummingbird server with one
    /// CloudEvents route, for code written against the transport-independent protocol. It is a
    /// swift-service-lifecycle `Service`.
    ///
    /// ```swift
    /// let receiver = HummingbirdCloudEventReceiver(
    ///     configuration: .init(address: .hostname("0.0.0.0", port: 8080)), path: "/events"
    /// ) { event, context in
    ///     context.logger.info("received \(event.id)")
    ///     return nil
    /// }
    /// try await ServiceGroup(services: [receiver], logger: logger).run()
    /// ```
    ///
    /// ``run()`` serves until its task is cancelled or, inside a `ServiceGroup`, until graceful
    /// shutdown, which lets requests already being handled finish. To add other routes or
    /// middleware, build your own `Router` with
    /// ``Hummingbird/RouterMethods/receiveCloudEvents(at:options:handler:)`` instead.
    public struct HummingbirdCloudEventReceiver: CloudEventReceiver, Service {
        /// The server's address and settings.
        public var configuration: ApplicationConfiguration
        /// The path events are posted to.
        public var path: String
        /// Decoding limits, reply encoding, the webhook handshake and the filter.
        public var options: CloudEventRouteOptions
        /// The server's logger.
        public var logger: Logger
        /// Called once the server listens, with the port it bound (useful with port 0).
        public var onServerRunning: @Sendable (_ port: Int?) async -> Void
        /// Called with each received event.
        public var handler: CloudEventHandler

        /// Creates a receiver.
        ///
        /// - Parameters:
        ///   - configuration: Address and server settings. Default `127.0.0.1:8080`.
        ///   - path: The path events are posted to. Default `/`.
        ///   - options: Decoding limits, reply encoding, the webhook handshake and the filter.
        ///   - logger: The server's logger. Default label `cloudevents.receiver`.
        ///   - onServerRunning: Called once the server listens, with its port.
        ///   - handler: Called with each received event.
        public init(
            configuration: ApplicationConfiguration = ApplicationConfiguration(),
            path: String = "/",
            options: CloudEventRouteOptions = CloudEventRouteOptions(),
            logger: Logger = Logger(label: "cloudevents.receiver"),
            onServerRunning: @escaping @Sendable (_ port: Int?) async -> Void = { _ in },
            handler: @escaping CloudEventHandler
        ) {
            self.configuration = configuration
            self.path = path
            self.options = options
            self.logger = logger
            self.onServerRunning = onServerRunning
            self.handler = handler
        }

        /// Serves until cancelled or gracefully shut down, handing each received event to ``handler``.
        public func run() async throws {
            let router = Router()
            router.receiveCloudEvents(at: RouterPath(path), options: options, handler: handler)
            let onServerRunning = onServerRunning
            let application = Application(
                router: router, configuration: configuration,
                onServerRunning: { channel in await onServerRunning(channel.localAddress?.port) }, logger: logger)
            try await application.run()
        }
    }
#endif
