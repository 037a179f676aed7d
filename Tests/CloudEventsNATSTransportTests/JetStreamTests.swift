#if NATS
    import CloudEvents
    import CloudEventsNATS
    import CloudEventsNATSClient
    import CloudEventsNATSTransport
    import CloudEventsTransport
    import Logging
    import NATSTestSupport
    import NIOConcurrencyHelpers
    import Testing

    /// Values that handlers or send lanes record, and a stream of them for the test to wait on.
    final class Recorder<Value: Sendable>: Sendable {
        let stream: AsyncStream<Value>
        let continuation: AsyncStream<Value>.Continuation

        init() {
            (stream, continuation) = AsyncStream.makeStream(of: Value.self)
        }

        func record(_ value: Value) { continuation.yield(value) }

        /// Takes values until `done` says the values so far are enough; returns them.
        func take(until done: ([Value]) -> Bool) async -> [Value] {
            var taken: [Value] = []
            if done(taken) { return taken }
            for await value in stream {
                taken.append(value)
                if done(taken) { break }
            }
            return taken
        }
    }

    @Suite(
        "JetStream: acknowledged publishes and a durable pull consumer on a real nats-server", .timeLimit(.minutes(5)))
    struct JetStreamTests {
        static func event(_ id: String, type: String = "com.example.work") -> CloudEvent {
            CloudEvent(id: id, source: "/jetstream-test", type: type)
        }

        /// Sends `count` events (ids `0..<count`) over `lanes` concurrent lanes.
        static func sendAll(_ sender: NATSCloudEventSender, count: Int, lanes: Int = 32) async throws {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for lane in 0..<lanes {
                    group.addTask {
                        for index in stride(from: lane, to: count, by: lanes) {
                            try await sender.send(Self.event(String(index)))
                        }
                    }
                }
                try await group.waitForAll()
            }
        }

        static func receiver(
            _ client: NATSClient, stream: String, durable: String = "workers",
            configuration: JetStreamCloudEventReceiver.Configuration = .init(
                fetchExpiry: .seconds(1), ackWait: .seconds(4)),
            handler: @escaping CloudEventHandler
        ) -> JetStreamCloudEventReceiver {
            JetStreamCloudEventReceiver(
                client: client, stream: stream, durable: durable, configuration: configuration,
                logger: NATSTransportTests.quietLogger(), handler: handler)
        }

        @Test("a JetStream send returns the stream's ack; the same event sent twice is stored once, as a duplicate")
        func publishAckAndDeduplication() async throws {
            try await withNATSServer(jetStream: true) { server in
                let client = try await NATSTransportTests.client(server, name: "sender")
                let jetStream = JetStream(client: client)
                try await jetStream.ensureStream(.init(name: "ORDERS", subjects: ["orders.>"]))
                // An existing stream is used as it is.
                let existing = try await jetStream.ensureStream(.init(name: "ORDERS", subjects: ["elsewhere"]))
                #expect(existing.configuration.subjects == ["orders.>"])

                let sender = NATSCloudEventSender(
                    client: client, subject: "orders.created", configuration: .init(jetStream: true))
                let first = try await sender.sendToStream(Self.event("order-1"))
                #expect(first == JetStreamPublishAck(stream: "ORDERS", sequence: 1, duplicate: false))
                let again = try await sender.sendToStream(Self.event("order-1"))
                #expect(again == JetStreamPublishAck(stream: "ORDERS", sequence: 1, duplicate: true))
                #expect(try await sender.send(Self.event("order-2")) == nil)
                #expect(try await jetStream.streamInfo("ORDERS")?.state.messages == 2)
                #expect(try await jetStream.streamInfo("MISSING") == nil)

                // The stream's error answer is a typed error.
                await #expect {
                    _ = try await jetStream.publish(
                        Array("x".utf8), subject: "orders.x",
                        headers: [.init(name: "Nats-Expected-Stream", value: "OTHER")])
                } throws: { error in
                    (error as? JetStreamError)?.code == 400
                }
                // No stream captures the subject: refused after the retries.
                let nowhere = NATSCloudEventSender(
                    client: client, subject: "nowhere",
                    configuration: .init(
                        timeout: NATSServerProcess.patientTimeout, retryPolicy: .none, jetStream: true,
                        publishAckTimeout: NATSServerProcess.patientTimeout))
                await #expect {
                    try await nowhere.send(Self.event("lost"))
                } throws: { error in
                    (error as? CloudEventError)?.code == .rejectedByPeer
                }
                try await client.drain()
            }
        }

        @Test("a handler that throws gets its event again after a nak; an invalid message is counted and terminated")
        func nakRedelivers() async throws {
            try await withNATSServer(jetStream: true) { server in
                let client = try await NATSTransportTests.client(server, name: "jetstream")
                try await JetStream(client: client).ensureStream(.init(name: "JOBS", subjects: ["jobs"]))
                try await JetStream(client: client).publish(Array("not an event".utf8), subject: "jobs")
                let sender = NATSCloudEventSender(
                    client: client, subject: "jobs", configuration: .init(jetStream: true))
                try await sender.send(Self.event("flaky"))
                try await sender.send(Self.event("steady"))

                let calls = Recorder<String>()
                let attempts = NIOLockedValueBox(0)
                let receiver = Self.receiver(
                    client, stream: "JOBS",
                    configuration: .init(
                        maximumConcurrentHandlers: 1, ackWait: .seconds(30),
                        nakBackoff: RetryPolicy(initialBackoff: .milliseconds(20), maximumBackoff: .milliseconds(20)))
                ) { event, context in
                    calls.record("\(event.id)@\(context.metadata["nats.deliveries"] ?? "?")")
                    if event.id == "flaky",
                        attempts.withLockedValue({ count in
                            count += 1
                            return count == 1
                        })
                    {
                        throw CloudEventError(.rejectedByPeer, message: "not yet")
                    }
                    return nil
                }
                let run = Task { try await receiver.run() }
                let seen = await calls.take { $0.count == 3 }
                // The redelivery may come before or after the other event.
                #expect(seen.sorted() == ["flaky@1", "flaky@2", "steady@1"])
                receiver.shutdown()
                try await run.value
                #expect(receiver.failedEvents == 1)
                #expect(receiver.handledEvents == 2)
                #expect(receiver.invalidMessages == 1)
                try await client.drain()
            }
        }

        @Test(
            "a receiver killed mid-stream loses nothing: the next one gets every unacked event, and only those twice"
        )
        func noLossWhenAReceiverDies() async throws {
            let count = 5_000
            let returnAtOnce = 1_000
            let concurrency = 8
            try await withNATSServer(jetStream: true) { server in
                let client = try await NATSTransportTests.client(server, name: "sender")
                try await JetStream(client: client).ensureStream(.init(name: "WORK", subjects: ["work"]))
                try await Self.sendAll(
                    NATSCloudEventSender(client: client, subject: "work", configuration: .init(jetStream: true)),
                    count: count)

                // The first receiver returns from 1,000 handlers, then its handlers hang until the kill.
                struct First {
                    var started: Set<String> = []
                    var returned: Set<String> = []
                    var hanging = 0
                }
                let first = NIOLockedValueBox(First())
                let allHanging = Recorder<Void>()
                let firstClient = try await NATSTransportTests.client(server, name: "first")
                let firstReceiver = Self.receiver(
                    firstClient, stream: "WORK",
                    configuration: .init(
                        maximumConcurrentHandlers: concurrency, fetchExpiry: .seconds(1), ackWait: .seconds(4))
                ) { event, _ in
                    let returns = first.withLockedValue { first in
                        first.started.insert(event.id)
                        guard first.returned.count < returnAtOnce else {
                            first.hanging += 1
                            if first.hanging == concurrency { allHanging.record(()) }
                            return false
                        }
                        first.returned.insert(event.id)
                        return true
                    }
                    if !returns { try await Task.sleep(for: .seconds(3600)) }
                    return nil
                }
                let firstRun = Task { try await firstReceiver.run() }
                _ = await allHanging.take { $0.count == 1 }
                firstRun.cancel()
                _ = await firstRun.result
                // Whatever the first receiver acked has reached the server.
                try await firstClient.flush()
                await firstClient.close()
                let killed = first.withLockedValue { $0 }
                #expect(killed.returned.count == returnAtOnce)
                #expect(killed.started.count == returnAtOnce + concurrency)

                let second = Recorder<String>()
                let secondClient = try await NATSTransportTests.client(server, name: "second")
                let secondReceiver = Self.receiver(secondClient, stream: "WORK") { event, _ in
                    second.record(event.id)
                    return nil
                }
                let secondRun = Task { try await secondReceiver.run() }
                var covered = killed.returned
                let handledBySecond = await second.take { ids in
                    if let last = ids.last { covered.insert(last) }
                    return covered.count == count
                }
                secondReceiver.shutdown()
                try await secondRun.value
                #expect(covered == Set((0..<count).map(String.init)))
                let duplicates = killed.started.intersection(handledBySecond)
                let inFlightAtKill = killed.started.subtracting(killed.returned)
                #expect(duplicates == inFlightAtKill)
                print(
                    "JetStream no-loss: \(count) events, first receiver returned \(killed.returned.count) and had "
                        + "\(inFlightAtKill.count) in flight at the kill, second handled \(handledBySecond.count), "
                        + "duplicates \(duplicates.count)")
                try await secondClient.drain()
                try await client.drain()
            }
        }

        @Test(
            "a server restart during 1,000 JetStream sends: each send is acknowledged or throws, none acknowledged is lost"
        )
        func serverRestartDuringSends() async throws {
            let count = 1_000
            try await withNATSServer(jetStream: true) { server in
                let client = try await NATSTransportTests.client(server, name: "sender")
                try await JetStream(client: client).ensureStream(.init(name: "RESTART", subjects: ["restart"]))
                let sender = NATSCloudEventSender(
                    client: client, subject: "restart",
                    configuration: .init(
                        timeout: .seconds(30),
                        retryPolicy: RetryPolicy(maximumAttempts: 30, maximumBackoff: .seconds(1)),
                        jetStream: true, publishAckTimeout: .seconds(1)))
                let acknowledged = Recorder<String>()
                let failures = NIOLockedValueBox(0)
                let acked = NIOLockedValueBox<Set<String>>([])
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for lane in 0..<16 {
                        group.addTask {
                            for index in stride(from: lane, to: count, by: 16) {
                                do {
                                    try await sender.send(Self.event(String(index)))
                                    acked.withLockedValue { _ = $0.insert(String(index)) }
                                    acknowledged.record(String(index))
                                } catch {
                                    failures.withLockedValue { $0 += 1 }
                                }
                            }
                        }
                    }
                    group.addTask {
                        _ = await acknowledged.take { $0.count == 300 }
                        await server.stop()
                        try await server.restart()
                    }
                    try await group.waitForAll()
                }
                let ackedIDs = acked.withLockedValue { $0 }
                #expect(ackedIDs.count + failures.withLockedValue { $0 } == count)
                let stored = try #require(await JetStream(client: client).streamInfo("RESTART")).state.messages
                #expect(stored >= UInt64(ackedIDs.count))

                let received = Recorder<(sequence: String, id: String)>()
                let receiver = Self.receiver(client, stream: "RESTART") { event, context in
                    received.record((context.metadata["nats.stream_sequence"] ?? "", event.id))
                    return nil
                }
                let run = Task { try await receiver.run() }
                var sequences: Set<String> = []
                let ids = Set(
                    await received.take { taken in
                        if let last = taken.last { sequences.insert(last.sequence) }
                        return sequences.count == Int(stored)
                    }.map(\.id))
                receiver.shutdown()
                try await run.value
                #expect(ackedIDs.isSubset(of: ids))
                print(
                    "JetStream restart: \(count) sends, \(ackedIDs.count) acknowledged, \(stored) stored, all acknowledged received"
                )
                try await client.drain()
            }
        }
    }
#endif
