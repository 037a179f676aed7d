#if NATS
    public import CloudEvents
    public import CloudEventsNATS
    public import CloudEventsNATSClient
    public import CloudEventsTracing
    import CloudEventsTransport
    public import Logging
    import NIOConcurrencyHelpers
    public import ServiceLifecycle

    /// Receives CloudEvents from a NATS subject and hands each to a handler.
    ///
    /// ``run()`` subscribes to ``subject`` (wildcards allowed), as a member of ``queueGroup`` if
    /// there is one, so that N receivers in one group share the events, each delivered to one of
    /// them. Up to ``Configuration/maximumConcurrentHandlers`` handlers run at once (a
    /// ``/CloudEventsTransport/ConcurrencyLimit``); the receiver takes the next message only once
    /// the previous one holds a permit, so a busy handler slows the subscription down instead of
    /// piling up tasks, and what the client cannot hold meanwhile is dropped and counted as a slow
    /// consumer (core NATS delivers at most once).
    ///
    /// A message that does not decode as an event is logged, counted in ``invalidMessages``, and
    /// skipped: it never stops the receiver. A handler that throws is logged and counted in
    /// ``failedEvents``. A reply event the handler returns is published to the message's reply
    /// subject, if it has one (a request), in the sender's mode.
    ///
    /// Shutdown is graceful: on swift-service-lifecycle's graceful shutdown, or ``shutdown()``,
    /// the receiver drains its subscription (`UNSUB`, then every message the server sent before
    /// it), lets every handler finish, and ``run()`` returns. The client stays open: it is the
    /// caller's.
    public final class NATSCloudEventReceiver: CloudEventReceiver, Service {
        /// How events are decoded and handled.
        public struct Configuration: Sendable {
            /// The decoder: JSON, with the binding's limits.
            public var decoder: NATSEventDecoder
            /// The most handlers that run at once.
            public var maximumConcurrentHandlers: Int
            /// How many received messages the subscription holds before it drops (the client's
            /// default when `nil`).
            public var bufferLimit: Int?
            /// Where the receiver's metrics go. Default the bootstrapped metrics backend, if any.
            public var metrics: CloudEventMetrics = .bootstrapped

            /// Creates a configuration.
            public init(
                decoder: NATSEventDecoder = NATSEventDecoder(), maximumConcurrentHandlers: Int = 16,
                bufferLimit: Int? = nil
            ) {
                self.decoder = decoder
                self.maximumConcurrentHandlers = maximumConcurrentHandlers
                self.bufferLimit = bufferLimit
            }
        }

        private struct Counts {
            var handled = 0
            var invalid = 0
            var failed = 0
            var subscription: NATSSubscription?
            var shutdownRequested = false
        }

        /// The client the receiver subscribes with.
        public let client: NATSClient
        /// The subject, possibly with wildcards.
        public let subject: String
        /// The queue group, if the receiver shares the subject with others.
        public let queueGroup: String?
        /// The decoding and concurrency.
        public let configuration: Configuration
        private let handler: CloudEventHandler
        private let logger: Logger
        private let counts = NIOLockedValueBox(Counts())
        private let subscribed = ReadinessGate()

        /// Creates a receiver; ``run()`` starts it.
        public init(
            client: NATSClient, subject: String, queueGroup: String? = nil,
            configuration: Configuration = Configuration(), logger: Logger = Logger(label: "cloudevents.nats.receiver"),
            handler: @escaping CloudEventHandler
        ) {
            self.client = client
            self.subject = subject
            self.queueGroup = queueGroup
            self.configuration = configuration
            self.logger = logger
            self.handler = handler
        }

        /// The events whose handler returned.
        public var handledEvents: Int { counts.withLockedValue { $0.handled } }
        /// The messages that did not decode as an event.
        public var invalidMessages: Int { counts.withLockedValue { $0.invalid } }
        /// The events whose handler threw.
        public var failedEvents: Int { counts.withLockedValue { $0.failed } }

        /// Subscribes and handles events until the subscription ends: after ``shutdown()`` or a
        /// graceful shutdown, once every handler returned; or when the client closes.
        public func run() async throws {
            let subscription = try client.subscribe(
                to: subject, queueGroup: queueGroup, bufferLimit: configuration.bufferLimit)
            let stopAtOnce = counts.withLockedValue { counts in
                counts.subscription = subscription
                return counts.shutdownRequested
            }
            if stopAtOnce { subscription.unsubscribe() }
            // The SUB has reached the server once a round trip after it returned.
            try await client.flush()
            subscribed.open()
            let limit = ConcurrencyLimit(maximum: configuration.maximumConcurrentHandlers)
            await withGracefulShutdownHandler {
                await withDiscardingTaskGroup { group in
                    for await message in subscription {
                        // Take the next message only once this one holds a permit.
                        await withCheckedContinuation { started in
                            group.addTask {
                                await limit.run(resuming: started, logger: self.logger) { await self.handle(message) }
                            }
                        }
                    }
                }
            } onGracefulShutdown: {
                self.shutdown()
            }
        }

        /// Returns once ``run()`` has subscribed and the server has the subscription: events
        /// published from then on reach this receiver.
        public func waitUntilSubscribed() async {
            await subscribed.wait()
        }

        /// Stops taking new messages: the subscription drains, the handlers finish, and ``run()``
        /// returns.
        public func shutdown() {
            let subscription = counts.withLockedValue { counts in
                counts.shutdownRequested = true
                return counts.subscription
            }
            guard let subscription else { return }
            Task {
                do {
                    try await subscription.drain()
                } catch {
                    self.logger.debug("the subscription did not drain", metadata: ["error": "\(error)"])
                    subscription.unsubscribe()
                }
            }
        }

        private func handle(_ received: NATSReceivedMessage) async {
            let decoded: NATSReceivedEvent
            do {
                decoded = try NATSReceivedEvent(
                    received, decoder: configuration.decoder, logger: logger,
                    metadata: received.replyTo.map { ["nats.reply_to": $0] } ?? [:])
            } catch {
                counts.withLockedValue { $0.invalid += 1 }
                NATSReceivedEvent.recordRefusal(error, of: received, metrics: configuration.metrics)
                logger.warning(
                    "a message on a CloudEvents subject is not a valid event",
                    metadata: ["nats.subject": "\(received.subject)", "error": "\(error)"])
                return
            }
            let (event, mode) = (decoded.event, decoded.mode)
            let reply: CloudEvent?
            do {
                reply = try await decoded.handle(with: handler, metrics: configuration.metrics)
                counts.withLockedValue { $0.handled += 1 }
            } catch {
                counts.withLockedValue { $0.failed += 1 }
                logger.error(
                    "a CloudEvents handler failed",
                    metadata: [
                        "cloudevents.event_id": "\(event.id)", "nats.subject": "\(received.subject)",
                        "error": "\(error)",
                    ])
                return
            }
            guard let reply, let replyTo = received.replyTo else { return }
            do {
                let encoded = try NATSEventEncoder(mode: mode).encode(reply)
                try client.publish(
                    encoded.payload, subject: replyTo,
                    headers: encoded.headers.map { NATSHeader(name: $0.name, value: $0.value) })
            } catch {
                logger.error(
                    "the reply event was not sent",
                    metadata: [
                        "cloudevents.event_id": "\(reply.id)", "nats.reply_to": "\(replyTo)", "error": "\(error)",
                    ])
            }
        }
    }
#endif
