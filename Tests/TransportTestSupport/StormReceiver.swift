#if Hummingbird
    import CloudEventsHTTP
    public import Hummingbird

    /// A receiver in a storm of server errors: it answers each request with the next status of a
    /// repeating pattern (the `2xx` ones accept the event) and logs, per event id, every status it
    /// answered, so a test can reconcile what each send reported with what the peer did.
    public actor StormLog {
        /// The statuses answered, in turn, forever.
        public let pattern: [Int]
        /// Per `ce-id`: the statuses answered to the requests that carried it, in order.
        public private(set) var answers: [String: [Int]] = [:]
        private var next = 0

        /// Creates a log that answers `pattern` in turn.
        public init(pattern: [Int]) {
            self.pattern = pattern
        }

        /// The status to answer to the next request, which carried `id`; logged.
        public func answer(id: String) -> Int {
            let status = pattern[next % pattern.count]
            next += 1
            answers[id, default: []].append(status)
            return status
        }

        /// The ids the storm accepted with a `2xx`.
        public var accepted: [String] {
            answers.filter { $0.value.contains { (200...299).contains($0) } }.map(\.key)
        }

        /// The number of requests answered.
        public var requests: Int { next }
    }

    /// A router whose `/events` route answers (binary-mode) requests as `log` decides.
    ///
    /// It reads each request's body before answering, as a well-behaved peer does. An answer of
    /// `300` or more that AsyncHTTPClient gets while it is still sending the body makes it stop
    /// sending and close the connection, so every such answer would cost the storm a new
    /// connection, and each new connection is one more chance for a connection-level failure on
    /// a loaded machine (an attempt the log cannot see).
    public func stormRouter(_ log: StormLog) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/events") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 20)
            let status = await log.answer(id: request.headers[.ceID] ?? "-")
            return Response(status: HTTPResponse.Status(code: status))
        }
        return router
    }
#endif
