public import CloudEvents
import CloudEventsTracing
import CloudEventsTransport
public import HTTPTypes
import Logging

/// The server side of the HTTP binding, independent of any server framework: a request head and
/// body in, a response head and body out.
///
/// It decodes binary, structured and batch requests by `Content-Type`, calls the handler (for a
/// batch once per event, in order) inside a consumer span, and answers:
///
/// | outcome | answer |
/// |---|---|
/// | handled, no reply | `202 Accepted` |
/// | handled with a reply event | `200 OK` carrying it, in the request's mode and format (a batch of replies for a batch) |
/// | not a valid CloudEvent | `400` with a JSON problem body naming the code, attribute and byte offset |
/// | body over the limit | `413` (see ``bodyTooLarge(declaredSize:)``) |
/// | a CloudEvents format no configured format handles | `415` |
/// | the handler throws a ``/CloudEvents/CloudEventError`` | the status its code maps to, with a problem body |
/// | the handler throws an error the adapter passes through | rethrown, for the framework to answer |
/// | the handler throws anything else | `500` with a generic problem body (logged, never echoed) |
/// | `OPTIONS` webhook handshake | ``WebhookValidation``'s answer |
///
/// For a batch, the handler's first thrown error ends the batch: the events before it were
/// handled, and the problem body's `index` names the failing event.
///
/// A server adapter is thin glue: it gives ``respond(to:context:collectingBody:)`` a way to read
/// its framework's body up to a limit (the endpoint answers ``bodyTooLarge(declaredSize:)``
/// beyond ``HTTPReceiverOptions/maximumBodySize``), gives the handler's context its framework's
/// logger and values, and writes the ``Response`` back (Hummingbird's and Vapor's adapters are
/// this and no more):
///
/// ```swift
/// let endpoint = HTTPCloudEventEndpoint(options: options) { event, context in
///     print(event.id, context.httpRequest?.path ?? "")
///     return nil
/// }
/// let response = try await endpoint.respond(to: head, body: body, context: CloudEventContext(transport: "http"))
/// ```
public struct HTTPCloudEventEndpoint: Sendable {
    /// An answer: the response head and its body.
    public struct Response: Sendable {
        /// The status and header fields.
        public var head: HTTPResponse
        /// The body bytes.
        public var body: [UInt8]

        /// Creates a response.
        public init(head: HTTPResponse, body: [UInt8] = []) {
            self.head = head
            self.body = body
        }
    }

    /// Decoding limits, reply encoding, the webhook handshake, the filter and the handler bound.
    public let options: HTTPReceiverOptions
    /// Called with each received event that passes ``HTTPReceiverOptions/filter``.
    public let handler: CloudEventHandler

    private let passesThrough: @Sendable (any Error) -> Bool
    private let limit: ConcurrencyLimit?

    /// Creates an endpoint.
    ///
    /// - Parameters:
    ///   - options: Limits, reply encoding, handshake, filter and handler bound.
    ///   - passingThrough: Which errors thrown by the handler are the framework's own, to be
    ///     rethrown from ``respond(to:body:context:)`` for the framework to answer (Hummingbird's
    ///     `HTTPResponseError`). Default none.
    ///   - handler: Called with each event.
    public init(
        options: HTTPReceiverOptions = HTTPReceiverOptions(),
        passingThrough: @escaping @Sendable (any Error) -> Bool = { _ in false },
        handler: @escaping CloudEventHandler
    ) {
        self.options = options
        self.handler =
            options.filter.map { [metrics = options.metrics] filter in
                filter.filtering(nonMatching: options.nonMatching, onNonMatching: { _, context in
                    TransportObservation.recordFiltered(
                        destination: CloudEventTraceDestination(name: context.metadata["http.target"] ?? "/"),
                        metrics: metrics)
                }, handler)
            } ?? handler
        self.passesThrough = passingThrough
        self.limit = options.maximumConcurrentHandlers.map { ConcurrencyLimit(maximum: $0) }
    }

    /// Answers one request whose body the adapter has collected.
    ///
    /// - Parameters:
    ///   - request: The request head.
    ///   - body: The body, at most ``HTTPReceiverOptions/maximumBodySize`` bytes.
    ///   - context: The handler's context as the adapter prepared it (its logger, its framework's
    ///     values); the endpoint adds the content mode, the batch position, the request head and
    ///     the `http.*` metadata.
    /// - Throws: Only what the handler throws and `passingThrough` accepts, and
    ///   `CancellationError` while waiting for a handler slot.
    public func respond(to request: HTTPRequest, body: [UInt8], context: CloudEventContext) async throws -> Response {
        if request.method == .options {
            return webhookHandshake(request)
        }
        let logger = context.logger
        let decoded: DecodedHTTPMessage
        do {
            decoded = try options.decoder.decode(headerFields: request.headerFields, body: body)
        } catch let error as CloudEventError {
            logger.debug("refused a CloudEvents request", metadata: ["error": "\(error)"])
            TransportObservation.recordRefusal(
                error, destination: CloudEventTraceDestination(name: Self.path(of: request)), metrics: options.metrics)
            return Self.problem(error)
        }
        let path = Self.path(of: request)
        var eventContext = context
        eventContext.transport = "http"
        eventContext.contentMode = decoded.mode
        eventContext.httpRequest = request
        eventContext.metadata["http.method"] = request.method.rawValue
        eventContext.metadata["http.target"] = path
        eventContext.metadata["cloudevents.content_mode"] = decoded.mode.rawValue
        let events = decoded.events
        let received = TransportObservation.extract(from: request.headerFields)
        var replies: [CloudEvent] = []
        for (index, event) in events.enumerated() {
            if decoded.mode == .batch {
                eventContext.batchIndex = index
                eventContext.batchCount = events.count
            }
            do {
                let reply = try await TransportObservation.withConsumerSpan(
                    processing: event, received: received, destination: CloudEventTraceDestination(name: path),
                    batch: decoded.mode == .batch ? (index, events.count) : nil, metrics: options.metrics
                ) { [eventContext] in try await callHandler(event, eventContext) }
                if let reply { replies.append(reply) }
            } catch let error as CloudEventError {
                logger.debug(
                    "the CloudEvent handler refused an event",
                    metadata: ["cloudevents.event_id": "\(event.id)", "error": "\(error)"])
                return Self.problem(decoded.mode == .batch && error.index == nil ? error.atIndex(index) : error)
            } catch  where passesThrough(error) {
                throw error
            } catch is CancellationError where Task.isCancelled {
                throw CancellationError()
            } catch {
                logger.error(
                    "the CloudEvent handler failed",
                    metadata: ["cloudevents.event_id": "\(event.id)", "error": "\(String(reflecting: error))"])
                return Self.internalError
            }
        }
        guard !replies.isEmpty else { return Response(head: HTTPResponse(status: .accepted)) }
        return reply(replies, mode: decoded.mode, format: replyFormat(for: request), logger: logger)
    }

