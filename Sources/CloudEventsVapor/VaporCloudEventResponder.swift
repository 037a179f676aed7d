#if Vapor
    public import CloudEvents
    public import CloudEventsHTTP
    public import Vapor

    /// A Vapor responder that receives CloudEvents: Vapor glue around the binding's
    /// ``/CloudEventsHTTP/HTTPCloudEventEndpoint``, which decides every answer (see its table).
    ///
    /// The handler's context carries the request's logger (`context.logger`), the request head
    /// (`context.httpRequest`) and the Vapor request itself
    /// (``CloudEvents/CloudEventContext/vaporRequest``). An `AbortError` the handler throws is
    /// Vapor's to answer.
    ///
    /// Most code registers it with ``Vapor/RoutesBuilder/receiveCloudEvents(at:options:handler:)``.
    public struct VaporCloudEventResponder: AsyncResponder {
        /// The framework-independent endpoint that answers.
        public let endpoint: HTTPCloudEventEndpoint

        /// Decoding limits, reply encoding, the webhook handshake and the filter.
        public var options: HTTPReceiverOptions { endpoint.options }

        /// Creates a responder.
        public init(options: HTTPReceiverOptions = HTTPReceiverOptions(), handler: @escaping CloudEventHandler) {
            self.endpoint = HTTPCloudEventEndpoint(
                options: options, passingThrough: { $0 is any AbortError }, handler: handler)
        }

        /// Answers one request.
        public func respond(to request: Request) async throws -> Response {
            var context = CloudEventContext(transport: "http")
            context.logger = request.logger
            context[VaporRequestKey.self] = request
            let answer = try await endpoint.respond(to: request.httpRequest, context: context) { limit in
                try await request.collectBody(upTo: limit)
            }
            return Response(answer)
        }
    }

    enum VaporRequestKey: CloudEventContextKey {
        typealias Value = Request
    }

    extension CloudEventContext {
        /// The Vapor request that carried the event, when a Vapor route received it: its
        /// application, authentication and storage.
        public var vaporRequest: Request? { self[VaporRequestKey.self] }
    }
#endif
