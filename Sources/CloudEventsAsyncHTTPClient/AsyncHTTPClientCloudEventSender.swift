#if AsyncHTTPClient
    public import AsyncHTTPClient
    public import CloudEvents
    public import CloudEventsHTTP
    import CloudEventsTracing
    public import CloudEventsTransport
    import HTTPTypes
    public import Logging
    import NIOCore
    import NIOHTTP1
    public import ServiceLifecycle
    import Tracing

    /// Sends CloudEvents over HTTP with [AsyncHTTPClient](https://github.com/swift-server/async-http-client).
    ///
    /// ```swift
    /// let sender = AsyncHTTPClientCloudEventSender(url: "http://127.0.0.1:8080/events")
    /// let event = CloudEvent(source: "/orders", type: "com.example.order.created")
    /// let reply = try await sender.send(event)      // the peer's reply event, if it sent one
    /// await sender.shutdown()                        // before the process exits
    /// ```
    ///
    /// - **Modes.** Single events go in the configuration's mode (binary by default, with its
    ///   header budget); ``send(batch:deadline:logger:)`` uses batch mode. A `415` from the peer is an error
    ///   (``/CloudEvents/CloudEventError/Code/rejectedByPeer``), never a silent switch of mode.
    /// - **Retries.** Connection errors and `408`, `429`, `502`, `503` and `504` are retried as
    ///   ``/CloudEventsTransport/RetryPolicy`` describes, honouring `Retry-After`, always with
    ///   the same event (the same `id`); no other status is retried. Everything — attempts, waits
    ///   — fits in the configuration's `timeout`, or the call's `deadline` when that is earlier.
    /// - **Errors** are ``/CloudEvents/CloudEventError`` values carrying the final status, a snippet of
    ///   the answer's body, the number of attempts and the client's own error, with a message in
    ///   plain words ("the connection was refused").
    /// - **Loggers.** Retries are logged at `debug` to the sender's logger, or to the logger a call
    ///   passes (a relay passes its request's logger).
    /// - **Concurrency.** One sender serves any number of tasks at once; the underlying
    ///   `HTTPClient` pools connections.
    /// - **Shutdown.** ``shutdown(gracePeriod:)`` refuses new sends, lets running ones finish within
    ///   the grace period, then cancels the rest; each of those throws
    ///   ``/CloudEvents/CloudEventError/Code/shutDown``. As a swift-service-lifecycle `Service`, the
    ///   sender does this on graceful shutdown of its `ServiceGroup`.
    ///
    /// ## The HTTP client
    /// By default the sender creates and owns an `HTTPClient` configured for it (see
    /// ``makeHTTPClientConfiguration()``) and shuts it down in ``shutdown(gracePeriod:)``. To share
    /// a client, pass it in: the sender then does not own it, so shut it down after every sender that
    /// uses it. Two of its settings matter: with `connectionPool.retryConnectionEstablishment` on
    /// (AsyncHTTPClient's default, and `HTTPClient.shared`'s), the client itself keeps reconnecting
    /// until the deadline, so the retry policy never sees connection errors; and a client that
    /// follows redirects turns `POST` into `GET` on `301`/`302`/`303`, which the sender reports as
    /// ``/CloudEvents/CloudEventError/Code/transportFailed`` rather than count as delivery.
    public final class AsyncHTTPClientCloudEventSender: DeadlineCloudEventSender, Service {
        /// Where events are sent.
        public let url: String
        /// How events are encoded, delivered and retried.
        public let configuration: HTTPSenderConfiguration
        /// How long ``shutdown(gracePeriod:)`` and graceful shutdown let running sends finish.
        public let shutdownGracePeriod: Duration

        private let client: HTTPClient
        private let ownsClient: Bool
        private let logger: Logger
        private let delivery: HTTPDelivery
        private let inFlight: InFlightSends

        /// Creates a sender with an `HTTPClient` of its own, configured by
        /// ``makeHTTPClientConfiguration()``; ``shutdown(gracePeriod:)`` shuts it down.
        ///
        /// - Parameters:
        ///   - url: Where to send events, e.g. `http://127.0.0.1:8080/events`.
        ///   - configuration: Mode, deadline, retry policy and extra header fields.
        ///   - shutdownGracePeriod: How long shutdown lets running sends finish. Default 10 s.
        ///   - logger: Where retries are logged (at `debug`) and passed to the client. Default: no logging.
        public convenience init(
            url: String,
            configuration: HTTPSenderConfiguration = HTTPSenderConfiguration(),
            shutdownGracePeriod: Duration = .seconds(10),
            logger: Logger = AsyncHTTPClientCloudEventSender.silentLogger
        ) {
            self.init(
                url: url, client: HTTPClient(configuration: Self.makeHTTPClientConfiguration()), ownsClient: true,
                configuration: configuration, shutdownGracePeriod: shutdownGracePeriod, logger: logger)
        }

        /// Creates a sender that sends with `client`, which the caller keeps owning (see "The HTTP
        /// client" above for the settings that matter).
        ///
        /// - Parameters:
        ///   - url: Where to send events, e.g. `http://127.0.0.1:8080/events`.
        ///   - client: The HTTP client to send with.
        ///   - configuration: Mode, deadline, retry policy and extra header fields.
        ///   - shutdownGracePeriod: How long shutdown lets running sends finish. Default 10 s.
        ///   - logger: Where retries are logged (at `debug`) and passed to the client. Default: no logging.
        public convenience init(
            url: String,
            client: HTTPClient,
            configuration: HTTPSenderConfiguration = HTTPSenderConfiguration(),
            shutdownGracePeriod: Duration = .seconds(10),
            logger: Logger = AsyncHTTPClientCloudEventSender.silentLogger
        ) {
            self.init(
                url: url, client: client, ownsClient: false, configuration: configuration,
                shutdownGracePeriod: shutdownGracePeriod, logger: logger)
        }

        private init(
            url: String, client: HTTPClient, ownsClient: Bool, configuration: HTTPSenderConfiguration,
            shutdownGracePeriod: Duration, logger: Logger
        ) {
            self.url = url
            self.client = client
            self.ownsClient = ownsClient
            self.configuration = configuration
            self.shutdownGracePeriod = shutdownGracePeriod
            self.logger = logger
            self.delivery = HTTPDelivery(configuration: configuration, target: url)
            self.inFlight = InFlightSends(target: url)
        }

        deinit {
            // A sender dropped without shutdown() releases its own client rather than leak it
            // (AsyncHTTPClient stops a debug build whose client is never shut down). No send can be
            // running: each one holds the sender. A client shut down already just reports so.
            if ownsClient { _ = client.shutdown() }
        }

        /// The `HTTPClient` settings a sender's own client uses: AsyncHTTPClient's defaults, except
        /// that failed connection attempts are not retried inside the client (the sender's retry
        /// policy retries them, with its budget and jitter) and redirects are not followed (a `3xx`
        /// is an error instead of a `POST` that may turn into a `GET` and lose its event).
        public static func makeHTTPClientConfiguration() -> HTTPClient.Configuration {
            var configuration = HTTPClient.Configuration()
            configuration.connectionPool.retryConnectionEstablishment = false
            configuration.redirectConfiguration = .disallow
            return configuration
        }

        /// A logger that discards everything: the default.
        public static let silentLogger = Logger(label: "cloudevents.sender", factory: { _ in SwiftLogNoOpLogHandler() })

        /// Sends one event in the configured mode and returns the peer's reply event, if any.
        ///
        /// - Parameters:
        ///   - event: The event.
        ///   - deadline: When the send must be over, retries included; the configuration's
        ///     `timeout` still applies when it ends earlier. Default: the timeout alone.
        ///   - logger: Where this send logs (retries, at `debug`) and the logger passed to the
        ///     client. Default: the sender's.
        /// - Throws: ``/CloudEvents/CloudEventError``: the event's validation or header-budget error
        ///   before anything is sent; ``/CloudEvents/CloudEventError/Code/connectionFailed``,
        ///   ``/CloudEvents/CloudEventError/Code/rejectedByPeer``,
        ///   ``/CloudEvents/CloudEventError/Code/deadlineExceeded``,
        ///   ``/CloudEvents/CloudEventError/Code/shutDown`` or
        ///   ``/CloudEvents/CloudEventError/Code/transportFailed`` after.
        @discardableResult
        public func send(_ event: CloudEvent, deadline: ContinuousClock.Instant?, logger: Logger? = nil)
            async throws -> CloudEvent?
        {
            try await delivery.send(
                event, deadline: deadline, logger: logger ?? self.logger, inFlight: inFlight,
                injectsTrace: injectsTrace, transmit: transmit(logger: logger ?? self.logger))
        }


        /// Sends events as one batch-mode request and returns the peer's reply events (none when
        /// it accepted them without a reply).
        ///
        /// - Parameters:
        ///   - batch: The events.
        ///   - deadline: When the send must be over; see ``send(_:deadline:logger:)``.
        ///   - logger: Where this send logs. Default: the sender's.
        /// - Throws: as ``send(_:deadline:logger:)``; a validation error's
        ///   ``/CloudEvents/CloudEventError/index`` names the first invalid event.
        @discardableResult
        public func send(batch: [CloudEvent], deadline: ContinuousClock.Instant?, logger: Logger? = nil)
            async throws -> [CloudEvent]
        {
            try await delivery.send(
                batch: batch, deadline: deadline, logger: logger ?? self.logger, inFlight: inFlight,
                injectsTrace: injectsTrace, transmit: transmit(logger: logger ?? self.logger))
        }


        /// Refuses new sends, lets running ones finish for up to `gracePeriod` (default
        /// ``shutdownGracePeriod``), then cancels the rest, each of which throws
        /// ``/CloudEvents/CloudEventError/Code/shutDown``. Returns when no send is running, after
        /// shutting down the `HTTPClient` if the sender created it.
        public func shutdown(gracePeriod: Duration? = nil) async {
            await inFlight.shutdown(gracePeriod: gracePeriod ?? shutdownGracePeriod)
            guard ownsClient else { return }
            do {
                try await client.shutdown()
            } catch {
                // Shut down already (by an earlier call): nothing is left to release.
                logger.debug("HTTPClient shutdown", metadata: ["error": "\(error)"])
            }
        }

        /// Runs as a swift-service-lifecycle `Service`: waits for graceful shutdown, then shuts the
        /// sender down with ``shutdownGracePeriod`` (or at once when the service is cancelled).
        public func run() async throws {
            let cancelled: Bool
            do {
                try await gracefulShutdown()
                cancelled = false
            } catch {
                cancelled = true
            }
            await shutdown(gracePeriod: cancelled ? .zero : shutdownGracePeriod)
        }

        /// An HTTPClient with a tracer starts its own client span and writes `traceparent`
        /// itself; a second field would make the receiver read neither.
        private var injectsTrace: Bool { client.tracer.map { $0 is NoOpTracer } ?? true }

        private func transmit(logger: Logger) -> HTTPDelivery.Transmit {
            let (client, url, method, limit) = (
                client, url, HTTPMethod(rawValue: configuration.method.rawValue), configuration.maximumAnswerBodySize
            )
            return { headerFields, body, timeLeft in
                var request = HTTPClientRequest(url: url)
                request.method = method
                request.headers = HTTPHeaders(headerFields)
                request.body = .bytes(ByteBuffer(bytes: body))
                return try await client.attempt(request, timeLeft: timeLeft, successBodyLimit: limit, logger: logger)
            }
        }
    }
#endif
