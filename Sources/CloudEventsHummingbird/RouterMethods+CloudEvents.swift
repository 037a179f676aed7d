#if Hummingbird
    public import CloudEvents
    public import CloudEventsHTTP
    public import Hummingbird

    extension RouterMethods {
        /// Receives CloudEvents posted to `path` and hands each to `handler`.
        ///
        /// ```swift
        /// let router = Router()
        /// router.receiveCloudEvents(at: "/events") { event, context in
        ///     logger.info("received \(event.type) \(event.id)")
        ///     return nil                               // 202 Accepted; return an event to reply with it
        /// }
        /// try await Application(router: router).runService()
        /// ```
        ///
        /// Registers `POST` (and `OPTIONS` for the webhook handshake when
        /// ``/CloudEventsHTTP/HTTPReceiverOptions/webhookValidation`` is set) with a ``CloudEventResponder``; see it
        /// for every answer the route gives.
        @discardableResult
        public func receiveCloudEvents(
            at path: RouterPath = "", options: CloudEventRouteOptions = CloudEventRouteOptions(),
            handler: @escaping CloudEventHandler
        ) -> Self {
            let responder = CloudEventResponder<Context>(options: options, handler: handler)
            on(path, method: .post, responder: responder)
            if options.webhookValidation != nil {
                on(path, method: .options, responder: responder)
            }
            return self
        }
    }
#endif
