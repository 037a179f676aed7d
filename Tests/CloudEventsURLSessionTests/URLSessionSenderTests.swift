#if Hummingbird
    import CloudEvents
    import CloudEventsHTTP
    import CloudEventsHummingbird
    import CloudEventsURLSession
    import Foundation
    import Hummingbird
    import Testing
    import TransportTestSupport

    /// The URLSession sender against the Hummingbird receiver (and misbehaving Hummingbird routes),
    /// both real, on 127.0.0.1.
    @Suite("URLSession sender × Hummingbird receiver")
    struct URLSessionSenderTests {
        @Test(
            "every mode delivers the medium event and a 1 MiB binary payload intact",
            arguments: HTTPContentMode.allCases, TestEvents.Payload.allCases)
        func modes(mode: HTTPContentMode, payload: TestEvents.Payload) async throws {
            let recorder = EventRecorder()
            let event = try TestEvents.event(payload)
            let reply = try await withTestServer(recordingRouter(recorder)) { port in
                try await withURLSessionSender(port: port, mode: mode) { try await $0.send(event) }
            }
            #expect(reply == nil)
            #expect(await recorder.events == [mode == .binary ? TestEvents.asReceivedInBinaryMode(event) : event])
        }

        @Test("send(batch:) delivers every event in order")
        func batch() async throws {
            let recorder = EventRecorder()
            let events = (0..<5).map(TestEvents.small)
            try await withTestServer(recordingRouter(recorder)) { port in
                try await withURLSessionSender(port: port) { try await $0.send(batch: events) }
            }
            #expect(await recorder.events == events)
        }

        @Test("a reply event round-trips through the sender", arguments: HTTPContentMode.allCases)
        func replyRoundTrip(mode: HTTPContentMode) async throws {
            let router = recordingRouter(EventRecorder()) { event in
                CloudEvent(id: "reply-\(event.id)", source: "/receiver", type: "com.example.reply")
            }
            let event = TestEvents.small()
            let reply = try await withTestServer(router) { port in
                try await withURLSessionSender(port: port, mode: mode) { try await $0.send(event) }
            }
            #expect(reply?.id == "reply-\(event.id)")
        }

        @Test("503 twice, then 202: three attempts with the same event; a 400 is not retried")
        func retries() async throws {
            let counter = RequestCounter()
            let router = Router()
            router.post("/events") { request, _ -> Response in
                let attempt = await counter.next(fingerprint: request.headers[.ceID] ?? "-")
                switch attempt {
                case 1, 2: return Response(status: .serviceUnavailable)
                case 3: return Response(status: .accepted)
                default:
                    return Response(
                        status: .badRequest, body: ResponseBody(byteBuffer: ByteBuffer(string: "no thanks")))
                }
            }
            let event = TestEvents.small()
            let error = try await withTestServer(router) { port in
                try await withURLSessionSender(port: port) { sender in
                    _ = try await sender.send(event)
                    return await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                }
            }
            #expect(await counter.fingerprints.prefix(3) == [event.id, event.id, event.id])
            #expect(await counter.count == 4)
            #expect(error?.code == .rejectedByPeer)
            #expect(error?.status == 400)
            #expect(error?.attempts == 1)
            #expect(error?.responseSnippet == "no thanks")
        }

        @Test("Retry-After: 1 is honoured")
        func retryAfter() async throws {
            let counter = RequestCounter()
            let router = Router()
            router.post("/events") { _, _ -> Response in
                await counter.next() == 1
                    ? Response(status: .serviceUnavailable, headers: [.retryAfter: "1"]) : Response(status: .accepted)
            }
            let clock = ContinuousClock()
            let start = clock.now
            try await withTestServer(router) { port in
                try await withURLSessionSender(port: port) { _ = try await $0.send(TestEvents.small()) }
            }
            #expect(start.duration(to: clock.now) >= .milliseconds(950))
            #expect(await counter.count == 2)
        }

        @Test("receiver down: connectionFailed after the retry budget, within the deadline")
        func receiverDown() async throws {
            let port = try await closedPort()
            let clock = ContinuousClock()
            let start = clock.now
            let error = try await withURLSessionSender(port: port, deadline: .seconds(30)) { sender in
                await cloudEventError { _ = try await sender.send(TestEvents.small()) }
            }
            // connectionFailed (not deadlineExceeded) means the budget ran out before the deadline.
            #expect(start.duration(to: clock.now) < .seconds(30))
            #expect(error?.code == .connectionFailed)
            #expect(error?.attempts == 3)
        }

        @Test("the deadline holds although URLSession's own timeout is an idle timeout")
        func deadline() async throws {
            let router = Router()
            router.post("/events") { _, _ -> Response in
                try await Task.sleep(for: .seconds(10))
                return Response(status: .accepted)
            }
            let clock = ContinuousClock()
            let (error, elapsed) = try await withTestServer(router) { port in
                try await withURLSessionSender(port: port, deadline: .milliseconds(300)) { sender in
                    let start = clock.now
                    let error = await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                    return (error, start.duration(to: clock.now))
                }
            }
            #expect(error?.code == .deadlineExceeded)
            #expect(elapsed >= .milliseconds(300))
            #expect(elapsed < .seconds(10))  // the peer's delay: the sender did not wait for it
        }

        @Test("binary mode: data without datacontenttype is refused, since URLSession would label it a form")
        func noDataContentType() async throws {
            let recorder = EventRecorder()
            let withData = CloudEvent(source: "/s", type: "t", data: .binary([1, 2, 3]))
            let withoutData = CloudEvent(source: "/s", type: "t")
            let error = try await withTestServer(recordingRouter(recorder)) { port in
                try await withURLSessionSender(port: port) { sender in
                    _ = try await sender.send(withoutData)
                    return await cloudEventError { _ = try await sender.send(withData) }
                }
            }
            #expect(error?.code == .unsupportedFormat)
            #expect(error?.attribute == "datacontenttype")
            #expect(await recorder.events == [withoutData])
        }

        @Test("a redirect is not followed: the 3xx is an error, not a request that lost its body")
        func redirectRefused() async throws {
            let recorder = EventRecorder()
            let router = recordingRouter(recorder)
            router.post("/moved") { _, _ in Response(status: .found, headers: [.location: "/events"]) }
            let error = try await withTestServer(router) { port in
                try await withURLSessionSender(port: port, path: "/moved") { sender in
                    await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                }
            }
            #expect(error?.code == .rejectedByPeer)
            #expect(error?.status == 302)
            #expect(await recorder.count == 0)
        }

        @Test(
            "shutdown with 200 sends in flight: each reached the receiver or threw shutDown; the counts add up to 200")
        func shutdownWithSendsInFlight() async throws {
            let recorder = EventRecorder()
            let outcome = try await withTestServer(recordingRouter(recorder, delay: .milliseconds(20))) { port in
                try await withURLSessionSender(port: port) { sender in
                    try await SenderScenarios.sendWhileShuttingDown(sender, recorder: recorder) {
                        await sender.shutdown()
                    }
                }
            }
            #expect(outcome.delivered + outcome.refused == 200)
            #expect(await recorder.count + outcome.refused == 200)
            #expect(outcome.receivedWhenShutdownBegan < 200)
        }

        @Test("1,000 sends from 50 concurrent tasks: 1,000 distinct ids received, none lost, none twice")
        func thousandSendsFromFiftyTasks() async throws {
            let recorder = EventRecorder()
            let sent = try await withTestServer(recordingRouter(recorder)) { port in
                try await withURLSessionSender(port: port) { try await SenderScenarios.sendConcurrently($0) }
            }
            let received = await recorder.ids
            #expect(received.count == 1000)
            #expect(Set(received) == Set(sent))
            #expect(Set(sent).count == 1000)
        }
    }

    /// Retries with short waits, so the retry tests stay fast.
    let testRetries = HTTPRetryPolicy(
        maximumAttempts: 3, initialBackoff: .milliseconds(10), maximumBackoff: .milliseconds(50))

    /// Runs `body` with a URLSession sender to `http://127.0.0.1:<port><path>`, shut down afterwards.
    func withURLSessionSender<Result: Sendable>(
        port: Int, path: String = "/events", mode: HTTPContentMode = .binary, deadline: Duration = .seconds(10),
        retryPolicy: HTTPRetryPolicy = testRetries, _ body: (URLSessionCloudEventSender) async throws -> Result
    ) async throws -> Result {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
        let sender = URLSessionCloudEventSender(
            url: url, configuration: HTTPSenderConfiguration(mode: mode, deadline: deadline, retryPolicy: retryPolicy))
        do {
            let result = try await body(sender)
            await sender.shutdown()
            return result
        } catch {
            await sender.shutdown()
            throw error
        }
    }

    /// The `CloudEventError` `operation` throws; `nil` when it throws nothing or something else.
    func cloudEventError(_ operation: () async throws -> Void) async -> CloudEventError? {
        do {
            try await operation()
            return nil
        } catch let error as CloudEventError {
            return error
        } catch {
            return nil
        }
    }
#endif
