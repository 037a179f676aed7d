#if AsyncHTTPClient && Hummingbird
    import CloudEvents
    import CoreTestSupport
    import CloudEventsAsyncHTTPClient
    import CloudEventsHTTP
    import Hummingbird
    import ServiceLifecycle
    import Testing
    import TransportTestSupport

    /// Shutdown and the sender's life: its grace period, a sender dropped without shutdown, the
    /// sender as a swift-service-lifecycle `Service`. (Many tasks at once and shutdown with sends
    /// in flight, which every HTTP sender shares, are in CloudEventsSenderTests.)
    @Suite("AsyncHTTPClient sender: shutdown and lifecycle", .timeLimit(.minutes(10)))
    struct SenderConcurrencyTests {
        @Test("sends still running after the grace period are cancelled, each throwing shutDown")
        func shutdownCancelsAfterGracePeriod() async throws {
            let arrived = RequestCounter()
            let answered = RequestCounter()
            let router = Router()
            router.post("/events") { _, _ -> Response in
                await arrived.next()
                // Longer than the test may last: the test server's shutdown cancels it.
                try await Task.sleep(for: .seconds(3600))
                await answered.next()
                return Response(status: .accepted)
            }
            let errors = try await withTestServer(router) { port in
                try await withSender(port: port, shutdownGracePeriod: .milliseconds(200)) { sender in
                    try await withThrowingTaskGroup(of: CloudEventError?.self) { group in
                        let ended = RequestCounter()
                        for index in 0..<5 {
                            group.addTask {
                                let error = await cloudEventError { _ = try await sender.send(TestEvents.small(index)) }
                                await ended.next()
                                return error
                            }
                        }
                        // Shut down once the peer has all five requests: every send is then running.
                        while await arrived.count < 5 {
                            guard await ended.count == 0 else {
                                Issue.record("a send ended before the peer had all five requests")
                                break
                            }
                            try await Task.sleep(for: .milliseconds(5))
                        }
                        await sender.shutdown()
                        return try await group.reduce(into: []) { $0.append($1) }
                    }
                }
            }
            #expect(errors.count == 5)
            #expect(errors.allSatisfy { $0?.code == .shutDown && $0?.attempts == 1 })
            // Shutdown did not wait for the peer: it answered none of them.
            #expect(await answered.count == 0)
        }

        @Test("a sender dropped without shutdown releases its own HTTP client, which closes its connection")
        func droppedWithoutShutdown() async throws {
            let accepted = Array("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n".utf8)
            try await withFaultServer(.answerKeepingAlive(accepted)) { server in
                var sender: AsyncHTTPClientCloudEventSender? = AsyncHTTPClientCloudEventSender(
                    url: "http://127.0.0.1:\(server.port)/events",
                    configuration: HTTPSenderConfiguration(timeout: unhurried, retryPolicy: fastRetries))
                let reply = try await sender?.send(TestEvents.small())
                #expect(reply == nil)
                #expect(server.seen.requests == 1)
                #expect(server.seen.connections == 1)
                #expect(server.seen.closed == 0, "the client keeps its connection for the next send")
                sender = nil  // a client left running would stop this debug build in its deinit
                // The sender's deinit shuts its client down, which closes the pooled connection;
                // a client left running would keep it open (and the time limit fail the test).
                while server.seen.closed < server.seen.connections { try await Task.sleep(for: .milliseconds(5)) }
                #expect(server.seen.closed == 1)
                #expect(server.seen.requests == 1)
            }
        }
    }
#endif
