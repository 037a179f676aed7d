#if NATS
    import CloudEvents
    import CloudEventsNATSClient
    import CloudEventsNATSTransport
    import CoreTestSupport
    import Logging
    import NATSTestSupport
    import ServiceLifecycle
    import Testing

    @Suite("NATS receiver as a swift-service-lifecycle service", .timeLimit(.minutes(2)))
    struct NATSReceiverLifecycleTests {
        @Test("a graceful shutdown handles every event the server sent before it, then run() returns")
        func gracefulShutdownLosesNothingInHand() async throws {
            try await withNATSServer { server in
                var logger = Logger(label: "nats-lifecycle-test")
                logger.logLevel = .warning
                let client = NATSClient(configuration: try .init(urls: [server.url], name: "receiver"), logger: logger)
                try await client.connect()
                let gate = Gate()
                let (handled, recordHandled) = AsyncStream.makeStream(of: String.self)
                let (started, recordStarted) = AsyncStream.makeStream(of: String.self)
                let receiver = NATSCloudEventReceiver(
                    client: client, subject: "lifecycle", configuration: .init(maximumConcurrentHandlers: 4),
                    logger: logger
                ) { event, _ in
                    recordStarted.yield(event.id)
                    await gate.wait()
                    recordHandled.yield(event.id)
                    return nil
                }
                let group = ServiceGroup(
                    configuration: ServiceGroupConfiguration(
                        services: [receiver], gracefulShutdownSignals: [], logger: logger))
                try await withThrowingTaskGroup(of: Void.self) { tasks in
                    tasks.addTask { try await group.run() }
                    await receiver.waitUntilSubscribed()
                    let sender = NATSCloudEventSender(client: client, subject: "lifecycle")
                    for index in 0..<50 {
                        try await sender.send(CloudEvent(id: String(index), source: "/s", type: "com.example.held"))
                    }
                    // Four handlers hold their events; the other 46 wait in the subscription.
                    var startedIDs = started.makeAsyncIterator()
                    for _ in 0..<4 { _ = await startedIDs.next() }
                    await group.triggerGracefulShutdown()
                    await gate.open()
                    try await tasks.next()  // the group ends once the receiver has drained
                    recordHandled.finish()
                }
                var ids: [String] = []
                for await id in handled { ids.append(id) }
                #expect(Set(ids) == Set((0..<50).map(String.init)))
                #expect(ids.count == 50)
                #expect(receiver.handledEvents == 50)
                try await client.drain()
            }
        }
    }
#endif