    /// Answers one request, collecting its body with `collect`: ``bodyTooLarge(declaredSize:)``
    /// when `Content-Length` declares more than ``HTTPReceiverOptions/maximumBodySize`` (without
    /// reading the body) or when `collect` finds more, otherwise ``respond(to:body:context:)``.
    /// This is what a server adapter calls.
    ///
    /// - Parameters:
    ///   - request: The request head.
    ///   - context: The handler's context as the adapter prepared it.
    ///   - collect: Reads the framework's body, returning `nil` when it holds more than the
    ///     `limit` bytes it is given.
    /// - Throws: What ``respond(to:body:context:)`` throws, and what `collect` throws.
    public func respond(
        to request: HTTPRequest, context: CloudEventContext,
        collectingBody collect: (_ limit: Int) async throws -> [UInt8]?
    ) async throws -> Response {
        let body: [UInt8]
        do {
            body = try await options.collectBody(of: request, collect)
        } catch let error as CloudEventError where error.code == .limitExceeded {
            return Self.problem(error)
        }
        return try await respond(to: request, body: body, context: context)
    }

    /// The request's path without its query: the destination's name in spans and metrics.
    private static func path(of request: HTTPRequest) -> String {
        request.path.map { String($0.prefix { $0 != "?" }) } ?? "/"
    }

    /// The answer to a request whose body exceeds ``HTTPReceiverOptions/maximumBodySize``: `413`
    /// with a problem body, code ``/CloudEvents/CloudEventError/Code/limitExceeded``.
    ///
    /// - Parameter declaredSize: The size `Content-Length` declared, when that is how the adapter
    ///   knew (it then need not read the body at all).
    public func bodyTooLarge(declaredSize: Int?) -> Response {
        Self.problem(options.bodyTooLarge(declaredSize: declaredSize))
    }

    /// The `Content-Length` of `request` when it declares more than the body limit: an adapter
    /// answers ``bodyTooLarge(declaredSize:)`` before reading the body.
    public func declaredSizeOverLimit(_ request: HTTPRequest) -> Int? {
        options.declaredSizeOverLimit(request)
    }

    /// The answer for a refused request: the status ``CloudEventProblem`` maps the code to, and
    /// its problem body.
    public static func problem(_ error: CloudEventError) -> Response {
        Response(
            head: HTTPResponse(
                status: CloudEventProblem.status(for: error.code),
                headerFields: [.contentType: CloudEventProblem.contentType]),
            body: CloudEventProblem.body(for: error))
    }

    private static let internalError = Response(
        head: HTTPResponse(status: .internalServerError, headerFields: [.contentType: CloudEventProblem.contentType]),
        body: CloudEventProblem.internalErrorBody)

    private func callHandler(_ event: CloudEvent, _ context: CloudEventContext) async throws -> CloudEvent? {
        guard let limit else { return try await handler(event, context) }
        return try await limit.withPermit { try await handler(event, context) }
    }

    /// The format a structured or batch request came in, which its reply goes back in; JSON for
    /// binary mode.
    private func replyFormat(for request: HTTPRequest) -> any CloudEventFormat {
        switch try? options.decoder.classify(request.headerFields) {
        case .structured(let format)?, .batch(let format)?: format
        default: JSONEventFormat()
        }
    }

    /// The reply events, encoded in the request's mode and format.
    private func reply(
        _ replies: [CloudEvent], mode: CloudEventContentMode, format: any CloudEventFormat, logger: Logger
    ) -> Response {
        let encoder = HTTPEventEncoder(mode: mode, headerBudget: options.replyHeaderBudget, format: format)
        do {
            let message = try mode == .batch ? encoder.encodeBatch(replies) : encoder.encode(replies[0])
            return Response(head: HTTPResponse(status: .ok, headerFields: message.headerFields), body: message.body)
        } catch {
            // The handler's own reply is invalid: a bug on this side, not the sender's.
            logger.error(
                "the CloudEvent handler returned a reply that cannot be encoded", metadata: ["error": "\(error)"])
            return Self.internalError
        }
    }

    private func webhookHandshake(_ request: HTTPRequest) -> Response {
        if let answer = options.webhookValidation?.respond(to: request) {
            return Response(head: answer)
        }
        return Response(head: HTTPResponse(status: .noContent, headerFields: [.allow: "OPTIONS, POST"]))
    }
}
