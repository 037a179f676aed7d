#if Vapor
    public import CloudEvents
    public import CloudEventsHTTP
    import AsyncHTTPClient
    import CloudEventsAsyncHTTPClient
    import NIOHTTP1
    public import CloudEventsTransport
    public import Logging
    import NIOCore
    public import Vapor

    /// Sends CloudEvents over HTTP with Vapor's `Client` (`app.client`), with the same delivery as
    /// every HTTP sender of this package (``/CloudEventsHTTP/HTTPDelivery``).
    ///
    /// ```swift
    /// let sender = app.cloudEventSender(to: "http://127.0.0.1:8080/events")
    /// let reply = try await sender.send(event)      // the peer's reply event, if any
    /// ```
    ///
    /// - **Modes.** Single events go in the configuration's mode (binary by default);
    ///   ``send(batch:deadline:logger:)`` uses batch mode.
    /// - **Retries.** Connection errors and `408`, `429`, `502`, `503` and `504` are retried as
    ///   ``/CloudEventsTransport/RetryPolicy`` describes, honouring `Retry-After`, always with the
    ///   same event; everything fits in the configuration's `timeout` or the call's `deadline`.
    /// - **Errors** are ``/CloudEvents/CloudEventError`` values, classified as the
    ///   AsyncHTTPClient sender classifies them (Vapor's client is AsyncHTTPClient).
    /// - **Tracing and metrics** through the same observation as the other senders
    ///   (``/CloudEventsHTTP/HTTPSenderConfiguration/metrics``).
    /// - **Shutdown.** ``shutdown(gracePeriod:)`` refuses new sends, lets running ones finish within
    ///   the grace period, then cancels the rest, each of which throws
    ///   ``/CloudEvents/CloudEventError/Code/shutDown``. A sender made with
    ///   ``Vapor/Application/cloudEventSender(to:configuration:shutdownGracePeriod:)`` does this
    ///   when the application shuts down.
    ///
    /// ## The client
    /// Vapor's client follows redirects and retries connection establishment by default
    /// (`app.http.client.configuration`); set `redirectConfiguration = .disallow` and
    /// `connectionPool.retryConnectionEstablishment = false` there so that a redirected `POST` is
    /// not taken for delivery and the retry policy sees refused connections.
    public final class VaporCloudEventSender: DeadlineCloudEventSender {
        /// Where events are sent.
        public let url: String
        /// How events are encoded, delivered and retried.
        public let configuration: HTTPSenderConfiguration
        /// How long ``shutdown(gracePeriod:)`` lets running sends finish by default.
        public let shutdownGracePeriod: Duration

        private let client: any Client
        private let logger: Logger
        private let delivery: HTTPDelivery
        private let inFlight: InFlightSends

        /// Creates a sender that sends with `client` (`app.client`); call ``shutdown(gracePeriod:)``
        /// before the client's application shuts down.
        ///
        /// - Parameters:
        ///   - url: Where to send events, e.g. `http://127.0.0.1:8080/events`.
        ///   - client: Vapor's client to send with.
        ///   - configuration: Mode, deadline, retry policy, extra header fields and metrics.
        ///   - shutdownGracePeriod: How long shutdown lets running sends finish. Default 10 s.
        ///   - logger: Where retries are logged (at `debug`). Default: no logging.
        public init(
            url: String, client: any Client, configuration: HTTPSenderConfiguration = HTTPSenderConfiguration(),
            shutdownGracePeriod: Duration = .seconds(10), logger: Logger = VaporCloudEventSender.silentLogger
        ) {
            self.url = url
            self.client = client
            self.configuration = configuration
            self.shutdownGracePeriod = shutdownGracePeriod
            self.logger = logger
            self.delivery = HTTPDelivery(configuration: configuration, target: url)
            self.inFlight = InFlightSends(target: url)
        }

        /// A logger that discards everything: the default.
        public static let silentLogger = Logger(label: "cloudevents.sender", factory: { _ in SwiftLogNoOpLogHandler() })

        /// Sends one event in the configured mode and returns the peer's reply event, if any.
        ///
        /// - Parameters:
        ///   - event: The event.
        ///   - deadline: When the send must be over, retries included; the configuration's
        ///     `timeout` still applies when it ends earlier. Default: the timeout alone.
        ///   - logger: Where this send logs (a route passes `request.logger`). Default: the sender's.
        /// - Throws: ``/CloudEvents/CloudEventError``, as the other HTTP senders do.
        @discardableResult
        public func send(_ event: CloudEvent, deadline: ContinuousClock.Instant?, logger: Logger? = nil)
            async throws -> CloudEvent?
        {
            try await delivery.send(
                event, deadline: deadline, logger: logger ?? self.logger, inFlight: inFlight, transmit: transmit)
        }


        /// Sends events as one batch-mode request and returns the peer's reply events.
        ///
        /// - Parameters:
        ///   - batch: The events.
        ///   - deadline: When the send must be over; see ``send(_:deadline:logger:)``.
        ///   - logger: Where this send logs. Default: the sender's.
        /// - Throws: as ``send(_:deadline:logger:)``.
        @discardableResult
        public func send(batch: [CloudEvent], deadline: ContinuousClock.Instant?, logger: Logger? = nil)
            async throws -> [CloudEvent]
        {
            try await delivery.send(
                batch: batch, deadline: deadline, logger: logger ?? self.logger, inFlight: inFlight,
                transmit: transmit)
        }


        /// Refuses new sends, lets running ones finish for up to `gracePeriod` (default
        /// ``shutdownGracePeriod``), then cancels the rest. The client stays Vapor's to shut down.
        public func shutdown(gracePeriod: Duration? = nil) async {
            await inFlight.shutdown(gracePeriod: gracePeriod ?? shutdownGracePeriod)
        }

        private var transmit: HTTPDelivery.Transmit {
            let (client, limit) = (client, configuration.maximumAnswerBodySize)
            let (url, method) = (URI(string: url), HTTPMethod(rawValue: configuration.method.rawValue))
            return { headerFields, body, timeLeft in
                let request = ClientRequest(
                    method: method, url: url, headers: HTTPHeaders(headerFields), body: ByteBuffer(bytes: body))
                return try await client.attempt(request, timeLeft: timeLeft, successBodyLimit: limit)
            }
        }
    }
#endif
