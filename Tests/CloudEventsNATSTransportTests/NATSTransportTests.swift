#if NATS
    import CloudEvents
    import CloudEventsNATS
    import CloudEventsNATSClient
    import CloudEventsNATSTransport
    import CoreTestSupport
    import Logging
    import NATSTestSupport
    import Testing

    /// What receivers handled: which receiver got which event id, in arrival order.
    final class HandledEvents: Sendable {
        let stream: AsyncStream<(receiver: Int, event: CloudEvent)>
        let continuation: AsyncStream<(receiver: Int, event: CloudEvent)>.Continuation

        init() {
            (stream, continuation) = AsyncStream.makeStream(of: (receiver: Int, event: CloudEvent).self)
        }

        /// The first `count` events handled.
        func first(_ count: Int) async -> [(receiver: Int, event: CloudEvent)] {
            var taken: [(receiver: Int, event: CloudEvent)] = []
            guard count > 0 else { return taken }
            for await entry in stream {
                taken.append(entry)
                if taken.count == count { break }
            }
            return taken
        }
    }

    @Suite("NATS sender and receiver on a real nats-server", .timeLimit(.minutes(3)))
    struct NATSTransportTests {
        static func client(_ server: NATSServerProcess, name: String) async throws -> NATSClient {
            var logger = Logger(label: "nats-transport-test.\(name)")
            logger.logLevel = .warning
            var configuration = try NATSClient.Configuration(urls: [server.url], name: name)
            configuration.flushTimeout = NATSServerProcess.patientTimeout
            configuration.requestTimeout = NATSServerProcess.patientTimeout
            let client = NATSClient(configuration: configuration, logger: logger)
            try await client.connect()
            return client
        }

        static func quietLogger() -> Logger {
            var logger = Logger(label: "nats-transport-test")
            logger.logLevel = .critical
            return logger
        }

        /// Runs `body` with receivers (one client each) started and subscribed, then shuts them
        /// down and waits for them to return.
        static func withReceivers<T>(
            _ server: NATSServerProcess, count: Int = 1, subject: String, queueGroup: String? = nil,
            configuration: NATSCloudEventReceiver.Configuration = .init(),
            handler: @escaping @Sendable (Int, CloudEvent) async throws -> CloudEvent?,
            _ body: ([NATSCloudEventReceiver]) async throws -> T
        ) async throws -> T {
            var receivers: [NATSCloudEventReceiver] = []
            var clients: [NATSClient] = []
            var runs: [Task<Void, any Error>] = []
            for index in 0..<count {
                let client = try await Self.client(server, name: "receiver-\(index)")
                let receiver = NATSCloudEventReceiver(
                    client: client, subject: subject, queueGroup: queueGroup, configuration: configuration,
                    logger: quietLogger()
                ) { event, _ in try await handler(index, event) }
                runs.append(Task { try await receiver.run() })
                await receiver.waitUntilSubscribed()
                receivers.append(receiver)
                clients.append(client)
            }
            let result: Result<T, any Error>
            do { result = .success(try await body(receivers)) } catch { result = .failure(error) }
            for receiver in receivers { receiver.shutdown() }
            for run in runs { try await run.value }
            for client in clients { try await client.drain() }
            return try result.get()
        }

        @Test(
            "the reference event round trips in binary mode (the default) and in structured mode",
            arguments: [
                CloudEventContentMode.binary, .structured,
            ])
        func roundTrip(mode: CloudEventContentMode) async throws {
            let event = try JSONEventFormat().decode(TestMaterial.mediumEvent())
            try await withNATSServer { server in
                let handled = HandledEvents()
                try await Self.withReceivers(server, subject: "orders.>") { index, event in
                    handled.continuation.yield((index, event))
                    return nil
                } _: { receivers in
                    let client = try await Self.client(server, name: "sender")
                    let sender = NATSCloudEventSender(
                        client: client, subject: "orders.created",
                        configuration: .init(encoder: NATSEventEncoder(mode: mode)))
                    #expect(try await sender.send(event) == nil)
                    let received = try #require(await handled.first(1).first?.event)
                    if mode == .structured {
                        #expect(received == event)
                    } else {
                        // Headers carry no types: extensions arrive as Strings.
                        #expect(received.id == event.id)
                        #expect(received.source == event.source)
                        #expect(received.type == event.type)
                        #expect(received.subject == event.subject)
                        #expect(received.time?.description == event.time?.description)
                        #expect(received.dataContentType == event.dataContentType)
                        #expect(received.dataSchema == event.dataSchema)
                        #expect(received.data == event.data)
                        for name in ["retrycount", "critical", "traceparent"] {
                            #expect(
                                received[extension: name]?.canonicalString == event[extension: name]?.canonicalString)
                        }
                    }
                    #expect(receivers[0].handledEvents == 1)
                    try await client.drain()
                }
            }
        }

        @Test("3 receivers in a queue group handle 10,000 events, each exactly once, every receiver some")
        func queueGroupShares() async throws {
            let count = 10_000
            try await withNATSServer { server in
                let handled = HandledEvents()
                try await Self.withReceivers(server, count: 3, subject: "work", queueGroup: "workers") { index, event in
                    handled.continuation.yield((index, event))
                    return nil
                } _: { receivers in
                    let client = try await Self.client(server, name: "sender")
                    let sender = NATSCloudEventSender(client: client, subject: "work")
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for lane in 0..<32 {
                            group.addTask {
                                for index in stride(from: lane, to: count, by: 32) {
                                    try await sender.send(
                                        CloudEvent(id: String(index), source: "/load", type: "com.example.work"))
                                }
                            }
                        }
                        try await group.waitForAll()
                    }
                    let all = await handled.first(count)
                    let ids = all.map(\.event.id)
                    #expect(ids.count == count)
                    #expect(Set(ids) == Set((0..<count).map(String.init)))
                    let shares = (0..<3).map { receiver in all.filter { $0.receiver == receiver }.count }
                    #expect(shares.allSatisfy { $0 > 0 }, "shares: \(shares)")
                    #expect(receivers.map(\.handledEvents).reduce(0, +) == count)
                    try await client.drain()
                }
            }
        }

        @Test("an invalid message is counted and skipped; a failing handler is counted; the receiver goes on")
        func invalidMessages() async throws {
            try await withNATSServer { server in
                let handled = HandledEvents()
                try await Self.withReceivers(
                    server, subject: "mixed", configuration: .init(maximumConcurrentHandlers: 1)
                ) { index, event in
                    handled.continuation.yield((index, event))
                    if event.type == "com.example.fail" { throw CloudEventError(.rejectedByPeer, message: "refused") }
                    return nil
                } _: { receivers in
                    let client = try await Self.client(server, name: "sender")
                    try client.publish(Array("not an event".utf8), subject: "mixed")
                    try client.publish(
                        Array("x".utf8), subject: "mixed", headers: [NATSHeader(name: "ce-specversion", value: "9.9")])
                    let sender = NATSCloudEventSender(client: client, subject: "mixed")
                    try await sender.send(CloudEvent(id: "1", source: "/s", type: "com.example.fail"))
                    try await sender.send(CloudEvent(id: "2", source: "/s", type: "com.example.ok"))
                    #expect(await handled.first(2).map(\.event.id) == ["1", "2"])
                    #expect(receivers[0].invalidMessages == 2)
                    #expect(receivers[0].failedEvents == 1)
                    #expect(receivers[0].handledEvents == 1)
                    try await client.drain()
                }
            }
        }

        @Test("a reply event goes to the request's reply subject")
        func replyEvent() async throws {
            try await withNATSServer { server in
                try await Self.withReceivers(server, subject: "rpc") { _, event in
                    CloudEvent(id: "reply-\(event.id)", source: "/service", type: "com.example.reply")
                } _: { _ in
                    let client = try await Self.client(server, name: "requester")
                    let request = try NATSEventEncoder().encode(
                        CloudEvent(id: "42", source: "/client", type: "com.example.request"))
                    let answer = try await client.request(
                        request.payload, subject: "rpc",
                        headers: request.headers.map { NATSHeader(name: $0.name, value: $0.value) })
                    let reply = try NATSEventDecoder().decode(
                        NATSMessage(
                            headers: answer.headers.map { .init(name: $0.name, value: $0.value) },
                            payload: answer.payload))
                    #expect(reply.id == "reply-42")
                    #expect(reply.type == "com.example.reply")
                    try await client.drain()
                }
            }
        }

        @Test("a server restart during 1,000 sends: every send returns or throws a CloudEventError")
        func restartDuringSends() async throws {
            let count = 1_000
            try await withNATSServer { server in
                var configuration = try NATSClient.Configuration(urls: [server.url], name: "sender")
                configuration.reconnect = .init(initialDelay: .milliseconds(10), maximumDelay: .milliseconds(100))
                var logger = Logger(label: "nats-transport-test.sender")
                logger.logLevel = .critical
                let client = NATSClient(configuration: configuration, logger: logger)
                try await client.connect()
                let sender = NATSCloudEventSender(client: client, subject: "restart")
                let (acknowledged, acknowledge) = AsyncStream.makeStream(of: Int.self)
                // After the 300th acknowledgement, the server goes down and comes back.
                let restart = Task {
                    var seen = 0
                    for await _ in acknowledged {
                        seen += 1
                        if seen == 300 { break }
                    }
                    await server.stop()
                    try await server.restart()
                }
                let outcomes = try await withThrowingTaskGroup(of: [Bool].self) { group in
                    for lane in 0..<8 {
                        group.addTask {
                            var outcomes: [Bool] = []
                            for index in stride(from: lane, to: count, by: 8) {
                                do {
                                    try await sender.send(
                                        CloudEvent(id: String(index), source: "/load", type: "com.example.restart"))
                                    acknowledge.yield(index)
                                    outcomes.append(true)
                                } catch is CloudEventError {
                                    outcomes.append(false)
                                }
                            }
                            return outcomes
                        }
                    }
                    return try await group.reduce(into: []) { $0 += $1 }
                }
                acknowledge.finish()
                try await restart.value
                #expect(outcomes.count == count)
                #expect(outcomes.filter { $0 }.count >= 300)
                #expect(client.statistics.reconnects == 1)
                try await client.drain()
            }
        }

        @Test("an event larger than the server's max_payload fails with a typed error, not retried")
        func overLimit() async throws {
            try await withNATSServer { server in
                let client = try await Self.client(server, name: "sender")
                let sender = NATSCloudEventSender(client: client, subject: "big")
                var event = CloudEvent(id: "big", source: "/s", type: "com.example.big")
                event.data = .binary(Array(repeating: 7, count: 1 << 20))
                do {
                    try await sender.send(event)
                    Issue.record("an over-limit event was sent")
                } catch let error as CloudEventError {
                    #expect(error.code == .transportFailed)
                    #expect(error.attempts == 1)
                    #expect((error.underlyingError as? NATSClientError)?.code == .payloadTooLarge)
                }
                try await client.drain()
            }
        }
    }
#endif
