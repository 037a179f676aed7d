#if NATS
    import CloudEventsNATSClient
    import NATSTestSupport
    import Testing

    @Suite("NATS client: reconnect, slow consumers, drain", .timeLimit(.minutes(2)))
    struct NATSClientResilienceTests {
        @Test(
            "after a server restart the client reconnects, restores its subscriptions and delivers the buffered publishes"
        )
        func reconnectAfterRestart() async throws {
            try await withNATSServer { server in
                let events = ClientEvents()
                let client = try await connectedClient(server, events: events)
                #expect(await events.next { if case .connected = $0 { true } else { false } } != nil)
                let subscription = try client.subscribe(to: "r.>")
                let queued = try client.subscribe(to: "r.q", queueGroup: "g")
                for index in 0..<10 { try client.publish(Array("before \(index)".utf8), subject: "r.q") }
                try await client.flush()

                await server.stop()
                #expect(await events.next { $0 == .disconnected } != nil)
                #expect(!client.isConnected)
                // Buffered while the server is down, and written after the subscriptions.
                for index in 0..<100 { try client.publish(Array("during \(index)".utf8), subject: "r.q") }
                let flushed = Task { try await client.flush() }
                try await server.restart()
                try await flushed.value
                #expect(client.isConnected)
                #expect(client.statistics.reconnects == 1)
                #expect(await events.next { if case .reconnected = $0 { true } else { false } } != nil)
                // And new publishes flow as before.
                try client.publish(Array("after".utf8), subject: "r.q")
                try await client.drain()
                let expected = (0..<10).map { "before \($0)" } + (0..<100).map { "during \($0)" } + ["after"]
                #expect(await collect(subscription).map(text) == expected)
                #expect(await collect(queued).map(text) == expected)
            }
        }

        @Test("a server the cluster announces becomes a reconnect target: the client moves there when its server stops")
        func reconnectToDiscoveredServer() async throws {
            let cluster = ["--cluster", "nats://127.0.0.1:-1", "--cluster_name", "discovery"]
            try await withNATSServer(arguments: cluster) { first in
                let routePort = try #require(first.routePort)
                let events = ClientEvents()
                // Configured with the first server only.
                let client = try await connectedClient(first, events: events)
                try await withNATSServer(arguments: cluster + ["--routes", "nats://127.0.0.1:\(routePort)"]) { second in
                    let announced = await events.next {
                        if case .discoveredServers(let servers) = $0 {
                            servers.contains { $0.port == second.port }
                        } else {
                            false
                        }
                    }
                    #expect(announced != nil)
                    #expect(client.knownServers.map(\.port).contains(second.port))
                    let subscription = try client.subscribe(to: "moved")
                    await first.stop()
                    #expect(await events.next { if case .reconnected = $0 { true } else { false } } != nil)
                    #expect(client.connectedServer?.port == second.port)
                    try client.publish(Array("on the second server".utf8), subject: "moved")
                    try await client.drain()
                    #expect(await collect(subscription).map(text) == ["on the second server"])
                }
            }
        }

        @Test("publishes beyond the reconnect buffer fail with a typed error")
        func reconnectBufferBound() async throws {
            try await withNATSServer { server in
                let events = ClientEvents()
                let client = try await connectedClient(server, events: events) {
                    $0.reconnectBufferSize = 1_000
                    $0.reconnect.initialDelay = .milliseconds(5)
                }
                let subscription = try client.subscribe(to: "b")
                await server.stop()
                #expect(await events.next { $0 == .disconnected } != nil)
                var accepted = 0
                var refusal: NATSClientError?
                while refusal == nil {
                    do throws(NATSClientError) {
                        try client.publish(Array(repeating: UInt8(ascii: "x"), count: 100), subject: "b")
                        accepted += 1
                    } catch {
                        refusal = error
                    }
                }
                #expect(refusal?.code == .reconnectBufferFull)
                #expect(accepted > 0 && accepted < 10)
                try await server.restart()
                try await client.flush()
                try await client.drain()
                #expect(await collect(subscription).count == accepted)
            }
        }

        @Test("unanswered keep-alive PINGs replace a hung server's connection; the client comes back when it does")
        func keepAliveDetectsHungServer() async throws {
            try await withNATSServer { server in
                let events = ClientEvents()
                let client = try await connectedClient(server, events: events) {
                    $0.pingInterval = .milliseconds(50)
                    $0.maximumOutstandingPings = 2
                    $0.connectTimeout = .milliseconds(200)
                }
                let subscription = try client.subscribe(to: "k")
                server.suspend()
                // Two PINGs go unanswered; the third interval closes the connection.
                #expect(await events.next { $0 == .disconnected } != nil)
                try client.publish(Array("while hung".utf8), subject: "k")
                server.resume()
                #expect(await events.next { if case .reconnected = $0 { true } else { false } } != nil)
                try await client.drain()
                #expect(await collect(subscription).map(text) == ["while hung"])
            }
        }

        @Test("a subscription that is not read drops beyond its bound, counts and reports the drops")
        func slowConsumer() async throws {
            try await withNATSServer { server in
                let events = ClientEvents()
                let client = try await connectedClient(server, events: events)
                let slow = try client.subscribe(to: "s", bufferLimit: 10)
                let fast = try client.subscribe(to: "s")
                for index in 0..<100 { try client.publish(Array(String(index).utf8), subject: "s") }
                // The server sends the messages to this connection before the PONG.
                try await client.flush()
                #expect(slow.droppedMessageCount == 90)
                #expect(fast.droppedMessageCount == 0)
                #expect(client.statistics.droppedMessages == 90)
                let report = await events.next { if case .slowConsumer = $0 { true } else { false } }
                #expect(report == .slowConsumer(subscriptionID: slow.id, subject: "s", droppedMessages: 1))
                try await client.drain()
                // The oldest ten were kept.
                #expect(await collect(slow).map(text) == (0..<10).map(String.init))
                #expect(await collect(fast).count == 100)
                #expect(slow.droppedMessageCount == 90)
            }
        }

        @Test("drain delivers every message in hand and every publish made before it, then closes")
        func drainLosesNothing() async throws {
            try await withNATSServer { server in
                let publisher = try await connectedClient(server, name: "publisher")
                let consumer = try await connectedClient(server, name: "consumer")
                let inbound = try consumer.subscribe(to: "in")
                let outbound = try publisher.subscribe(to: "out")
                try await consumer.flush()
                for index in 0..<500 { try publisher.publish(Array(String(index).utf8), subject: "in") }
                try await publisher.flush()
                // The consumer drains once it is reading (a drain waits for the consumers that
                // iterate), and replies to every message while the drain goes on.
                var drained: Task<Void, any Error>?
                var handled = 0
                for await message in inbound {
                    if drained == nil { drained = Task { try await consumer.drain() } }
                    try consumer.publish(message.payload, subject: "out")
                    handled += 1
                }
                try await drained?.value
                #expect(handled == 500)
                #expect(!consumer.isConnected)
                #expect(throws: NATSClientError.self) { try consumer.publish([1], subject: "out") }
                // Every reply the consumer published while draining reached the server.
                try await publisher.drain()
                #expect(await collect(outbound).map(text) == (0..<500).map(String.init))
            }
        }

        @Test("drain of one subscription keeps what was in flight and leaves the client open")
        func drainSubscription() async throws {
            try await withNATSServer { server in
                let client = try await connectedClient(server)
                let subscription = try client.subscribe(to: "one")
                for index in 0..<200 { try client.publish(Array(String(index).utf8), subject: "one") }
                try await subscription.drain()
                #expect(await collect(subscription).count == 200)
                try client.publish([1], subject: "one")
                try await client.flush()
                #expect(client.isConnected)
                // After unsubscribe(after:), the sequence ends after the maximum.
                let limited = try client.subscribe(to: "limited")
                limited.unsubscribe(after: 3)
                for index in 0..<10 { try client.publish(Array(String(index).utf8), subject: "limited") }
                #expect(await collect(limited).map(text) == ["0", "1", "2"])
                await client.close()
            }
        }
    }
#endif
