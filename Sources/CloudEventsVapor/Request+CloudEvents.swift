#if Vapor
    public import CloudEventsHTTP
    public import Vapor

    extension Request {
        /// Decodes the CloudEvent or events this request carries, in any mode (binary, structured
        /// or batch), its body limited to `options`' ``/CloudEventsHTTP/HTTPReceiverOptions/maximumBodySize``:
        /// for a route of your own that decodes by itself.
        ///
        /// ```swift
        /// app.on(.POST, "orders", body: .stream) { request in
        ///     let message = try await request.cloudEvents()
        ///     return message.events.count.description
        /// }
        /// ```
        ///
        /// Register the route with `body: .stream`: with Vapor's default `.collect`, Vapor refuses
        /// bodies over its own `defaultMaxBodySize` before this runs.
        ///
        /// - Parameter options: The decoder and the body limit.
        /// - Returns: The events and the mode they came in.
        /// - Throws: ``/CloudEvents/CloudEventError``: the body over the limit
        ///   (``/CloudEvents/CloudEventError/Code/limitExceeded``) or not a valid CloudEvent;
        ///   ``/CloudEventsHTTP/HTTPCloudEventEndpoint/problem(_:)`` gives the answer for either.
        public func cloudEvents(options: HTTPReceiverOptions = HTTPReceiverOptions()) async throws
            -> DecodedHTTPMessage
        {
            try await options.decodeEvents(of: httpRequest) { limit in try await collectBody(upTo: limit) }
        }
    }
#endif
