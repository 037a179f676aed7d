#if AsyncHTTPClient && Hummingbird
    import AsyncHTTPClient
    import CloudEvents
    import CloudEventsAsyncHTTPClient
    import CloudEventsHTTP
    import Hummingbird
    import Testing
    import TransportTestSupport

    /// Retries, deadlines and typed errors, against plain Hummingbird routes that misbehave on purpose.
    @Suite("AsyncHTTPClient sender: retries, deadlines, errors")
    struct SenderRetryTests {
        /// A route that answers the statuses in `script` in turn (then 202), each optionally with
        /// header fields and a body, counting attempts and the `ce-id` each carried.
        static func scriptedRouter(
            _ counter: RequestCounter, _ script: [(status: HTTPResponse.Status, headers: HTTPFields, body: String)]
        ) -> Router<BasicRequestContext> {
            let router = Router()
            router.post("/events") { request, _ -> Response in
                let attempt = await counter.next(fingerprint: request.headers[.ceID] ?? "-")
                guard attempt <= script.count else { return Response(status: .accepted) }
                let step = script[attempt - 1]
                return Response(
                    status: step.status, headers: step.headers,
                    body: ResponseBody(byteBuffer: ByteBuffer(string: step.body)))
            }
            return router
        }

        @Test("503 twice, then 202: one success after three attempts, each with the same event")
        func retriesUntilAccepted() async throws {
            let counter = RequestCounter()
            let router = Self.scriptedRouter(counter, [(.serviceUnavailable, [:], ""), (.serviceUnavailable, [:], "")])
            let event = TestEvents.small()
            let reply = try await withTestServer(router) { port in
                try await withSender(port: port) { try await $0.send(event) }
            }
            #expect(reply == nil)
            #expect(await counter.count == 3)
            #expect(await counter.fingerprints == [event.id, event.id, event.id])
        }

        @Test("Retry-After: 1 is honoured", arguments: ["1", "date"])
        func retryAfter(form: String) async throws {
            let counter = RequestCounter()
            let clock = ContinuousClock()
            // An HTTP-date has whole seconds: two seconds ahead waits between one and two.
            let value = form == "1" ? "1" : Self.httpDate(secondsFromNow: 2)
            let router = Self.scriptedRouter(counter, [(.tooManyRequests, [.retryAfter: value], "slow down")])
            let start = clock.now
            try await withTestServer(router) { port in
                try await withSender(port: port) { _ = try await $0.send(TestEvents.small()) }
            }
            #expect(start.duration(to: clock.now) >= .milliseconds(950))
            #expect(await counter.count == 2)
        }

        @Test("a 400 is not retried; the error carries the status, a body snippet and one attempt")
        func badRequestNotRetried() async throws {
            let counter = RequestCounter()
            let router = Self.scriptedRouter(
                counter, [(.badRequest, [.contentType: "text/plain"], "missing attribute: source")])
            let error = try await withTestServer(router) { port in
                try await withSender(port: port) { sender in
                    await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                }
            }
            #expect(error?.code == .rejectedByPeer)
            #expect(error?.status == 400)
            #expect(error?.attempts == 1)
            #expect(error?.responseSnippet == "missing attribute: source")
            #expect(await counter.count == 1)
        }

        @Test("a 415 is an error, never a switch to another mode")
        func unsupportedMediaTypeIsAnError() async throws {
            let counter = RequestCounter()
            let router = Self.scriptedRouter(counter, [(.unsupportedMediaType, [:], "")])
            let error = try await withTestServer(router) { port in
                try await withSender(port: port, mode: .binary) { sender in
                    await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                }
            }
            #expect(error?.code == .rejectedByPeer)
            #expect(error?.status == 415)
            #expect(await counter.count == 1)
        }

        @Test("a retryable status on every attempt ends with rejectedByPeer after the retry budget")
        func retryBudgetUsedUp() async throws {
            let counter = RequestCounter()
            let router = Self.scriptedRouter(counter, Array(repeating: (.badGateway, [:], "upstream down"), count: 10))
            let error = try await withTestServer(router) { port in
                try await withSender(port: port) { sender in
                    await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                }
            }
            #expect(error?.code == .rejectedByPeer)
            #expect(error?.status == 502)
            #expect(error?.attempts == 3)
            #expect(error?.responseSnippet == "upstream down")
            #expect(await counter.count == 3)
        }

        @Test("receiver down: connectionFailed after the retry budget, within the deadline")
        func receiverDown() async throws {
            let port = try await closedPort()
            let clock = ContinuousClock()
            let start = clock.now
            let error = try await withSender(port: port, deadline: .seconds(30)) { sender in
                await cloudEventError { _ = try await sender.send(TestEvents.small()) }
            }
            // connectionFailed (not deadlineExceeded) means the budget ran out before the deadline.
            #expect(start.duration(to: clock.now) < .seconds(30))
            #expect(error?.code == .connectionFailed)
            #expect(error?.attempts == 3)
            #expect(error?.status == nil)
        }

        @Test("a peer slower than the deadline: deadlineExceeded, on time")
        func deadline() async throws {
            let router = Router()
            router.post("/events") { _, _ -> Response in
                try await Task.sleep(for: .seconds(10))
                return Response(status: .accepted)
            }
            let clock = ContinuousClock()
            let (error, elapsed) = try await withTestServer(router) { port in
                try await withSender(port: port, deadline: .milliseconds(300)) { sender in
                    let start = clock.now
                    let error = await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                    return (error, start.duration(to: clock.now))
                }
            }
            #expect(error?.code == .deadlineExceeded)
            #expect(elapsed >= .milliseconds(300))
            #expect(elapsed < .seconds(10))  // the peer's delay: the sender did not wait for it
        }

        @Test("own client: a 3xx is an error; a shared client that turns POST into GET is caught, not counted as sent")
        func redirects() async throws {
            let recorder = EventRecorder()
            let router = recordingRouter(recorder)
            router.post("/moved") { _, _ in Response(status: .found, headers: [.location: "/events"]) }
            router.get("/events") { _, _ in Response(status: .ok) }
            var configuration = HTTPClient.Configuration()
            configuration.redirectConfiguration = .follow(max: 3, allowCycles: false)
            let followingClient = HTTPClient(configuration: configuration)
            let (own, shared) = try await withTestServer(router) { port in
                let own = try await withSender(port: port, path: "/moved") { sender in
                    await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                }
                let sender = AsyncHTTPClientCloudEventSender(
                    url: "http://127.0.0.1:\(port)/moved", client: followingClient)
                let shared = await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                await sender.shutdown()
                return (own, shared)
            }
            try await followingClient.shutdown()
            #expect(own?.code == .rejectedByPeer)
            #expect(own?.status == 302)
            #expect(shared?.code == .transportFailed)
            #expect(shared?.message.contains("GET") == true)
            #expect(await recorder.count == 0)
        }

        /// An IMF-fixdate `seconds` from now.
        static func httpDate(secondsFromNow seconds: Int64) -> String {
            let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            let epoch = Timestamp.now().epochSeconds + seconds
            guard let time = try? Timestamp(epochSeconds: epoch) else { return "" }
            func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
            let weekday = days[Int((epoch / 86_400) % 7)]
            return
                "\(weekday), \(two(time.day)) \(months[time.month - 1]) \(time.year) \(two(time.hour)):\(two(time.minute)):\(two(time.second)) GMT"
        }
    }
#endif
