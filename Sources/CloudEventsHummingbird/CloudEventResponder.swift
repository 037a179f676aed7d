#if Hummingbird
    public import CloudEvents
    import CloudEventsHTTP
    import CloudEventsTracing
    import HTTPTypes
    public import Hummingbird
    import Logging
    import NIOCore

    /// A Hummingbird responder that receives CloudEvents: it decodes binary, structured and batch
    /// requests under a body-size limit, calls the handler (for a batch, once per event, in order)
    /// and answers:
    ///
    /// | outcome | answer |
    /// |---|---|
    /// | handled, no reply | `202 Accepted` |
    /// | handled with a reply event | `200 OK` carrying it, in the request's mode (a batch of replies for a batch) |
    /// | not a valid CloudEvent | `400` with a JSON problem body naming the code, attribute and byte offset |
    /// | body over the limit | `413` |
    /// | a CloudEvents format other than JSON | `415` |
    /// | the handler throws a ``CloudEvents/CloudEventError`` | the status its code maps to, with a problem body |
    /// | the handler throws an `HTTPResponseError` | that error's own response |
    /// | the handler throws anything else | `500` with a generic problem body (logged, never echoed) |
    /// | `OPTIONS` webhook handshake | ``CloudEventsHTTP/WebhookValidation``'s answer |
    ///
    /// For a batch, the handler's first thrown error ends the batch: the events before it were
    /// handled, and the problem body's `index` names the failing event.
    ///
    /// Most code registers it with ``Hummingbird/RouterMethods/receiveCloudEvents(at:options:handler:)``.
    public struct CloudEventResponder<Context: RequestContext>: HTTPResponder {
        /// Decoding limits, reply encoding and the webhook handshake.
        public let options: CloudEventRouteOptions
        /// Called with each received event.
        public let handler: CloudEventHandler

        /// Creates a responder.
        public init(options: CloudEventRouteOptions = CloudEventRouteOptions(), handler: @escaping CloudEventHandler) {
            self.options = options
            self.handler = handler
        }

        /// Answers one request.
        public func respond(to request: Request, context: Context) async throws -> Response {
            if request.method == .options {
                return webhookHandshake(request)
            }
            let decoded: DecodedHTTPMessage
            do {
                let body = try await collectBody(request)
                decoded = try options.decoder.decode(headerFields: request.headers, body: body)
            } catch let error as CloudEventError {
                context.logger.debug("refused a CloudEvents request", metadata: ["error": "\(error)"])
                return Self.problem(error)
            }
            var eventContext = CloudEventContext(
                transport: "http",
                metadata: [
                    "http.method": request.method.rawValue, "http.target": request.uri.path,
                    "cloudevents.content_mode": decoded.mode.rawValue,
                ])
            let events = decoded.events
            let traceContext = TransportTracing.extract(from: request.headers)
            var replies: [CloudEvent] = []
            for (index, event) in events.enumerated() {
                if decoded.mode == .batch {
                    eventContext.batchIndex = index
                    eventContext.batchCount = events.count
                }
                do {
                    let reply = try await TransportTracing.withConsumerSpan(
                        processing: event, received: traceContext, path: request.uri.path,
                        batch: decoded.mode == .batch ? (index, events.count) : nil
                    ) { [eventContext] in try await handler(event, eventContext) }
                    if let reply { replies.append(reply) }
                } catch let error as CloudEventError {
                    context.logger.debug(
                        "the CloudEvent handler refused an event",
                        metadata: ["cloudevents.event_id": "\(event.id)", "error": "\(error)"])
                    return Self.problem(
                        decoded.mode == .batch && error.index == nil ? error.atIndex(index) : error)
                } catch let error as any HTTPResponseError {
                    throw error
                } catch {
                    context.logger.error(
                        "the CloudEvent handler failed",
                        metadata: ["cloudevents.event_id": "\(event.id)", "error": "\(String(reflecting: error))"])
                    return Response(
                        status: .internalServerError, headers: [.contentType: CloudEventProblem.contentType],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: CloudEventProblem.internalErrorBody)))
                }
            }
            guard !replies.isEmpty else { return Response(status: .accepted) }
            return reply(replies, mode: decoded.mode, logger: context.logger)
        }

        /// The body, refused with `limitExceeded` when larger than the limit: at once when
        /// `Content-Length` says so, otherwise once the limit is passed while reading.
        private func collectBody(_ request: Request) async throws -> [UInt8] {
            let limit = options.maximumBodySize
            if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
                throw Self.tooLarge(declared, limit: limit)
            }
            do {
                let buffer = try await request.body.collect(upTo: limit)
                return Array(buffer.readableBytesView)
            } catch is NIOTooManyBytesError {
                throw Self.tooLarge(nil, limit: limit)
            }
        }

        private static func tooLarge(_ size: Int?, limit: Int) -> CloudEventError {
            CloudEventError(
                .limitExceeded, attribute: "data",
                message: "the body" + (size.map { " of \($0) bytes" } ?? "") + " exceeds the limit of \(limit) bytes")
        }

        /// The reply events, encoded in the request's mode.
        private func reply(_ replies: [CloudEvent], mode: HTTPContentMode, logger: Logger) -> Response {
            let encoder = HTTPEventEncoder(mode: mode, headerBudget: options.replyHeaderBudget)
            do {
                let message = try mode == .batch ? encoder.encodeBatch(replies) : encoder.encode(replies[0])
                return Response(
                    status: .ok, headers: message.headerFields,
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: message.body)))
            } catch {
                // The handler's own reply is invalid: a bug on this side, not the sender's.
                logger.error(
                    "the CloudEvent handler returned a reply that cannot be encoded", metadata: ["error": "\(error)"])
                return Response(
                    status: .internalServerError, headers: [.contentType: CloudEventProblem.contentType],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: CloudEventProblem.internalErrorBody)))
            }
        }

        private func webhookHandshake(_ request: Request) -> Response {
            if let answer = options.webhookValidation?.respond(to: request.head) {
                return Response(status: answer.status, headers: answer.headerFields)
            }
            return Response(status: .noContent, headers: [.allow: "OPTIONS, POST"])
        }

        private static func problem(_ error: CloudEventError) -> Response {
            Response(
                status: CloudEventProblem.status(for: error.code),
                headers: [.contentType: CloudEventProblem.contentType],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: CloudEventProblem.body(for: error))))
        }
    }

#endif
