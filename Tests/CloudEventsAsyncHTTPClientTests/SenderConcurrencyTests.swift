#if AsyncHTTPClient && Hummingbird
    import CloudEvents
    import CloudEventsAsyncHTTPClient
    import CloudEventsHTTP
    import Hummingbird
    import ServiceLifecycle
    import Testing
    import TransportTestSupport

    /// Many tasks at once, and shutdown with sends in flight.
    @Suite("AsyncHTTPClient sender: concurrency and shutdown")
    struct SenderConcurrencyTests {
        @Test("1,000 sends from 50 concurrent tasks: 1,000 distinct ids received, none lost, none twice")
        func thousandSendsFromFiftyTasks() async throws {
            let recorder = EventRecorder()
            let sent = try await withTestServer(recordingRouter(recorder)) { port in
                try await withSender(port: port) { try await SenderScenarios.sendConcurrently($0) }
            }
            let received = await recorder.ids
            #expect(sent.count == 1000)
            #expect(received.count == 1000)
            #expect(Set(received).count == 1000)
            #expect(Set(received) == Set(sent))
        }

        @Test(
            "shutdown with 200 sends in flight: each reached the receiver or threw shutDown; the counts add up to 200")
        func shutdownWithSendsInFlight() async throws {
            let recorder = EventRecorder()
            let router = recordingRouter(recorder, delay: .milliseconds(20))
            let outcome = try await withTestServer(router) { port in
                try await withSender(port: port) { sender in
                    try await SenderScenarios.sendWhileShuttingDown(sender, recorder: recorder) {
                        await sender.shutdown()
                    }
                }
            }
            let received = await recorder.ids
            #expect(outcome.delivered + outcome.refused == 200)
            #expect(received.count + outcome.refused == 200)
            #expect(Set(received).count == received.count)
            #expect(outcome.receivedWhenShutdownBegan < 200)
        }

        @Test("sends still running after the grace period are cancelled, each throwing shutDown")
        func shutdownCancelsAfterGracePeriod() async throws {
            let router = recordingRouter(EventRecorder(), delay: .seconds(10))
            let clock = ContinuousClock()
            let (errors, shutdownTook) = try await withTestServer(router) { port in
                try await withSender(port: port, shutdownGracePeriod: .milliseconds(200)) { sender in
                    try await withThrowingTaskGroup(of: CloudEventError?.self) { group in
                        for index in 0..<5 {
                            group.addTask {
                                await cloudEventError { _ = try await sender.send(TestEvents.small(index)) }
                            }
                        }
                        try await Task.sleep(for: .milliseconds(100))
                        let start = clock.now
                        await sender.shutdown()
                        let took = start.duration(to: clock.now)
                        return (try await group.reduce(into: []) { $0.append($1) }, took)
                    }
                }
            }
            #expect(errors.count == 5)
            #expect(errors.allSatisfy { $0?.code == .shutDown && $0?.attempts == 1 })
            #expect(shutdownTook < .seconds(10))  // the peer's delay: shutdown did not wait for it
        }

        @Test("a sender dropped without shutdown releases its own HTTP client")
        func droppedWithoutShutdown() async throws {
            let recorder = EventRecorder()
            try await withTestServer(recordingRouter(recorder)) { port in
                var sender: AsyncHTTPClientCloudEventSender? = AsyncHTTPClientCloudEventSender(
                    url: "http://127.0.0.1:\(port)/events")
                _ = try await sender?.send(TestEvents.small())
                sender = nil  // a client left running would stop this debug build in its deinit
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(await recorder.count == 1)
        }

        @Test("as a Service, the sender shuts down with its ServiceGroup and then refuses sends")
        func serviceLifecycle() async throws {
            let recorder = EventRecorder()
            try await withTestServer(recordingRouter(recorder)) { port in
                let sender = AsyncHTTPClientCloudEventSender(url: "http://127.0.0.1:\(port)/events")
                let serviceGroup = ServiceGroup(
                    configuration: ServiceGroupConfiguration(
                        services: [sender], gracefulShutdownSignals: [], logger: testLogger))
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await serviceGroup.run() }
                    _ = try await sender.send(TestEvents.small())
                    await serviceGroup.triggerGracefulShutdown()
                    try await group.next()
                }
                let error = await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                #expect(error?.code == .shutDown)
                #expect(error?.attempts == 0)
            }
            #expect(await recorder.count == 1)
        }
    }
#endif
