#if NATS
    import CloudEvents
    import CloudEventsNATS
    import CloudEventsNATSClient
    import CloudEventsTracing
    import CloudEventsTransport
    import Logging
    import NIOConcurrencyHelpers

    /// A received message decoded as an event, with the context its handler gets: what the core
    /// and the JetStream receivers share.
    struct NATSReceivedEvent {
        let event: CloudEvent
        let mode: CloudEventContentMode
        let context: CloudEventContext
        let message: NATSReceivedMessage

        /// Decodes `message`; `metadata` goes into the context besides the subject.
        init(
            _ message: NATSReceivedMessage, decoder: NATSEventDecoder, logger: Logger,
            metadata: [String: String] = [:]
        ) throws {
            let binding = NATSMessage(
                headers: message.headers.map { NATSMessage.Header(name: $0.name, value: $0.value) },
                payload: message.payload)
            mode = try decoder.mode(of: binding)
            event = try decoder.decode(binding)
            self.message = message
            var context = CloudEventContext(
                transport: "nats", contentMode: mode, metadata: ["nats.subject": message.subject])
            context.metadata.merge(metadata) { _, new in new }
            var messageLogger = logger
            messageLogger[metadataKey: "nats.subject"] = "\(message.subject)"
            messageLogger[metadataKey: "cloudevents.event_id"] = "\(event.id)"
            context.logger = messageLogger
            self.context = context
        }

        /// Runs `handler` in a consumer span continuing the trace the message's headers carry.
        func handle(with handler: CloudEventHandler, metrics: CloudEventMetrics) async throws -> CloudEvent? {
            let traceContext = TransportObservation.extract(from: NATSHeaderCarrier(headers: message.headers))
            let destination = CloudEventTraceDestination(name: message.subject, protocolName: "nats")
            let (event, context) = (event, context)
            return try await TransportObservation.withConsumerSpan(
                processing: event, received: traceContext, destination: destination, batch: nil, metrics: metrics
            ) {
                try await handler(event, context)
            }
        }
    }

    extension NATSReceivedEvent {
        /// Records that `message` was refused before any handler saw it, by the decoding error's
        /// code (a message that is not a valid event).
        static func recordRefusal(_ error: any Error, of message: NATSReceivedMessage, metrics: CloudEventMetrics) {
            let refusal = error as? CloudEventError ?? CloudEventError(.malformedInput, message: "\(error)")
            TransportObservation.recordRefusal(
                refusal, destination: CloudEventTraceDestination(name: message.subject, protocolName: "nats"),
                metrics: metrics)
        }
    }

    extension ConcurrencyLimit {
        /// Runs `body` holding a permit, and resumes `started` once it holds one (or was cancelled
        /// waiting): a receiver takes its next message only then.
        ///
        /// ```swift
        /// await withCheckedContinuation { started in
        ///     group.addTask { await limit.run(resuming: started, logger: logger) { await handle(message) } }
        /// }
        /// ```
        func run(
            resuming started: CheckedContinuation<Void, Never>, logger: Logger, _ body: @Sendable () async -> Void
        ) async {
            let once = NIOLockedValueBox(false)
            let resume = {
                if once.withLockedValue({ done in
                    defer { done = true }
                    return !done
                }) {
                    started.resume()
                }
            }
            do {
                try await withPermit {
                    resume()
                    await body()
                }
            } catch {
                // Cancelled while waiting for a permit: the message is not handled.
                logger.debug("a message was not handled: the receiver was cancelled")
            }
            resume()
        }
    }
#endif
