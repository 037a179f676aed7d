#if Vapor
    public import CloudEvents
    public import CloudEventsHTTP
    public import Vapor

    extension RoutesBuilder {
        /// Receives CloudEvents posted to `path` and hands each to `handler`; on the `Application`
        /// (`app.receiveCloudEvents(at:)`) or any group of routes.
        ///
        /// ```swift
        /// app.receiveCloudEvents(at: "events") { event, context in
        ///     context.logger.info("received \(event.type) \(event.id)")
        ///     return nil                               // 202 Accepted; return an event to reply with it
        /// }
        /// ```
        ///
        /// Registers `POST` (and `OPTIONS` for the webhook handshake when
        /// ``/CloudEventsHTTP/HTTPReceiverOptions/webhookValidation`` is set) with a
        /// ``VaporCloudEventResponder``, which streams the body so that
        /// ``/CloudEventsHTTP/HTTPReceiverOptions/maximumBodySize`` is the limit, not Vapor's
        /// `defaultMaxBodySize`; see it for every answer the route gives.
        ///
        /// - Returns: The routes registered, `POST` first.
        @discardableResult
        public func receiveCloudEvents(
            at path: PathComponent..., options: HTTPReceiverOptions = HTTPReceiverOptions(),
            handler: @escaping CloudEventHandler
        ) -> [Route] {
            let responder = VaporCloudEventResponder(options: options, handler: handler)
            var methods: [HTTPMethod] = [.POST]
            if options.webhookValidation != nil { methods.append(.OPTIONS) }
            return methods.map { method in
                on(method, path, body: .stream) { request in try await responder.respond(to: request) }
            }
        }
    }
#endif
