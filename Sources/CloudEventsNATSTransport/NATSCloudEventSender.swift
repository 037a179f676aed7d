#if NATS
    public import CloudEvents
    public import CloudEventsNATS
    public import CloudEventsNATSClient
    public import CloudEventsTracing
    public import CloudEventsTransport
    public import Logging

    /// Sends CloudEvents to a NATS subject, over a ``/CloudEventsNATSClient/NATSClient``.
    ///
    /// Binary mode is the default (every attribute a `ce-` header, the data the payload);
    /// structured mode is available through ``Configuration/encoder``.
    ///
    /// ``send(_:)`` returns once the server has the message: after the publish, a `PING`/`PONG`
    /// round trip (``/CloudEventsNATSClient/NATSClient/flush(timeout:)``) confirms that the server
    /// processed it. That is core NATS: the server has the event, and delivers it at most once to
    /// the subscribers there are. A failed attempt (the connection lost before the `PONG`, the
    /// client reconnecting with a full buffer, no answer in time) is retried as
    /// ``Configuration/retryPolicy`` says, within ``Configuration/timeout``; so a send that
    /// returns may, after a connection loss, have been delivered twice. The errors are those of the
    /// HTTP senders: a `CloudEventError` with code `connectionFailed` after the attempts ran out,
    /// `deadlineExceeded`, or `transportFailed` for what no retry can fix (a payload larger than
    /// the server's `max_payload`, a closed client), with the client's
    /// ``/CloudEventsNATSClient/NATSClientError`` as its `underlyingError`.
    ///
    /// The sender does not own the client: connect it before the first send, and drain or close
    /// it after the last.
    public struct NATSCloudEventSender: CloudEventSender {
        /// How events are encoded, retried and timed.
        public struct Configuration: Sendable {
            /// The encoder: binary mode and JSON by default.
            public var encoder: NATSEventEncoder
            /// How long one send may take, retries included.
            public var timeout: Duration
            /// How often, and after what backoff, a failed attempt is retried.
            public var retryPolicy: RetryPolicy
            /// Whether events go to a JetStream stream: each send waits for the stream's
            /// ``/CloudEventsNATSClient/JetStreamPublishAck`` instead of a `PING`/`PONG`, with
            /// `Nats-Msg-Id` set to the event's id (see <doc:LosingNoEvents>).
            public var jetStream: Bool
            /// How long one JetStream attempt waits for the stream's ack before it is retried
            /// (an ack lost with a connection never comes).
            public var publishAckTimeout: Duration
            /// Where the sender's metrics go. Default the bootstrapped metrics backend, if any.
            public var metrics: CloudEventMetrics = .bootstrapped

            /// Creates a configuration.
            public init(
                encoder: NATSEventEncoder = NATSEventEncoder(), timeout: Duration = .seconds(10),
                retryPolicy: RetryPolicy = .default, jetStream: Bool = false, publishAckTimeout: Duration = .seconds(2)
            ) {
                self.encoder = encoder
                self.timeout = timeout
                self.retryPolicy = retryPolicy
                self.jetStream = jetStream
                self.publishAckTimeout = publishAckTimeout
            }
        }

        /// The client the events are published with.
        public let client: NATSClient
        /// The subject every event is published to.
        public let subject: String
        /// The encoding, retries and timeout.
        public let configuration: Configuration
        private let logger: Logger

        /// A logger that discards everything, the default.
        public static let silentLogger = Logger(
            label: "cloudevents.nats.sender", factory: { _ in SwiftLogNoOpLogHandler() })

        /// Creates a sender that publishes to `subject`.
        public init(
            client: NATSClient, subject: String, configuration: Configuration = Configuration(),
            logger: Logger = NATSCloudEventSender.silentLogger
        ) {
            self.client = client
            self.subject = subject
            self.configuration = configuration
            self.logger = logger
        }

        /// Sends an event, and returns once the server has it (with ``Configuration/jetStream``,
        /// once the stream stored it); a NATS publish has no reply event, so the result is always
        /// `nil`.
        @discardableResult
        public func send(_ event: CloudEvent) async throws -> CloudEvent? {
            if configuration.jetStream {
                try await sendToStream(event)
            } else {
                try await traced(event) { payload, headers in try await publish(payload, headers: headers) }
            }
            return nil
        }

        /// Sends an event to the JetStream stream that captures ``subject``, and returns the
        /// stream's ack: its sequence, and whether the stream already had an event with this id
        /// (`Nats-Msg-Id` is the event's id, so a retried send is stored once).
        ///
        /// A send goes to the stream whatever ``Configuration/jetStream`` says. The errors are
        /// ``send(_:)``'s; a stream that refuses the message gives `rejectedByPeer` with the
        /// ``/CloudEventsNATSClient/JetStreamError`` in the message, retried first when the
        /// refusal is temporary (no stream leader yet, no stream capturing the subject).
        @discardableResult
        public func sendToStream(_ event: CloudEvent) async throws -> JetStreamPublishAck {
            try await traced(event) { payload, headers in
                try await publishToStream(payload, headers: headers, messageID: event.id)
            }
        }

        /// Encodes `event`, adds the trace headers and runs `deliver` in a producer span.
        private func traced<Answer: Sendable>(
            _ event: CloudEvent,
            _ deliver: @Sendable ([UInt8], [NATSHeader]) async throws -> (answer: Answer, attempts: Int)
        ) async throws -> Answer {
            let server = client.connectedServer
            let destination = CloudEventTraceDestination(
                name: subject, serverAddress: server?.host, serverPort: server?.port, protocolName: "nats")
            return try await TransportObservation.withProducerSpan(
                sending: event, destination: destination, metrics: configuration.metrics
            ) {
                event, trace in
                let message = try configuration.encoder.encode(event)
                var carrier = NATSHeaderCarrier(
                    headers: message.headers.map { NATSHeader(name: $0.name, value: $0.value) })
                trace.inject(into: &carrier)
                let (answer, attempts) = try await deliver(message.payload, carrier.headers)
                trace.recordAnswer(status: nil, attempts: attempts)
                return answer
            }
        }

        /// Sends the events one after the other, each as its own message (the NATS binding has no
        /// batch mode); returns no reply events.
        @discardableResult
        public func send(batch: [CloudEvent]) async throws -> [CloudEvent] {
            for event in batch { try await send(event) }
            return []
        }

        /// Publishes and flushes, retrying through the delivery loop.
        private func publish(_ payload: [UInt8], headers: [NATSHeader]) async throws -> (answer: Void, attempts: Int) {
            let (client, subject) = (client, subject)
            return try await deliveryLoop().deliver(
                until: ContinuousClock.now.advanced(by: configuration.timeout), onRetry: retryLogger,
                attempt: { timeLeft in
                    do throws(NATSClientError) {
                        try client.publish(payload, subject: subject, headers: headers)
                        try await client.flush(timeout: timeLeft)
                    } catch {
                        throw Self.attemptFailure(error)
                    }
                },
                judge: { _ in .delivered })
        }

        /// Publishes to the stream and waits for its ack, retrying through the delivery loop.
        private func publishToStream(
            _ payload: [UInt8], headers: [NATSHeader], messageID: String
        ) async throws -> (answer: JetStreamPublishAck, attempts: Int) {
            let jetStream = JetStream(client: client)
            let (subject, ackTimeout) = (subject, configuration.publishAckTimeout)
            let (answer, attempts) = try await deliveryLoop().deliver(
                until: ContinuousClock.now.advanced(by: configuration.timeout), onRetry: retryLogger,
                attempt: { timeLeft -> StreamAnswer in
                    do {
                        return .stored(
                            try await jetStream.publish(
                                payload, subject: subject, headers: headers, messageID: messageID,
                                timeout: min(timeLeft, ackTimeout)))
                    } catch let error as JetStreamError {
                        return .refused(
                            PeerRefusal(
                                "answered \(error)", status: error.code, reason: error.message,
                                isRetryable: error.isTemporary))
                    } catch let error as NATSClientError where error.code == .noResponders {
                        return .refused(PeerRefusal("captured by no stream (no responders)", isRetryable: true))
                    } catch let error as NATSClientError {
                        throw Self.attemptFailure(error)
                    }
                },
                judge: { answer in
                    switch answer {
                    case .stored: .delivered
                    case .refused(let refusal): .refused(refusal)
                    }
                })
            switch answer {
            case .stored(let ack): return (ack, attempts)
            // The loop throws on a refusal; this is for completeness.
            case .refused(let refusal): throw CloudEventError(.rejectedByPeer, message: refusal.description)
            }
        }

        /// A stream's answer to one attempt.
        private enum StreamAnswer: Sendable {
            case stored(JetStreamPublishAck)
            case refused(PeerRefusal)
        }

        private func deliveryLoop() -> DeliveryLoop {
            DeliveryLoop(retryPolicy: configuration.retryPolicy, target: "NATS subject \(subject)")
        }

        private var retryLogger: DeliveryLoop.RetryObserver {
            let logger = logger
            return { attempt, problem, wait in
                logger.debug(
                    "retrying a CloudEvents send",
                    metadata: ["attempt": "\(attempt)", "problem": "\(problem)", "wait": "\(wait)"])
            }
        }

        /// How the delivery loop treats a client error: what a reconnect can fix is retried.
        static func attemptFailure(_ error: NATSClientError) -> AttemptFailure {
            switch error.code {
            case .connectionLost, .noServerAvailable, .reconnectBufferFull, .notConnected:
                AttemptFailure(.connection, reason: error.message, underlyingError: error)
            case .timeout:
                AttemptFailure(.connection, reason: "the server did not confirm in time", underlyingError: error)
            case .cancelled:
                AttemptFailure(.fatal, reason: "the send was cancelled", underlyingError: error)
            case .closed, .payloadTooLarge, .invalidArgument, .authorizationViolation, .serverError, .tlsRequired,
                .noResponders, .invalidURL, .protocolViolation:
                AttemptFailure(.fatal, reason: error.message, underlyingError: error)
            }
        }
    }
#endif
