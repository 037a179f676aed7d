public import CloudEvents
public import CloudEventsHTTP

/// A real HTTP server of one framework, on 127.0.0.1 and an ephemeral port, with one CloudEvents
/// route at `/events`: what ``ReceiverScenarios`` run against, so that every server adapter
/// passes the same scenarios.
public protocol CloudEventTestServer: Sendable {
    /// The framework's name, for test names.
    var name: String { get }

    /// Runs a server whose `/events` route receives with `options` and `handler` for the
    /// duration of `body`, which gets the bound port; stops it afterwards.
    func serve<Result: Sendable>(
        options: HTTPReceiverOptions, handler: @escaping CloudEventHandler,
        _ body: (_ port: Int) async throws -> Result
    ) async throws -> Result
}

extension CloudEventTestServer {
    /// Runs a server whose route records every event in `recorder` and answers with `reply`
    /// (by default none: 202).
    public func serveRecording<Result: Sendable>(
        _ recorder: EventRecorder, options: HTTPReceiverOptions = HTTPReceiverOptions(),
        reply: (@Sendable (CloudEvent) -> CloudEvent?)? = nil, _ body: (_ port: Int) async throws -> Result
    ) async throws -> Result {
        try await serve(
            options: options,
            handler: { event, context in
                await recorder.record(event, context)
                return reply?(event)
            }, body)
    }
}

#if Hummingbird
    import CloudEventsHummingbird
    import Hummingbird

    /// Hummingbird 2 as a ``CloudEventTestServer``: `router.receiveCloudEvents(at:)` in
    /// ``withTestServer(_:_:)``.
    public struct HummingbirdTestServer: CloudEventTestServer {
        /// Creates the server kind.
        public init() {}

        /// "Hummingbird".
        public var name: String { "Hummingbird" }

        /// Runs a Hummingbird application with the route.
        public func serve<Result: Sendable>(
            options: HTTPReceiverOptions, handler: @escaping CloudEventHandler,
            _ body: (_ port: Int) async throws -> Result
        ) async throws -> Result {
            let router = Router()
            router.receiveCloudEvents(at: "/events", options: options, handler: handler)
            return try await withTestServer(router, body)
        }
    }
#endif
