#if WebSocket
    import CloudEvents
    import CloudEventsTracing
    import CloudEventsTransport
    import CloudEventsWebSocket
    import Logging
    import NIOConcurrencyHelpers
    import WSCore

    /// What one side of a connection does with the messages it receives, shared by the server
    /// and the client receiver: decode each with the connection's codec, hand the event to the
    /// handler inside a consumer span whose parent is the event's own `traceparent`, and count.
    struct WebSocketEventDelivery: Sendable {
        let handler: CloudEventHandler
        let logger: Logger
        let counts: NIOLockedValueBox<WebSocketReceiveCounts>
        let metrics: CloudEventMetrics

        /// Reads messages until the peer closes or one is invalid; calls `reply` with each reply
        /// event the handler returns. Returns the invalid message's error, if one ended it.
        func receive(
            from inbound: WebSocketInboundStream, codec: WebSocketEventCodec, metadata: [String: String],
            destination: CloudEventTraceDestination, reply: (CloudEvent) async -> Void
        ) async throws -> WebSocketMessageError? {
            var codec = codec
            for try await received in inbound.messages(maxSize: codec.limits.maximumMessageSize) {
                let event: CloudEvent
                do {
                    event = try codec.decode(WebSocketEventMessage(received))
                } catch {
                    counts.withLockedValue { $0.invalidMessages += 1 }
                    TransportObservation.recordRefusal(error.error, destination: destination, metrics: metrics)
                    logger.warning(
                        "a WebSocket message is not a valid event; closing the connection",
                        metadata: ["websocket.close_code": "\(error.closeCode)", "error": "\(error)"])
                    return error
                }
                if let answer = await deliver(event, metadata: metadata, destination: destination) {
                    await reply(answer)
                }
            }
            return nil
        }

        /// Runs the handler for one event; returns its reply event.
        func deliver(_ event: CloudEvent, metadata: [String: String], destination: CloudEventTraceDestination) async
            -> CloudEvent?
        {
            var context = CloudEventContext(transport: "websocket", contentMode: .structured, metadata: metadata)
            var eventLogger = logger
            eventLogger[metadataKey: "cloudevents.event_id"] = "\(event.id)"
            context.logger = eventLogger
            do {
                let answer = try await TransportObservation.withConsumerSpan(
                    processing: event, received: TransportObservation.extract(from: event), destination: destination,
                    batch: nil, metrics: metrics
                ) {
                    try await handler(event, context)
                }
                counts.withLockedValue { $0.handledEvents += 1 }
                return answer
            } catch {
                counts.withLockedValue { $0.failedEvents += 1 }
                eventLogger.error("a CloudEvents handler failed", metadata: ["error": "\(error)"])
                return nil
            }
        }
    }

    /// The counts of a receiving side.
    struct WebSocketReceiveCounts: Sendable {
        var handledEvents = 0
        var invalidMessages = 0
        var failedEvents = 0
    }
#endif
