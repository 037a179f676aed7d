#if NATS
    public import CloudEvents
    public import CloudEventsNATS
    public import CloudEventsNATSClient
    public import CloudEventsTracing
    public import CloudEventsTransport
    public import Logging
    import NIOConcurrencyHelpers
    public import ServiceLifecycle

    /// Receives CloudEvents from a JetStream stream through a durable pull consumer, and acks
    /// each only after its handler returned: no event is lost when a receiver dies.
    ///
    /// ``run()`` looks the consumer ``durable`` of ``stream`` up and creates it if there is none
    /// (and first the stream, if ``Configuration/streamToCreate`` says how), then fetches
    /// messages (`$JS.API.CONSUMER.MSG.NEXT`) in batches of
    /// ``Configuration/maximumConcurrentHandlers``, each fetch waiting at most
    /// ``Configuration/fetchExpiry`` on the server. Up to that many handlers run at once; the next
    /// fetch goes out once the receiver took the previous batch's messages.
    ///
    /// What each message gets (see <doc:LosingNoEvents>):
    /// - the handler returned: `+ACK`, and the server does not deliver it again;
    /// - the handler threw: `-NAK` with a delay from ``Configuration/nakBackoff`` by the number
    ///   of deliveries so far, and the server delivers it again after the delay;
    /// - it is not a valid event: logged, counted in ``invalidMessages``, and `+TERM`, so that
    ///   the server stops delivering it (it stays in the stream for inspection);
    /// - no answer (the receiver died): the server delivers it again after the consumer's ack
    ///   wait, to whichever receiver of the durable fetches next.
    ///
    /// A JetStream message has no reply subject of its publisher (the reply subject is the ack
    /// subject), so a reply event the handler returns is logged and not sent.
    ///
    /// Shutdown is graceful: on swift-service-lifecycle's graceful shutdown, or ``shutdown()``,
    /// the receiver stops fetching, drains its inbox (every message the server sent before the
    /// `UNSUB`), lets every handler finish and ack, and ``run()`` returns. Cancelling ``run()``'s
    /// task instead abandons what is in hand: those messages are delivered again after the ack
    /// wait. The client stays open: it is the caller's.
    public final class JetStreamCloudEventReceiver: CloudEventReceiver, Service {
        /// How the consumer is set up and events are decoded and handled.
        public struct Configuration: Sendable {
            /// The decoder: JSON, with the binding's limits.
            public var decoder: NATSEventDecoder
            /// The most handlers that run at once, and the size of each fetch.
            public var maximumConcurrentHandlers: Int
            /// How long one fetch waits on the server for messages.
            public var fetchExpiry: Duration
            /// The ack wait of a consumer the receiver creates: how long a message may go
            /// unanswered before the server delivers it again.
            public var ackWait: Duration
            /// The most unacked messages of a consumer the receiver creates.
            public var maximumAckPending: Int
            /// The delay of a `-NAK` after a handler threw: the policy's backoff after as many
            /// attempts as the message had deliveries (its attempt limit plays no part).
            public var nakBackoff: RetryPolicy
            /// The stream to create when ``JetStreamCloudEventReceiver/stream`` does not exist;
            /// `nil` to require an existing one.
            public var streamToCreate: JetStreamStreamConfiguration?
            /// Where the receiver's metrics go. Default the bootstrapped metrics backend, if any.
            public var metrics: CloudEventMetrics = .bootstrapped

            /// Creates a configuration.
            public init(
                decoder: NATSEventDecoder = NATSEventDecoder(), maximumConcurrentHandlers: Int = 16,
                fetchExpiry: Duration = .seconds(5), ackWait: Duration = .seconds(30), maximumAckPending: Int = 1000,
                nakBackoff: RetryPolicy = RetryPolicy(initialBackoff: .milliseconds(100), maximumBackoff: .seconds(30)),
                streamToCreate: JetStreamStreamConfiguration? = nil
            ) {
                self.decoder = decoder
                self.maximumConcurrentHandlers = max(1, maximumConcurrentHandlers)
                self.fetchExpiry = fetchExpiry
                self.ackWait = ackWait
                self.maximumAckPending = maximumAckPending
                self.nakBackoff = nakBackoff
                self.streamToCreate = streamToCreate
            }
        }

        private struct State {
            var handled = 0
            var invalid = 0
            var failed = 0
            var subscription: NATSSubscription?
            var shutdownRequested = false
            /// Messages of the current fetch taken so far.
            var taken = 0
            /// Whether the loop waits for a handler permit (the receiver is busy, not starved).
            var waitingForPermit = false
        }

        /// The client the receiver fetches with.
        public let client: NATSClient
        /// The stream.
        public let stream: String
        /// The durable consumer's name: receivers with the same name share its messages.
        public let durable: String
        /// The subject a consumer the receiver creates filters on; all of the stream's if `nil`.
        public let filterSubject: String?
        /// The consumer set-up, decoding and concurrency.
        public let configuration: Configuration
        private let handler: CloudEventHandler
        private let logger: Logger
        private let state = NIOLockedValueBox(State())
        private let fetchDone = FetchSignal()
        private let ready = ReadinessGate()

        /// Creates a receiver; ``run()`` starts it.
        public init(
            client: NATSClient, stream: String, durable: String, filterSubject: String? = nil,
            configuration: Configuration = Configuration(),
            logger: Logger = Logger(label: "cloudevents.nats.jetstream.receiver"),
            handler: @escaping CloudEventHandler
        ) {
            self.client = client
            self.stream = stream
            self.durable = durable
            self.filterSubject = filterSubject
            self.configuration = configuration
            self.logger = logger
            self.handler = handler
        }

        /// The events whose handler returned (and that were acked).
        public var handledEvents: Int { state.withLockedValue { $0.handled } }
        /// The messages that did not decode as an event (and were terminated).
        public var invalidMessages: Int { state.withLockedValue { $0.invalid } }
        /// The events whose handler threw (and that were nak'ed).
        public var failedEvents: Int { state.withLockedValue { $0.failed } }

        /// Sets the consumer up and handles events until ``shutdown()`` or a graceful shutdown
        /// (once every handler returned), or until the client closes.
        ///
        /// - Throws: what setting up the stream or the consumer threw (a
        ///   ``/CloudEventsNATSClient/JetStreamError``, a ``/CloudEventsNATSClient/NATSClientError``).
        public func run() async throws {
            let jetStream = JetStream(client: client)
            if let streamToCreate = configuration.streamToCreate { try await jetStream.ensureStream(streamToCreate) }
            try await jetStream.ensureConsumer(
                stream: stream,
                JetStreamConsumerConfiguration(
                    durableName: durable, filterSubject: filterSubject, ackWait: configuration.ackWait,
                    maximumAckPending: configuration.maximumAckPending))
            let inbox = "_INBOX.\(UInt64.random(in: .min ... .max)).\(UInt64.random(in: .min ... .max))"
            let subscription = try client.subscribe(to: inbox, bufferLimit: configuration.maximumConcurrentHandlers * 4)
            let stopAtOnce = state.withLockedValue { state in
                state.subscription = subscription
                return state.shutdownRequested
            }
            if stopAtOnce { subscription.unsubscribe() }
            try await client.flush()
            ready.open()
            let limit = ConcurrencyLimit(maximum: configuration.maximumConcurrentHandlers)
            let next = jetStream.nextMessageSubject(stream: stream, consumer: durable)
            await withGracefulShutdownHandler {
                await withDiscardingTaskGroup { group in
                    group.addTask { await self.fetch(from: next, into: inbox) }
                    for await message in subscription {
                        guard message.status == nil else {
                            self.fetchEnded(message)
                            continue
                        }
                        self.took()
                        state.withLockedValue { $0.waitingForPermit = true }
                        await withCheckedContinuation { started in
                            group.addTask {
                                await limit.run(resuming: started, logger: self.logger) { await self.handle(message) }
                            }
                        }
                        state.withLockedValue { $0.waitingForPermit = false }
                    }
                    // The inbox ended (drained, or the task cancelled): no more fetches.
                    fetchDone.stop()
                }
            } onGracefulShutdown: {
                self.shutdown()
            }
        }

        /// Returns once ``run()`` set the consumer up and subscribed to its inbox.
        public func waitUntilReady() async {
            await ready.wait()
        }

        /// Stops fetching: the inbox drains, the handlers finish and answer, and ``run()`` returns.
        public func shutdown() {
            let subscription = state.withLockedValue { state in
                state.shutdownRequested = true
                return state.subscription
            }
            fetchDone.stop()
            guard let subscription else { return }
            Task {
                do {
                    try await subscription.drain()
                } catch {
                    self.logger.debug("the inbox did not drain", metadata: ["error": "\(error)"])
                    subscription.unsubscribe()
                }
            }
        }

        // MARK: Fetching

        /// Sends a fetch, then the next once the previous one is done: its messages taken, or
        /// the server said it expired. A fetch that neither delivers nor expires in time (lost
        /// with a connection) is sent again, unless the receiver is busy with what it has.
        private func fetch(from next: String, into inbox: String) async {
            let batch = configuration.maximumConcurrentHandlers
            let expiry = configuration.fetchExpiry
            let request = JetStream.fetchRequest(batch: batch, expires: expiry)
            while !fetchDone.isStopped && !Task.isCancelled {
                state.withLockedValue { $0.taken = 0 }
                do {
                    try client.publish(request, subject: next, replyTo: inbox)
                } catch {
                    logger.debug("a fetch was not sent", metadata: ["error": "\(error)"])
                }
                while true {
                    if await fetchDone.wait(timeout: expiry + .seconds(1)) { break }
                    if !state.withLockedValue({ $0.waitingForPermit }) { break }
                }
            }
        }

        /// A message of the current fetch was taken; the fetch is done after `batch` of them.
        private func took() {
            let done = state.withLockedValue { state in
                state.taken += 1
                return state.taken >= configuration.maximumConcurrentHandlers
            }
            if done { fetchDone.signal() }
        }

        /// A status message in the inbox: 408 (the fetch expired), 404 (nothing to fetch), 409
        /// (the server ended the fetch); 100 is an idle heartbeat.
        private func fetchEnded(_ message: NATSReceivedMessage) {
            guard let status = message.status, status != 100 else { return }
            if status == 409 {
                logger.debug(
                    "the server ended a fetch", metadata: ["status": "\(status) \(message.statusDescription ?? "")"])
            }
            fetchDone.signal()
        }

        // MARK: Handling

        private func handle(_ received: NATSReceivedMessage) async {
            // A cancelled run (the receiver is being killed) hands nothing more to the handler and
            // answers nothing: the server delivers the message again after the ack wait.
            guard !Task.isCancelled else { return }
            guard let replyTo = received.replyTo, let metadata = JetStreamMessageMetadata(replySubject: replyTo)
            else {
                state.withLockedValue { $0.invalid += 1 }
                logger.warning(
                    "a message in a JetStream inbox has no ack subject",
                    metadata: ["nats.subject": "\(received.subject)"])
                return
            }
            let decoded: NATSReceivedEvent
            do {
                decoded = try NATSReceivedEvent(
                    received, decoder: configuration.decoder, logger: logger,
                    metadata: [
                        "nats.stream": metadata.stream, "nats.stream_sequence": String(metadata.streamSequence),
                        "nats.deliveries": String(metadata.deliveries),
                    ])
            } catch {
                state.withLockedValue { $0.invalid += 1 }
                NATSReceivedEvent.recordRefusal(error, of: received, metrics: configuration.metrics)
                logger.warning(
                    "a message in a CloudEvents stream is not a valid event; it is terminated",
                    metadata: [
                        "nats.subject": "\(received.subject)", "nats.stream_sequence": "\(metadata.streamSequence)",
                        "error": "\(error)",
                    ])
                answer(.terminate, to: replyTo)
                return
            }
            do {
                let reply = try await decoded.handle(with: handler, metrics: configuration.metrics)
                answer(.ack, to: replyTo)
                state.withLockedValue { $0.handled += 1 }
                if let reply {
                    logger.notice(
                        "a JetStream message has no reply subject: the reply event is not sent",
                        metadata: ["cloudevents.event_id": "\(reply.id)"])
                }
            } catch {
                state.withLockedValue { $0.failed += 1 }
                let delay = configuration.nakBackoff.backoff(afterAttempt: metadata.deliveries)
                logger.error(
                    "a CloudEvents handler failed; the event is delivered again",
                    metadata: [
                        "cloudevents.event_id": "\(decoded.event.id)", "nats.deliveries": "\(metadata.deliveries)",
                        "delay": "\(delay)", "error": "\(error)",
                    ])
                answer(.nak(delay: delay), to: replyTo)
            }
        }

        private func answer(_ ack: JetStreamAck, to replyTo: String) {
            do {
                try client.publish(ack.payload, subject: replyTo)
            } catch {
                logger.warning(
                    "an ack was not sent; the server delivers the message again after the ack wait",
                    metadata: ["ack": "\(ack)", "error": "\(error)"])
            }
        }
    }

#endif
