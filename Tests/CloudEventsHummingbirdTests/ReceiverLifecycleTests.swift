#if Hummingbird && AsyncHTTPClient
    import CloudEvents
    import CloudEventsHTTP
    import CloudEventsHummingbird
    import Hummingbird
    import NIOCore
    import ServiceLifecycle
    import Testing
    import TransportTestSupport

    /// The receiver under swift-service-lifecycle, and the transport-independent receiver protocol.
    @Suite("Hummingbird receiver: lifecycle", .timeLimit(.minutes(10)))
    struct ReceiverLifecycleTests {
        @Test("graceful shutdown lets an event being handled finish with 202, then stops the server")
        func gracefulShutdownFinishesInFlightEvents() async throws {
            let recorder = EventRecorder()
            let (started, startedContinuation) = AsyncStream<Void>.makeStream()
            let (ports, portContinuation) = AsyncStream<Int>.makeStream()
            let router = Router()
            router.receiveCloudEvents(at: "/events") { event, context in
                startedContinuation.yield()
                try await Task.sleep(for: .milliseconds(300))
                await recorder.record(event, context)
                return nil
            }
            // The port stays held by this test after the server stops (ReservedPort; Hummingbird
            // sets SO_REUSEADDR, as the reservation does), so the last request below meets a port
            // nothing listens on, never another test's server that was given it meanwhile.
            let reservation = try ReservedPort(allowingListener: true)
            defer { withExtendedLifetime(reservation) {} }
            let application = Application(
                router: router,
                configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: reservation.port)),
                onServerRunning: { portContinuation.yield($0.localAddress?.port ?? 0) }, logger: testLogger)
            let serviceGroup = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [application], gracefulShutdownSignals: [], logger: testLogger))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await serviceGroup.run() }
                let port = try #require(await ports.first { _ in true })
                #expect(port == reservation.port)
                async let answer = RawHTTPClient.post(try HTTPEventEncoder().encode(TestEvents.small()), port: port)
                _ = await started.first { _ in true }
                await serviceGroup.triggerGracefulShutdown()
                #expect(try await answer.status == 202)
                try await tasks.next()  // the group ends once the server has drained
                #expect(await recorder.count == 1)
                await #expect(throws: (any Error).self) {
                    try await RawHTTPClient.post(try HTTPEventEncoder().encode(TestEvents.small()), port: port)
                }
            }
        }

        @Test("HummingbirdCloudEventReceiver implements CloudEventReceiver and runs as a service")
        func receiverProtocol() async throws {
            let recorder = EventRecorder()
            let (ports, portContinuation) = AsyncStream<Int>.makeStream()
            let receiver = HummingbirdCloudEventReceiver(
                configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)), path: "/in",
                logger: testLogger, onServerRunning: { portContinuation.yield($0 ?? 0) }
            ) { event, context in
                await recorder.record(event, context)
                return CloudEvent(source: "/receiver", type: "com.example.ack", subject: event.id)
            }
            let serviceGroup = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [receiver], gracefulShutdownSignals: [], logger: testLogger))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await serviceGroup.run() }
                let port = try #require(await ports.first { _ in true })
                let event = TestEvents.small(7)
                let answer = try await RawHTTPClient.post(try HTTPEventEncoder().encode(event), port: port, path: "/in")
                #expect(answer.status == 200)
                let reply = try HTTPEventDecoder().decodeEvent(headerFields: answer.headerFields, body: answer.body)
                #expect(reply.subject == event.id)
                await serviceGroup.triggerGracefulShutdown()
                try await tasks.next()
            }
            #expect(await recorder.ids.count == 1)
        }
    }
#endif
