#if NATS
    import CloudEventsNATSClient
    import NATSTestSupport
    import Testing

    @Suite("NATS client on a real nats-server", .timeLimit(.minutes(2)))
    struct NATSClientTests {
        @Test("a publish with headers and a reply subject arrives as sent")
        func publishSubscribeWithHeaders() async throws {
            try await withNATSServer { server in
                let client = try await connectedClient(server)
                let info = try #require(client.serverInfo)
                #expect(info.supportsHeaders)
                #expect(info.maxPayload == 1_048_576)
                let subscription = try client.subscribe(to: "orders.*")
                let headers = [
                    NATSHeader(name: "ce-id", value: "1"), NATSHeader(name: "X-Repeated", value: "a"),
                    NATSHeader(name: "X-Repeated", value: "b c"),
                ]
                try client.publish(Array("hello".utf8), subject: "orders.new", replyTo: "answers", headers: headers)
                try client.publish(Array("plain".utf8), subject: "orders.old")
                try client.publish([], subject: "orders.empty")
                try await client.flush()
                var iterator = subscription.makeAsyncIterator()
                let first = try #require(await iterator.next())
                #expect(first.subject == "orders.new")
                #expect(first.replyTo == "answers")
                #expect(first.headers == headers)
                #expect(first.headers.value(of: "CE-ID") == "1")
                #expect(text(first) == "hello")
                let second = try #require(await iterator.next())
                #expect(second.subject == "orders.old")
                #expect(second.headers.isEmpty)
                #expect(text(second) == "plain")
                let third = try #require(await iterator.next())
                #expect(third.payload.isEmpty)
                await client.close()
                #expect(await iterator.next() == nil)
            }
        }

        @Test("a 1 MiB payload, the server's max_payload, round trips; one byte more is a typed error")
        func maxPayload() async throws {
            try await withNATSServer { server in
                let client = try await connectedClient(server)
                let subscription = try client.subscribe(to: "big")
                let payload = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
                try client.publish(payload, subject: "big")
                try await client.flush()
                var iterator = subscription.makeAsyncIterator()
                #expect(await iterator.next()?.payload == payload)

                #expect {
                    try client.publish(payload + [0], subject: "big")
                } throws: { ($0 as? NATSClientError)?.code == .payloadTooLarge }
                // Headers count towards max_payload.
                #expect {
                    try client.publish(payload, subject: "big", headers: [NATSHeader(name: "a", value: "b")])
                } throws: { ($0 as? NATSClientError)?.code == .payloadTooLarge }
                // The connection is unharmed.
                try client.publish(Array("after".utf8), subject: "big")
                try await client.flush()
                #expect(await iterator.next().map(text) == "after")
                await client.close()
            }
        }

        @Test("members of a queue group share the messages: each exactly once, every member some")
        func queueGroup() async throws {
            try await withNATSServer { server in
                let publisher = try await connectedClient(server, name: "publisher")
                var members: [(NATSClient, NATSSubscription)] = []
                for index in 0..<3 {
                    let client = try await connectedClient(server, name: "member-\(index)")
                    members.append((client, try client.subscribe(to: "work", queueGroup: "workers")))
                    try await client.flush()
                }
                // Not in the group: gets every message.
                let observer = try publisher.subscribe(to: "work")
                let count = 3_000
                for index in 0..<count { try publisher.publish(Array(String(index).utf8), subject: "work") }
                try await publisher.flush()
                var received: [[Int]] = []
                for (client, subscription) in members {
                    // Everything the server routed to this member arrives before the drain's PONG.
                    try await client.drain()
                    received.append(await collect(subscription).compactMap { Int(text($0)) })
                }
                try await publisher.drain()
                #expect(await collect(observer).count == count)
                let all = received.flatMap { $0 }
                #expect(all.count == count)
                #expect(Set(all) == Set(0..<count))
                for share in received { #expect(!share.isEmpty) }
            }
        }

        @Test("request/reply through the inbox; no responders and timeouts are typed errors")
        func requestReply() async throws {
            try await withNATSServer { server in
                let responder = try await connectedClient(server, name: "responder")
                let service = try responder.subscribe(to: "service.upper")
                let silent = try responder.subscribe(to: "service.silent")
                try await responder.flush()
                let answering = Task {
                    for await request in service {
                        guard let reply = request.replyTo else { continue }
                        try responder.publish(Array(text(request).uppercased().utf8), subject: reply)
                    }
                }
                let client = try await connectedClient(server, name: "requester")
                for word in ["one", "two", "three"] {
                    let reply = try await client.request(Array(word.utf8), subject: "service.upper")
                    #expect(text(reply) == word.uppercased())
                }
                // Concurrent requests each get their own reply.
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<50 {
                        group.addTask {
                            let reply = try await client.request(Array("r\(index)".utf8), subject: "service.upper")
                            #expect(text(reply) == "R\(index)")
                        }
                    }
                    try await group.waitForAll()
                }
                await #expect {
                    _ = try await client.request(Array("x".utf8), subject: "nobody.listens")
                } throws: { ($0 as? NATSClientError)?.code == .noResponders }
                await #expect {
                    _ = try await client.request(
                        Array("x".utf8), subject: "service.silent", timeout: .milliseconds(100))
                } throws: { ($0 as? NATSClientError)?.code == .timeout }
                await client.close()
                await responder.close()
                try await answering.value
                _ = silent
            }
        }

        @Test("cancelling the task of a request or a flush ends the wait with a typed error")
        func cancellation() async throws {
            try await withNATSServer { server in
                let client = try await connectedClient(server)
                let silent = try client.subscribe(to: "silent")
                try await client.flush()
                let request = Task {
                    try await client.request(Array("x".utf8), subject: "silent", timeout: .seconds(60))
                }
                // The request reached the responder, so it is waiting for the reply.
                var iterator = silent.makeAsyncIterator()
                #expect(await iterator.next() != nil)
                request.cancel()
                await #expect {
                    _ = try await request.value
                } throws: { ($0 as? NATSClientError)?.code == .cancelled }
                // A hung server never answers the PING.
                server.suspend()
                let flush = Task { try await client.flush(timeout: .seconds(60)) }
                flush.cancel()
                await #expect {
                    try await flush.value
                } throws: { ($0 as? NATSClientError)?.code == .cancelled }
                server.resume()
                try await client.flush()
                await client.close()
            }
        }

        @Test("token authentication: the right token connects, a wrong one is refused")
        func tokenAuthentication() async throws {
            try await withNATSServer(arguments: ["--auth", "s3cret"]) { server in
                let client = try await connectedClient(server) { $0.authentication = .token("s3cret") }
                let subscription = try client.subscribe(to: "t")
                try client.publish(Array("in".utf8), subject: "t")
                try await client.flush()
                var iterator = subscription.makeAsyncIterator()
                #expect(await iterator.next().map(text) == "in")
                await client.close()

                await #expect {
                    _ = try await connectedClient(server) { $0.authentication = .token("wrong") }
                } throws: { ($0 as? NATSClientError)?.code == .authorizationViolation }
                await #expect {
                    _ = try await connectedClient(server)
                } throws: { ($0 as? NATSClientError)?.code == .authorizationViolation }
                // A URL's token.
                let byURL = try await connectedClient(server) {
                    $0.servers = [NATSServerAddress(host: "127.0.0.1", port: server.port, user: "s3cret")]
                }
                await byURL.close()
            }
        }

        @Test("user and password authentication: the right pair connects, a wrong one is refused")
        func userPasswordAuthentication() async throws {
            try await withNATSServer(arguments: ["--user", "alice", "--pass", "p@ss word"]) { server in
                let client = try await connectedClient(server) {
                    $0.authentication = .userPassword(user: "alice", password: "p@ss word")
                }
                try await client.flush()
                await client.close()
                await #expect {
                    _ = try await connectedClient(server) {
                        $0.authentication = .userPassword(user: "alice", password: "no")
                    }
                } throws: { ($0 as? NATSClientError)?.code == .authorizationViolation }
                // Credentials in the URL, percent-encoded.
                let byURL = try await connectedClient(server) {
                    $0.servers = [try! NATSServerAddress(url: "nats://alice:p%40ss%20word@127.0.0.1:\(server.port)")]
                }
                try await byURL.flush()
                await byURL.close()
            }
        }

        @Test("publishing or subscribing on a client that is not connected, or closed, is a typed error")
        func notConnectedAndClosed() async throws {
            try await withNATSServer { server in
                let idle = NATSClient(configuration: try .init(urls: [server.url]))
                #expect(throws: NATSClientError.self) { try idle.publish([1], subject: "a") }
                #expect(throws: NATSClientError.self) { _ = try idle.subscribe(to: "a") }
                let client = try await connectedClient(server)
                #expect(throws: NATSClientError.self) { try client.publish([1], subject: "has space") }
                #expect(throws: NATSClientError.self) {
                    try client.publish([1], subject: "a", headers: [NATSHeader(name: "bad:name", value: "v")])
                }
                await client.close()
                #expect {
                    try client.publish([1], subject: "a")
                } throws: { ($0 as? NATSClientError)?.code == .closed }
                await #expect {
                    try await client.flush()
                } throws: { ($0 as? NATSClientError)?.code == .closed }
                let nobody = NATSClient(
                    configuration: NATSClient.Configuration(
                        servers: [NATSServerAddress(host: "127.0.0.1", port: 1)], connectTimeout: .milliseconds(500)))
                await #expect {
                    try await nobody.connect()
                } throws: { ($0 as? NATSClientError)?.code == .noServerAvailable }
            }
        }
    }
#endif
