#if Hummingbird
    import CloudEvents
    import CoreTestSupport
    import CloudEventsHTTP
    import CloudEventsTransport
    import Hummingbird
    import Testing
    import TransportTestSupport

    /// Retries, deadlines and typed errors of each HTTP sender, against plain Hummingbird routes
    /// that misbehave on purpose.
    @Suite("HTTP senders: retries, deadlines, errors", .timeLimit(.minutes(10)))
    struct SenderRetryTests {
        /// One step of ``scriptedRouter(_:_:)``: what to answer to one attempt.
        struct Step: Sendable {
            var status: HTTPResponse.Status
            var headers: HTTPFields = [:]
            var body = ""
        }

        /// A route that answers the steps of `script` in turn (then 202), counting attempts, when
        /// each came, and the `ce-id` each carried. `script` is given the attempt's number and the
        /// wall-clock time it came.
        ///
        /// It reads each request's body before answering, as a well-behaved peer does, so that no
        /// answer comes while the client is still sending (which makes AsyncHTTPClient stop
        /// sending and close the connection, so the next attempt needs a new one).
        static func scriptedRouter(
            _ counter: RequestCounter, _ script: @escaping @Sendable (_ attempt: Int, _ at: Timestamp) -> Step?
        ) -> Router<BasicRequestContext> {
            let router = Router()
            router.post("/events") { request, _ -> Response in
                _ = try await request.body.collect(upTo: 1 << 20)
                let attempt = await counter.next(fingerprint: request.headers[.ceID] ?? "-")
                let at = await counter.times[attempt - 1]
                guard let step = script(attempt, at) else { return Response(status: .accepted) }
                return Response(
                    status: step.status, headers: step.headers,
                    body: ResponseBody(byteBuffer: ByteBuffer(string: step.body)))
            }
            return router
        }

        /// A route that answers the steps in turn, then 202.
        static func scriptedRouter(_ counter: RequestCounter, _ steps: [Step]) -> Router<BasicRequestContext> {
            scriptedRouter(counter) { attempt, _ in attempt <= steps.count ? steps[attempt - 1] : nil }
        }

        @Test(
            "503 twice, then 202: one success after three attempts, each with the same event", arguments: SenderKind.all
        )
        func retriesUntilAccepted(kind: SenderKind) async throws {
            let counter = RequestCounter()
            let router = Self.scriptedRouter(
                counter, [Step(status: .serviceUnavailable), Step(status: .serviceUnavailable)])
            let event = TestEvents.small()
            let reply = try await withTestServer(router) { port in
                try await kind.withSender(port: port) { try await $0.send(event) }
            }
            #expect(reply == nil)
            #expect(await counter.count == 3)
            #expect(await counter.fingerprints == [event.id, event.id, event.id])
        }

        /// The two forms of a `Retry-After` value.
        enum RetryAfterForm: String, Sendable, CaseIterable, CustomStringConvertible {
            /// `Retry-After: 1`, with a `429`.
            case seconds
            /// An HTTP-date three seconds after the attempt, with a `503`.
            case httpDate
            var description: String { rawValue }
        }

        @Test(
            "Retry-After is honoured: the peer sees the next attempt no sooner than it asked",
            arguments: SenderKind.all, RetryAfterForm.allCases)
        func retryAfter(kind: SenderKind, form: RetryAfterForm) async throws {
            let counter = RequestCounter()
            // The date is made when the attempt comes, so that a slow start cannot use up the wait.
            let router = Self.scriptedRouter(counter) { attempt, at in
                guard attempt == 1 else { return nil }
                switch form {
                case .seconds:
                    return Step(status: .tooManyRequests, headers: [.retryAfter: "1"], body: "slow down")
                case .httpDate:
                    return Step(
                        status: .serviceUnavailable,
                        headers: [.retryAfter: Self.httpDate(epochSeconds: at.epochSeconds + 3)])
                }
            }
            try await withTestServer(router) { port in
                try await kind.withSender(port: port) { _ = try await $0.send(TestEvents.small()) }
            }
            #expect(await counter.count == 2)
            let gap = try #require(await counter.gap(after: 1))
            let times = await counter.times
            switch form {
            case .seconds:
                #expect(gap >= .seconds(1), "\(gap)")
            case .httpDate:
                // Not before the date (whole seconds), which is at least two seconds after the first
                // attempt: the sender counts from the start of its current second.
                #expect(times[1].epochSeconds >= times[0].epochSeconds + 3, "\(times)")
                #expect(gap >= .seconds(1), "\(gap)")
            }
        }

        @Test(
            "a 400 is not retried; the error carries the status, a body snippet and one attempt",
            arguments: SenderKind.all)
        func badRequestNotRetried(kind: SenderKind) async throws {
            let counter = RequestCounter()
            let router = Self.scriptedRouter(
                counter,
                [Step(status: .badRequest, headers: [.contentType: "text/plain"], body: "missing attribute: source")])
            let error = try await withTestServer(router) { port in
                try await kind.withSender(port: port) { sender in
                    await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                }
            }
            #expect(error?.code == .rejectedByPeer)
            #expect(error?.status == 400)
            #expect(error?.attempts == 1)
            #expect(error?.responseSnippet == "missing attribute: source")
            #expect(await counter.count == 1)
        }

        @Test("after a success, a 400 without a content type is not retried either", arguments: SenderKind.all)
        func badRequestAfterSuccess(kind: SenderKind) async throws {
            let counter = RequestCounter()
            let router = Self.scriptedRouter(counter) { attempt, _ in
                attempt == 2 ? Step(status: .badRequest, body: "no thanks") : nil
            }
            let error = try await withTestServer(router) { port in
                try await kind.withSender(port: port) { sender in
                    _ = try await sender.send(TestEvents.small(1))
                    return await cloudEventError { _ = try await sender.send(TestEvents.small(2)) }
                }
            }
            #expect(await counter.count == 2)
            #expect(error?.code == .rejectedByPeer)
            #expect(error?.status == 400)
            #expect(error?.attempts == 1)
            #expect(error?.responseSnippet == "no thanks")
        }

        @Test("a 415 is an error, never a switch to another mode", arguments: SenderKind.all)
        func unsupportedMediaTypeIsAnError(kind: SenderKind) async throws {
            let counter = RequestCounter()
            let router = Self.scriptedRouter(counter, [Step(status: .unsupportedMediaType)])
            let error = try await withTestServer(router) { port in
                try await kind.withSender(port: port, mode: .binary) { sender in
                    await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                }
            }
            #expect(error?.code == .rejectedByPeer)
            #expect(error?.status == 415)
            #expect(await counter.count == 1)
        }

        @Test(
            "a retryable status on every attempt ends with rejectedByPeer after the retry budget",
            arguments: SenderKind.all)
        func retryBudgetUsedUp(kind: SenderKind) async throws {
            let counter = RequestCounter()
            let router = Self.scriptedRouter(
                counter, Array(repeating: Step(status: .badGateway, body: "upstream down"), count: 10))
            let error = try await withTestServer(router) { port in
                try await kind.withSender(port: port) { sender in
                    await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                }
            }
            #expect(error?.code == .rejectedByPeer)
            #expect(error?.status == 502)
            #expect(error?.attempts == 3)
            #expect(error?.responseSnippet == "upstream down")
            #expect(await counter.count == 3)
        }

        @Test("receiver down: connectionFailed after the retry budget, within the deadline", arguments: SenderKind.all)
        func receiverDown(kind: SenderKind) async throws {
            let error = try await withClosedPort { port in
                try await kind.withSender(port: port, deadline: .seconds(30)) { sender in
                    await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                }
            }
            // connectionFailed, not deadlineExceeded: the budget ran out within the 30 s deadline,
            // as the sender's own clock measured it.
            #expect(error?.code == .connectionFailed)
            #expect(error?.attempts == 3)
            #expect(error?.status == nil)
            // In plain words, with the client's own error kept for code that needs it.
            let message = error?.message ?? ""
            #expect(message.contains(": the connection was refused"), "\(message)")
            #expect(!message.contains("errno") && !message.contains("error set"), "\(message)")
            #expect(error?.underlyingError != nil)
        }

        @Test(
            "a deadline given to the call ends the send when it is earlier than the timeout", arguments: SenderKind.all)
        func callDeadline(kind: SenderKind) async throws {
            let error = try await withClosedPort { port in
                try await kind.withSender(
                    port: port,
                    retryPolicy: RetryPolicy(
                        maximumAttempts: 1000, initialBackoff: .milliseconds(50), maximumBackoff: .milliseconds(50)),
                    deadline: .seconds(300)
                ) { sender in
                    await cloudEventError {
                        _ = try await sender.send(TestEvents.small(), deadline: .now + .milliseconds(400))
                    }
                }
            }
            #expect(error?.code == .deadlineExceeded, "\(String(describing: error))")
        }

        @Test(
            "a peer slower than the deadline: deadlineExceeded on time, without waiting for the peer (URLSession's own timeout is only an idle timeout)",
            arguments: SenderKind.all)
        func deadline(kind: SenderKind) async throws {
            let peer = SlowPeer()
            let router = Router()
            router.post("/events") { _, _ -> Response in
                await peer.arrived()
                // Far longer than the test: the test server's shutdown cancels it.
                try await Task.sleep(for: .seconds(600))
                await peer.answered()
                return Response(status: .accepted)
            }
            let clock = ContinuousClock()
            let (error, elapsed, answeredBeforeReturn) = try await withTestServer(router) { port in
                try await kind.withSender(port: port, deadline: .milliseconds(300)) { sender in
                    let start = clock.now
                    let error = await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                    return (error, start.duration(to: clock.now), await peer.hasAnswered)
                }
            }
            #expect(error?.code == .deadlineExceeded)
            #expect(elapsed >= .milliseconds(300))
            #expect(!answeredBeforeReturn, "the sender did not wait for the peer's answer")
        }

        /// An IMF-fixdate of `epochSeconds`.
        static func httpDate(epochSeconds epoch: Int64) -> String {
            let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            guard let time = try? Timestamp(epochSeconds: epoch) else { return "" }
            func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
            let weekday = days[Int((epoch / 86_400) % 7)]
            return
                "\(weekday), \(two(time.day)) \(months[time.month - 1]) \(time.year) \(two(time.hour)):\(two(time.minute)):\(two(time.second)) GMT"
        }
    }

    /// What a peer that is slower than a sender's deadline did.
    actor SlowPeer {
        private(set) var arrivals = 0
        private(set) var hasAnswered = false
        func arrived() { arrivals += 1 }
        func answered() { hasAnswered = true }
    }
#endif
