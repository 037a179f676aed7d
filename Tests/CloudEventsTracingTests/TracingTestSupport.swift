#if Tracing && Hummingbird && AsyncHTTPClient
    import CloudEvents
    import CloudEventsAsyncHTTPClient
    import CloudEventsHummingbird
    import CloudEventsTracing
    import CloudEventsURLSession
    import Foundation
    import HTTPTypes
    import Hummingbird
    import InMemoryTracing
    import Logging
    import Tracing
    import TransportTestSupport

    /// The two senders of this package, so each tracing scenario runs with both.
    enum SenderKind: String, CaseIterable, CustomStringConvertible, Sendable {
        case asyncHTTPClient, urlSession
        var description: String { rawValue }

        /// Runs `body` with a sender of this kind to `url`, shutting it down afterwards.
        func withSender<Result: Sendable>(
            url: String, mode: HTTPContentMode = .binary, _ body: (any CloudEventSender) async throws -> Result
        ) async throws -> Result {
            // Five minutes: these tests are about spans, and no deadline should decide them on a
            // busy machine.
            let configuration = HTTPSenderConfiguration(mode: mode, timeout: .seconds(300))
            switch self {
            case .asyncHTTPClient:
                let sender = AsyncHTTPClientCloudEventSender(url: url, configuration: configuration)
                return try await Self.run(sender, shutdown: { await sender.shutdown() }, body)
            case .urlSession:
                guard let parsed = URL(string: url) else { throw CloudEventError(.transportFailed, message: url) }
                let sender = URLSessionCloudEventSender(url: parsed, configuration: configuration)
                return try await Self.run(sender, shutdown: { await sender.shutdown() }, body)
            }
        }

        private static func run<Result: Sendable>(
            _ sender: any CloudEventSender, shutdown: () async -> Void,
            _ body: (any CloudEventSender) async throws -> Result
        ) async throws -> Result {
            do {
                let result = try await body(sender)
                await shutdown()
                return result
            } catch {
                await shutdown()
                throw error
            }
        }
    }

    /// What a handler saw: the event, and the trace context it ran in.
    struct HandledEvent: Sendable {
        var event: CloudEvent
        /// The in-memory span context current in the handler (the consumer span's).
        var span: InMemorySpanContext?
        /// What the log metadata provider adds to a log line written in the handler.
        var logMetadata: Logger.Metadata
    }

    actor HandledEvents {
        private(set) var all: [HandledEvent] = []
        func record(_ handled: HandledEvent) { all.append(handled) }
    }

    /// Records what the handler sees: the event, the current span context, the log metadata.
    func recordHandled(_ event: CloudEvent, into recorder: HandledEvents) async {
        await recorder.record(
            HandledEvent(
                event: event, span: ServiceContext.current?.inMemorySpanContext,
                logMetadata: Logger.MetadataProvider.cloudEventsTraceIDs.get()))
    }

    /// A middleware standing for a proxy that changes the `traceparent` header: `nil` removes it.
    struct TraceParentHeaderRewrite<Context: RequestContext>: RouterMiddleware {
        let newValue: String?

        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
            async throws -> Response
        {
            var head = request.head
            if let traceParent = HTTPField.Name("traceparent") { head.headerFields[traceParent] = newValue }
            return try await next(Request(head: head, body: request.body), context)
        }
    }

    /// A router with one CloudEvents route at `/events` recording what its handler sees; with
    /// `rewriteTraceParent`, the `traceparent` header is replaced (or removed) before it.
    func tracedRecordingRouter(_ recorder: HandledEvents, rewriteTraceParent: String?? = .none)
        -> Router<BasicRequestContext>
    {
        let router = Router()
        if let rewriteTraceParent { router.add(middleware: TraceParentHeaderRewrite(newValue: rewriteTraceParent)) }
        router.receiveCloudEvents(at: "/events") { event, _ in
            await recordHandled(event, into: recorder)
            return nil
        }
        return router
    }

    /// A router whose handler records the event and sends it on with `forward`: the middle hop.
    func relayRouter(_ recorder: HandledEvents, forward: @escaping @Sendable (CloudEvent) async throws -> Void)
        -> Router<BasicRequestContext>
    {
        let router = Router()
        router.receiveCloudEvents(at: "/events") { event, _ in
            await recordHandled(event, into: recorder)
            try await forward(event)
            return nil
        }
        return router
    }

    extension FinishedInMemorySpan {
        func stringAttribute(_ name: String) -> String? {
            if case .string(let value) = attributes[name]?.toSpanAttribute() { return value }
            return nil
        }
        func intAttribute(_ name: String) -> Int? {
            switch attributes[name]?.toSpanAttribute() {
            case .int64(let value): Int(value)
            case .int32(let value): Int(value)
            default: nil
            }
        }
    }

    /// A valid W3C traceparent of a context no tracer in the test created.
    let foreignTraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
#endif
