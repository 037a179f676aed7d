#if Hummingbird && Tracing
    import CloudEvents
    import CloudEventsTracing
    import Logging

    /// The example receiver's handler, kept apart from the server so that its tests run it
    /// without one (Tests/ExampleTests, through CloudEventsTesting): it logs each event, calls
    /// `onEvent`, and answers a `com.example.order.created` event that came alone with a
    /// `com.example.order.accepted` event correlated to it; every other event is accepted without
    /// a reply.
    func receiverHandler(logger: Logger, onEvent: @escaping @Sendable () -> Void) -> CloudEventHandler {
        { event, context in
            onEvent()
            logger.info(
                "received \(event.type)",
                metadata: [
                    "id": "\(event.id)", "source": "\(event.source)", "subject": "\(event.subject ?? "-")",
                    "mode": "\(context.contentMode?.rawValue ?? "?")",
                    "batch": "\(context.batchIndex.map { "\($0 + 1)/\(context.batchCount ?? 0)" } ?? "-")",
                    "data": "\(event.data?.description ?? "-")",
                    "created_in_trace": "\(createdInTrace(event))",
                ])
            guard event.type == "com.example.order.created", context.batchIndex == nil else { return nil }
            return CloudEvent(
                source: "/examples/receiver", type: "com.example.order.accepted", subject: event.subject,
                extensions: ["correlationid": .string(event.id)])
        }
    }

    /// The trace id of the event's creation context, or why there is none.
    func createdInTrace(_ event: CloudEvent) -> String {
        do {
            return try event.traceContext().map { "\($0.traceID)" } ?? "-"
        } catch {
            return "invalid traceparent"
        }
    }
#endif
