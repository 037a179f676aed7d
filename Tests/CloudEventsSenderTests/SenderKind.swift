#if Hummingbird
    import CloudEvents
    import CloudEventsHTTP
    import CloudEventsURLSession
    import Foundation
    import ServiceLifecycle

    #if AsyncHTTPClient
        import CloudEventsAsyncHTTPClient
    #endif

    /// The HTTP senders of this package, so that every scenario they share runs, written once,
    /// with each (Swift Testing `arguments: SenderKind.all`).
    enum SenderKind: String, Sendable, CustomStringConvertible {
        case asyncHTTPClient, urlSession

        /// The senders built with the enabled traits.
        static var all: [SenderKind] {
            #if AsyncHTTPClient
                [.asyncHTTPClient, .urlSession]
            #else
                [.urlSession]
            #endif
        }

        var description: String { rawValue }

        /// Retries with short waits, so that the retry tests stay fast.
        static let fastRetries = RetryPolicy(
            maximumAttempts: 3, initialBackoff: .milliseconds(10), maximumBackoff: .milliseconds(50))

        /// The deadline of a test that is not about deadlines: so long that no machine, however
        /// busy, decides the test's outcome by it. A send that hangs still fails the test, by the
        /// suite's time limit.
        static let unhurried = Duration.seconds(300)

        /// Runs `body` with a sender of this kind to `http://127.0.0.1:<port><path>`, shut down
        /// afterwards, whatever happens. Its shutdown grace period is ``unhurried`` too, so a
        /// shutdown lets every running send finish.
        func withSender<Result: Sendable>(
            port: Int, path: String = "/events", mode: HTTPContentMode = .binary,
            retryPolicy: RetryPolicy = SenderKind.fastRetries, deadline: Duration = SenderKind.unhurried,
            _ body: (TestedSender) async throws -> Result
        ) async throws -> Result {
            let url = "http://127.0.0.1:\(port)\(path)"
            let configuration = HTTPSenderConfiguration(mode: mode, timeout: deadline, retryPolicy: retryPolicy)
            let sender: TestedSender
            switch self {
            case .asyncHTTPClient:
                #if AsyncHTTPClient
                    let client = AsyncHTTPClientCloudEventSender(
                        url: url, configuration: configuration, shutdownGracePeriod: Self.unhurried)
                    sender = TestedSender(client, sendBefore: { try await client.send($0, deadline: $1) }) {
                        await client.shutdown()
                    }
                #else
                    throw CloudEventError(.transportFailed, message: "built without the AsyncHTTPClient trait")
                #endif
            case .urlSession:
                guard let parsed = URL(string: url) else { throw CloudEventError(.transportFailed, message: url) }
                let session = URLSessionCloudEventSender(
                    url: parsed, configuration: configuration, shutdownGracePeriod: Self.unhurried)
                sender = TestedSender(session, sendBefore: { try await session.send($0, deadline: $1) }) {
                    await session.shutdown()
                }
            }
            do {
                let result = try await body(sender)
                await sender.shutdown()
                return result
            } catch {
                await sender.shutdown()
                throw error
            }
        }
    }

    #if ServiceLifecycle
        extension SenderKind {
            /// A sender of this kind as a swift-service-lifecycle `Service`.
            func makeService(port: Int) throws -> any CloudEventSender & Service {
                let url = "http://127.0.0.1:\(port)/events"
                let configuration = HTTPSenderConfiguration(timeout: Self.unhurried, retryPolicy: Self.fastRetries)
                switch self {
                case .asyncHTTPClient:
                    #if AsyncHTTPClient
                        return AsyncHTTPClientCloudEventSender(url: url, configuration: configuration)
                    #else
                        throw CloudEventError(.transportFailed, message: "built without the AsyncHTTPClient trait")
                    #endif
                case .urlSession:
                    guard let parsed = URL(string: url) else { throw CloudEventError(.transportFailed, message: url) }
                    return URLSessionCloudEventSender(url: parsed, configuration: configuration)
                }
            }
        }
    #endif

    /// A sender under test, with the shutdown its kind has (`CloudEventSender` has none).
    struct TestedSender: CloudEventSender {
        private let base: any CloudEventSender
        private let sendBefore: @Sendable (CloudEvent, ContinuousClock.Instant) async throws -> CloudEvent?
        private let shutdownAction: @Sendable () async -> Void

        init(
            _ base: any CloudEventSender,
            sendBefore: @escaping @Sendable (CloudEvent, ContinuousClock.Instant) async throws -> CloudEvent?,
            shutdown: @escaping @Sendable () async -> Void
        ) {
            self.base = base
            self.sendBefore = sendBefore
            self.shutdownAction = shutdown
        }

        func send(_ event: CloudEvent) async throws -> CloudEvent? { try await base.send(event) }
        /// Sends with the sender's own `send(_:deadline:)`.
        func send(_ event: CloudEvent, deadline: ContinuousClock.Instant) async throws -> CloudEvent? {
            try await sendBefore(event, deadline)
        }
        func send(batch: [CloudEvent]) async throws -> [CloudEvent] { try await base.send(batch: batch) }
        /// Shuts the sender down with its default grace period; calling it again is harmless.
        func shutdown() async { await shutdownAction() }
    }
#endif
