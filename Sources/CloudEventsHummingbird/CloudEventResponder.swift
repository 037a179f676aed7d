#if Hummingbird
    public import CloudEvents
    public import CloudEventsHTTP
    import CloudEventsTransport
    public import Hummingbird
    import NIOCore

    /// How a Hummingbird route receives CloudEvents: the HTTP binding's receiver options.
    public typealias CloudEventRouteOptions = HTTPReceiverOptions

    /// A Hummingbird responder that receives CloudEvents: Hummingbird glue around the binding's
    /// ``/CloudEventsHTTP/HTTPCloudEventEndpoint``, which decides every answer (see its table).
    ///
    /// The handler's context carries the request's logger (`context.logger`), the request head
    /// (`context.httpRequest`) and Hummingbird's own request context
    /// (``CloudEvents/CloudEventContext/hummingbirdContext(as:)``, with the identity an
    /// authentication middleware set). An `HTTPResponseError` the handler throws is Hummingbird's
    /// to answer.
    ///
    /// Most code registers it with ``Hummingbird/RouterMethods/receiveCloudEvents(at:options:handler:)``.
    public struct CloudEventResponder<Context: RequestContext>: HTTPResponder {
        /// The framework-independent endpoint that answers.
        public let endpoint: HTTPCloudEventEndpoint

        /// Decoding limits, reply encoding, the webhook handshake and the filter.
        public var options: CloudEventRouteOptions { endpoint.options }

        /// Creates a responder.
        public init(options: CloudEventRouteOptions = CloudEventRouteOptions(), handler: @escaping CloudEventHandler) {
            self.endpoint = HTTPCloudEventEndpoint(
                options: options, passingThrough: { $0 is any HTTPResponseError }, handler: handler)
        }

        /// Answers one request.
        public func respond(to request: Request, context: Context) async throws -> Response {
            var eventContext = CloudEventContext(transport: "http")
            eventContext.logger = context.logger
            eventContext[HummingbirdContextKey<Context>.self] = context
            let answer = try await endpoint.respond(to: request.head, context: eventContext) { limit in
                do {
                    return Array(try await request.body.collect(upTo: limit).readableBytesView)
                } catch is NIOTooManyBytesError {
                    return nil
                }
            }
            return Self.response(answer)
        }

        private static func response(_ answer: HTTPCloudEventEndpoint.Response) -> Response {
            Response(
                status: answer.head.status, headers: answer.head.headerFields,
                body: answer.body.isEmpty ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
    }

    enum HummingbirdContextKey<Context: RequestContext>: CloudEventContextKey {
        typealias Value = Context
    }

    extension CloudEventContext {
        /// Hummingbird's request context of the request that carried the event, when it is of
        /// type `Context` (the router's context type).
        public func hummingbirdContext<Context: RequestContext>(as type: Context.Type) -> Context? {
            self[HummingbirdContextKey<Context>.self]
        }
    }
#endif
