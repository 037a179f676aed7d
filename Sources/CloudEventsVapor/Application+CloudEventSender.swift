#if Vapor
    public import CloudEventsHTTP
    public import Vapor

    extension Application {
        /// A ``VaporCloudEventSender`` over the application's client that shuts down with the
        /// application: when it stops, running sends get `shutdownGracePeriod` to finish, then
        /// the rest fail with ``/CloudEvents/CloudEventError/Code/shutDown``.
        ///
        /// ```swift
        /// let orders = app.cloudEventSender(to: "http://orders.internal/events")
        /// app.post("checkout") { request in
        ///     try await orders.send(CloudEvent(source: "/shop", type: "com.example.checkout"), deadline: nil,
        ///                           logger: request.logger)
        ///     return HTTPStatus.accepted
        /// }
        /// ```
        ///
        /// - Parameters:
        ///   - url: Where to send events.
        ///   - configuration: Mode, deadline, retry policy, extra header fields and metrics.
        ///   - shutdownGracePeriod: How long the application's shutdown lets running sends finish.
        public func cloudEventSender(
            to url: String, configuration: HTTPSenderConfiguration = HTTPSenderConfiguration(),
            shutdownGracePeriod: Duration = .seconds(10)
        ) -> VaporCloudEventSender {
            let sender = VaporCloudEventSender(
                url: url, client: client, configuration: configuration, shutdownGracePeriod: shutdownGracePeriod,
                logger: logger)
            lifecycle.use(SenderShutdown(sender: sender))
            return sender
        }
    }

    /// Shuts a sender down when its application shuts down.
    struct SenderShutdown: LifecycleHandler {
        let sender: VaporCloudEventSender

        func shutdownAsync(_ application: Application) async {
            await sender.shutdown()
        }
    }
#endif
