#if Vapor && Hummingbird && AsyncHTTPClient
    import AsyncHTTPClient
    import CloudEvents
    import CloudEventsAsyncHTTPClient
    import CloudEventsHTTP
    import HTTPTypes
    import CloudEventsHummingbird
    import CloudEventsVapor
    import Hummingbird
    import Testing
    import TransportTestSupport
    import Vapor

    /// A Vapor application that only sends (no server): its client fails at once on a refused
    /// connection and does not follow redirects, as the sender's DocC advises.
    func withSendingApplication<Result: Sendable>(_ body: (Vapor.Application) async throws -> Result) async throws
        -> Result
    {
        let app = try await Vapor.Application.make(.testing)
        app.logger.logLevel = .critical
        app.http.client.configuration.connectionPool.retryConnectionEstablishment = false
        app.http.client.configuration.redirectConfiguration = .disallow
        do {
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try await app.asyncShutdown()
            throw error
        }
    }

    /// The Vapor sender and receiver against the other adapters, on 127.0.0.1.
    @Suite("Vapor adapter: sending", .timeLimit(.minutes(10)))
    struct VaporSenderTests {
        @Test(
            "the Vapor sender delivers to the Hummingbird receiver in every mode, with the reply",
            arguments: HTTPContentMode.allCases)
        func vaporToHummingbird(mode: HTTPContentMode) async throws {
            let recorder = EventRecorder()
            let router = recordingRouter(recorder) { event in
                CloudEvent(id: "reply-\(event.id)", source: "/receiver", type: "com.example.reply")
            }
            let sent = try [TestEvents.event(.medium), TestEvents.event(.oneMebibyteBinary)]
            let replies = try await withTestServer(router) { port in
                try await withSendingApplication { app in
                    let sender = VaporCloudEventSender(
                        url: "http://127.0.0.1:\(port)/events", client: app.client,
                        configuration: HTTPSenderConfiguration(mode: mode == .batch ? .binary : mode))
                    defer { _ = sender }
                    var replies: [String] = []
                    if mode == .batch {
                        replies = try await sender.send(batch: sent).map(\.id)
                    } else {
                        for event in sent { replies.append(try #require(try await sender.send(event)).id) }
                    }
                    await sender.shutdown()
                    return replies
                }
            }
            #expect(replies == sent.map { "reply-\($0.id)" })
            let expected = mode == .binary ? sent.map(TestEvents.asReceivedInBinaryMode) : sent
            #expect(await recorder.events == expected)
        }

        @Test("the AsyncHTTPClient sender delivers to the Vapor receiver in every mode, with the reply",
            arguments: HTTPContentMode.allCases)
        func asyncHTTPClientToVapor(mode: HTTPContentMode) async throws {
            let recorder = EventRecorder()
            let sent = try [TestEvents.event(.medium), TestEvents.event(.oneMebibyteBinary)]
            let replies = try await VaporTestServer().serveRecording(
                recorder, reply: { CloudEvent(id: "reply-\($0.id)", source: "/receiver", type: "com.example.reply") }
            ) { port in
                let sender = AsyncHTTPClientCloudEventSender(
                    url: "http://127.0.0.1:\(port)/events",
                    configuration: HTTPSenderConfiguration(mode: mode == .batch ? .binary : mode))
                var replies: [String] = []
                do {
                    if mode == .batch {
                        replies = try await sender.send(batch: sent).map(\.id)
                    } else {
                        for event in sent { replies.append(try #require(try await sender.send(event)).id) }
                    }
                } catch {
                    await sender.shutdown()
                    throw error
                }
                await sender.shutdown()
                return replies
            }
            #expect(replies == sent.map { "reply-\($0.id)" })
            let expected = mode == .binary ? sent.map(TestEvents.asReceivedInBinaryMode) : sent
            #expect(await recorder.events == expected)
        }

        @Test("1,000 concurrent sends from the Vapor sender to the Vapor receiver: none lost, none twice")
        func concurrentSends() async throws {
            let recorder = EventRecorder()
            let sent = (0..<1000).map(TestEvents.small)
            try await VaporTestServer().serveRecording(recorder) { port in
                try await withSendingApplication { app in
                    // A five-minute deadline: this test is about delivery, not deadlines, and none
                    // should be decided by one on a busy machine.
                    let sender = app.cloudEventSender(
                        to: "http://127.0.0.1:\(port)/events", configuration: HTTPSenderConfiguration(timeout: .seconds(300)))
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for event in sent {
                            group.addTask { _ = try await sender.send(event) }
                        }
                        try await group.waitForAll()
                    }
                }
            }
            let ids = await recorder.ids
            #expect(ids.count == 1000)
            #expect(Set(ids) == Set(sent.map(\.id)))
        }

        @Test("a 503 with Retry-After is retried with the same event, as by every HTTP sender")
        func retries() async throws {
            let counter = RequestCounter()
            let event = TestEvents.small(1)
            let received = try await withVaporApplication { app in
                app.on(.POST, "flaky", body: .stream) { request async -> Vapor.Response in
                    let attempt = await counter.next(fingerprint: request.headers.first(name: "ce-id") ?? "")
                    return Vapor.Response(
                        status: attempt == 1 ? .serviceUnavailable : .accepted,
                        headers: attempt == 1 ? ["Retry-After": "0"] : [:])
                }
            } _: { port, _ in
                try await withSendingApplication { app in
                    let sender = app.cloudEventSender(to: "http://127.0.0.1:\(port)/flaky")
                    let reply = try await sender.send(event)
                    #expect(reply == nil)
                    return await counter.fingerprints
                }
            }
            #expect(received == [event.id, event.id])
        }

        @Test("a refused connection is connectionFailed; a sender of an application refuses sends once it shut down")
        func failuresAndShutdown() async throws {
            try await withClosedPort { port in
                let app = try await Vapor.Application.make(.testing)
                app.http.client.configuration.connectionPool.retryConnectionEstablishment = false
                let sender = app.cloudEventSender(
                    to: "http://127.0.0.1:\(port)/events",
                    configuration: HTTPSenderConfiguration(retryPolicy: RetryPolicy(maximumAttempts: 2, initialBackoff: .milliseconds(1))))
                let refused = await #expect(throws: CloudEventError.self) { try await sender.send(TestEvents.small()) }
                #expect(refused?.code == .connectionFailed)
                #expect(refused?.attempts == 2)
                try await app.asyncShutdown()
                let afterShutdown = await #expect(throws: CloudEventError.self) { try await sender.send(TestEvents.small()) }
                #expect(afterShutdown?.code == .shutDown)
            }
        }
    }
#endif
