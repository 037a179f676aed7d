#if NATS
    import CloudEvents
    import CloudEventsNATSClient
    import CloudEventsNATSTransport
    import CloudEventsTransport
    import Logging
    import NATSTestSupport
    import NIOConcurrencyHelpers
    import Testing
    import TransportTestSupport

    @Suite("JetStream on a 3-node nats-server cluster", .timeLimit(.minutes(5)))
    struct JetStreamClusterTests {
        /// Three JetStream servers on loopback joined by cluster routes, each routing to all
        /// three; the route ports are held (``ReservedPort``) until the servers listen on them.
        static func startCluster() async throws -> [NATSServerProcess] {
            let routePorts = try (0..<3).map { _ in try ReservedPort(allowingListener: true) }
            let routes = routePorts.map { "nats://127.0.0.1:\($0.port)" }.joined(separator: ",")
            var nodes: [NATSServerProcess] = []
            do {
                for (index, port) in routePorts.enumerated() {
                    nodes.append(
                        try await NATSServerProcess(
                            arguments: [
                                "--cluster", "nats://127.0.0.1:\(port.port)", "--cluster_name", "events",
                                "--name", "node-\(index)", "--routes", routes,
                            ], jetStream: true))
                }
            } catch {
                for node in nodes { await node.shutdown() }
                throw error
            }
            return nodes
        }

        static func client(_ urls: [String], name: String) async throws -> NATSClient {
            var logger = Logger(label: "jetstream-cluster-test.\(name)")
            logger.logLevel = .critical
            let client = NATSClient(configuration: try .init(urls: urls, name: name), logger: logger)
            try await client.connect()
            return client
        }

        /// "No suitable peers for placement": the leader is elected, but not every server joined yet.
        static let noSuitablePeers = 10005

        /// Creates the stream once the cluster elected its JetStream leader and every server
        /// joined; until then the API answers that JetStream is temporarily unavailable, that no
        /// peers suit the replicas, or not at all.
        static func createReplicatedStream(_ client: NATSClient) async throws {
            let jetStream = JetStream(client: client)
            var attempt = 0
            while true {
                attempt += 1
                do {
                    try await jetStream.ensureStream(.init(name: "CLUSTERED", subjects: ["clustered"], replicas: 3))
                    return
                } catch let error as JetStreamError
                    where (error.isTemporary || error.errorCode == Self.noSuitablePeers) && attempt < 100
                {
                } catch let error as NATSClientError
                    where (error.code == .noResponders || error.code == .timeout) && attempt < 100
                {}
                // The server said "not yet": ask again after a pause.
                try await Task.sleep(for: .milliseconds(200))
            }
        }

        @Test("a node killed mid-stream: clients reconnect to the others, every acknowledged event is handled")
        func nodeKilledMidStream() async throws {
            let count = 2_000
            let nodes = try await Self.startCluster()
            let urls = nodes.map(\.url)
            let result: Result<Void, any Error>
            do {
                result = .success(try await Self.run(count: count, nodes: nodes, urls: urls))
            } catch {
                result = .failure(error)
            }
            for node in nodes { await node.shutdown() }
            try result.get()
        }

        static func run(count: Int, nodes: [NATSServerProcess], urls: [String]) async throws {
            let senderClient = try await Self.client(urls, name: "sender")
            try await Self.createReplicatedStream(senderClient)

            let handled = Recorder<String>()
            var receiverClients: [NATSClient] = []
            var receivers: [JetStreamCloudEventReceiver] = []
            var runs: [Task<Void, any Error>] = []
            for index in 0..<2 {
                let client = try await Self.client(urls, name: "receiver-\(index)")
                let receiver = JetStreamCloudEventReceiver(
                    client: client, stream: "CLUSTERED", durable: "workers",
                    configuration: .init(fetchExpiry: .seconds(1), ackWait: .seconds(5)),
                    logger: NATSTransportTests.quietLogger()
                ) { event, _ in
                    handled.record(event.id)
                    return nil
                }
                runs.append(Task { try await receiver.run() })
                await receiver.waitUntilReady()
                receiverClients.append(client)
                receivers.append(receiver)
            }

            let sender = NATSCloudEventSender(
                client: senderClient, subject: "clustered",
                configuration: .init(
                    timeout: .seconds(60), retryPolicy: RetryPolicy(maximumAttempts: 60, maximumBackoff: .seconds(1)),
                    jetStream: true, publishAckTimeout: .seconds(1)))
            struct Progress {
                var acked: Set<String> = []
                var failed = 0
                var killedAt: ContinuousClock.Instant?
                var firstAckAfterKill: ContinuousClock.Instant?
            }
            let progress = NIOLockedValueBox(Progress())
            let halfway = Recorder<Void>()
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for lane in 0..<16 {
                    group.addTask {
                        for index in stride(from: lane, to: count, by: 16) {
                            do {
                                try await sender.send(JetStreamTests.event(String(index)))
                                let now = ContinuousClock.now
                                let acked = progress.withLockedValue { progress in
                                    progress.acked.insert(String(index))
                                    if progress.killedAt != nil, progress.firstAckAfterKill == nil {
                                        progress.firstAckAfterKill = now
                                    }
                                    return progress.acked.count
                                }
                                if acked == count / 2 { halfway.record(()) }
                            } catch {
                                progress.withLockedValue { $0.failed += 1 }
                            }
                        }
                    }
                }
                group.addTask {
                    _ = await halfway.take { $0.count == 1 }
                    // The clients are connected to the first URL: kill that node. Acks from when
                    // it is gone on come through the others.
                    await nodes[0].stop()
                    progress.withLockedValue { $0.killedAt = ContinuousClock.now }
                }
                try await group.waitForAll()
            }
            let sent = ContinuousClock.now
            let final = progress.withLockedValue { $0 }
            var seen: [String: Int] = [:]
            var covered = 0
            _ = await handled.take { ids in
                if let last = ids.last {
                    seen[last, default: 0] += 1
                    if seen[last] == 1, final.acked.contains(last) { covered += 1 }
                }
                return covered == final.acked.count
            }
            for receiver in receivers { receiver.shutdown() }
            for run in runs { try await run.value }
            #expect(final.acked.count + final.failed == count)
            #expect(final.acked.isSubset(of: Set(seen.keys)))
            let duplicates = seen.values.reduce(0) { $0 + max(0, $1 - 1) }
            let recovery = final.killedAt.flatMap { killed in final.firstAckAfterKill.map { killed.duration(to: $0) } }
            print(
                "JetStream cluster (3 nodes, R3 stream, node-0 killed at \(count / 2) acks): events \(count), "
                    + "acknowledged \(final.acked.count), failed \(final.failed), handled \(seen.count) distinct "
                    + "(\(seen.values.reduce(0, +)) deliveries), duplicates \(duplicates), "
                    + "time to recover (node gone to next ack) \(recovery.map { "\($0)" } ?? "n/a"), "
                    + "sends took \(started.duration(to: sent)), reconnects: sender \(senderClient.statistics.reconnects), "
                    + "receivers \(receiverClients.map { $0.statistics.reconnects })")
            for client in receiverClients + [senderClient] {
                do { try await client.drain() } catch { await client.close() }
            }
        }
    }
#endif
