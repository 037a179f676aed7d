#if WebSocket
    import CloudEvents
    import CloudEventsTransport
    import CloudEventsWebSocket
    import CloudEventsWebSocketTransport
    import CoreTestSupport
    import HTTPTypes
    import Logging
    import NIOWebSocket
    import Testing
    import TransportTestSupport
    import WSClient

    @Suite("WebSocket server, sender and receiver on 127.0.0.1", .serialized, .timeLimit(.minutes(5)))
    struct WebSocketTransportTests {
        static func referenceEvent() throws -> CloudEvent {
            try JSONEventFormat().decode(try TestMaterial.mediumEvent()[...])
        }

        @Test("client to server: the reference event and a 1 MiB event arrive intact, in order")
        func clientToServer() async throws {
            let collector = Collector()
            let running = try await RunningServer.start(
                WebSocketCloudEventServer(logger: silentLogger, handler: collector.handler))
            let sent = [try Self.referenceEvent(), event("large", dataSize: 1 << 20)]
            let sender = WebSocketCloudEventSender(url: running.url)
            try await sender.withConnection {
                for event in sent { try await sender.send(event) }
            }
            await collector.wait(forCount: 2)
            let received = await collector.events
            #expect(received.count == 2)
            // The sender adds no traceparent without a tracer: the events arrive as sent.
            #expect(received == sent)
            #expect(sender.statistics.writtenEvents == 2)
            #expect(sender.statistics.unwrittenEvents == 0)
            try await running.stop()
            #expect(running.server.statistics.handledEvents == 2)
        }

        @Test("server to client: pushed events, the reference event and a 1 MiB one, reach a receiver")
        func serverToClient() async throws {
            let running = try await RunningServer.start(WebSocketCloudEventServer(logger: silentLogger) { _, _ in nil })
            let collector = Collector()
            let receiver = WebSocketCloudEventReceiver(
                url: running.url, logger: silentLogger, handler: collector.handler)
            let receiving = Task { try await receiver.run() }
            await running.server.waitUntilConnected(count: 1)
            let pushed = [try Self.referenceEvent(), event("large", dataSize: 1 << 20)]
            for event in pushed {
                #expect(try running.server.pushToAll(event) == .init(queued: 1, dropped: 0))
            }
            await collector.wait(forCount: 2)
            #expect(await collector.events == pushed)
            receiver.shutdown()
            try await receiving.value
            try await running.stop()
            #expect(running.server.statistics.writtenPushes == 2)
        }

        @Test("a reply event from the server's handler comes back to the sender's peer on the same connection")
        func replyOnConnection() async throws {
            let running = try await RunningServer.start(
                WebSocketCloudEventServer(logger: silentLogger) { event, _ in
                    CloudEvent(id: "reply-" + event.id, source: "/server", type: "com.example.reply")
                })
            let collector = Collector()
            let receiver = WebSocketCloudEventReceiver(url: running.url, logger: silentLogger) { event, _ in
                await collector.add(event)
                return event.id == "1" ? CloudEvent(id: "2", source: "/client", type: "com.example.answer") : nil
            }
            let receiving = Task { try await receiver.run() }
            await running.server.waitUntilConnected(count: 1)
            try running.server.pushToAll(event("1"))
            // The client's answer "2" is handled by the server, whose reply "reply-2" comes back.
            await collector.wait(forCount: 2)
            #expect(await collector.ids == ["1", "reply-2"])
            receiver.shutdown()
            try await receiving.value
            try await running.stop()
        }

        @Test("a client offering only another subprotocol is closed with 1002 and the reason; the receiver throws it")
        func refusal() async throws {
            let running = try await RunningServer.start(WebSocketCloudEventServer(logger: silentLogger) { _, _ in nil })
            let close = try await WebSocketClient.connect(
                url: running.url,
                configuration: WebSocketClientConfiguration(additionalHeaders: [.secWebSocketProtocol: "chat"]),
                logger: silentLogger
            ) { inbound, _, _ in
                for try await _ in inbound {}
            }
            #expect(close?.closeCode == .protocolError)
            #expect(close?.reason == "no CloudEvents subprotocol offered (offered: chat); supported: cloudevents.json")

            struct XMLFormat: CloudEventFormat {
                var eventMediaType: String { "application/cloudevents+xml" }
                func encode(_ event: CloudEvent) throws -> [UInt8] { [] }
                func decode(_ bytes: ArraySlice<UInt8>) throws -> CloudEvent {
                    CloudEvent(id: "1", source: "/", type: "t")
                }
            }
            let receiver = WebSocketCloudEventReceiver(
                url: running.url,
                configuration: .init(
                    subprotocol: WebSocketSubprotocol(name: "cloudevents.xml", format: XMLFormat(), frameKind: .text)),
                logger: silentLogger
            ) { _, _ in nil }
            let error = await #expect(throws: CloudEventError.self) { try await receiver.run() }
            #expect(error?.code == .unsupportedFormat)
            #expect(error?.message.contains("supported: cloudevents.json") == true)
            try await running.stop()
            #expect(running.server.statistics.refusedHandshakes == 2)
        }

        @Test(
            "an invalid event mid-stream: the events before it are handled, the connection closes with 1007 and the reason"
        )
        func invalidMidStream() async throws {
            let collector = Collector()
            let running = try await RunningServer.start(
                WebSocketCloudEventServer(logger: silentLogger, handler: collector.handler))
            let valid = String(decoding: try JSONEventFormat().encode(event("first")), as: UTF8.self)
            let after = String(decoding: try JSONEventFormat().encode(event("after")), as: UTF8.self)
            let close = try await WebSocketClient.connect(
                url: running.url,
                configuration: WebSocketClientConfiguration(additionalHeaders: [
                    .secWebSocketProtocol: "cloudevents.json"
                ]),
                logger: silentLogger
            ) { inbound, outbound, _ in
                try await outbound.write(.text(valid))
                try await outbound.write(.text(#"{"specversion":"1.0","source":"/s","type":"t"}"#))
                try await outbound.write(.text(after))
                for try await _ in inbound {}
            }
            #expect(close?.closeCode == .dataInconsistentWithMessage)
            #expect(close?.reason?.hasPrefix("message 1: invalid_event (id)") == true)
            #expect(await collector.ids == ["first"])
            try await running.stop()
            #expect(running.server.statistics.invalidMessages == 1)
            #expect(running.server.statistics.handledEvents == 1)
        }

        @Test(
            "the server restarting while the client sends 1,000 events: every event is written or failed, and every written one arrives, in order",
        )
        func serverRestart() async throws {
            let collector = Collector()
            // Held until the test ends, so that no other test is given the port between the runs.
            let reservation = try ReservedPort(allowingListener: true)
            let port = reservation.port
            let first = try await RunningServer.start(
                WebSocketCloudEventServer(logger: silentLogger, handler: collector.handler), port: port)
            let sender = WebSocketCloudEventSender(
                url: first.url,
                configuration: .init(
                    reconnectPolicy: RetryPolicy(
                        maximumAttempts: 100, initialBackoff: .milliseconds(5), maximumBackoff: .milliseconds(100))))
            var written: [String] = []
            var failed: [String] = []
            var restart: Task<RunningServer, any Error>?
            try await sender.withConnection {
                for index in 0..<1000 {
                    if index == 300 {
                        // The restart begins while events 300... are being sent.
                        await collector.wait(forCount: 300)
                        restart = Task {
                            try await first.stop()
                            return try await RunningServer.start(
                                WebSocketCloudEventServer(logger: silentLogger, handler: collector.handler), port: port)
                        }
                    }
                    if index == 400 {
                        // From here on the events go to the restarted server, over a new connection.
                        await first.server.waitUntilDisconnected()
                    }
                    do {
                        try await sender.send(event("\(index)"))
                        written.append("\(index)")
                    } catch {
                        failed.append("\(index)")
                    }
                }
            }
            let second = try await #require(restart).value
            try await second.stop()
            #expect(written.count + failed.count == 1000)
            // Every received event was written, once, in order. The binding has no acknowledgement:
            // a frame written in the instant the server's close is on its way may be lost
            // (swift-websocket lets a data frame follow the client's close reply), so a few
            // written events may be missing: only those written in that instant.
            let received = await collector.ids
            #expect(received == written.filter(Set(received).contains))
            // Only events written while the first server was closing may be missing (300..<400);
            // everything written from 400 on, to the restarted server, arrived.
            let missing = Set(written).subtracting(received)
            #expect(
                missing.allSatisfy { (300..<400).contains(Int($0) ?? -1) },
                "\(missing.sorted()); sender \(sender.statistics); first \(first.server.statistics); second \(second.server.statistics)")
            #expect(sender.statistics.connections >= 2)
            #expect(first.server.statistics.handledEvents >= 300)
            #expect(first.server.statistics.handledEvents + second.server.statistics.handledEvents == received.count)
            withExtendedLifetime(reservation) {}
        }

        @Test("100 connected clients each receive a push of 1,000 events, exactly")
        func hundredClients() async throws {
            let running = try await RunningServer.start(WebSocketCloudEventServer(logger: silentLogger) { _, _ in nil })
            let collectors = (0..<100).map { _ in Collector() }
            let receivers = collectors.map {
                WebSocketCloudEventReceiver(url: running.url, logger: silentLogger, handler: $0.handler)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for receiver in receivers { group.addTask { try await receiver.run() } }
                await running.server.waitUntilConnected(count: 100)
                for index in 0..<1000 {
                    let report = try running.server.pushToAll(event("\(index)"))
                    #expect(report == .init(queued: 100, dropped: 0))
                }
                for collector in collectors { await collector.wait(forCount: 1000) }
                for receiver in receivers { receiver.shutdown() }
                try await group.waitForAll()
            }
            let expected = (0..<1000).map { "\($0)" }
            for collector in collectors {
                #expect(await collector.ids == expected)
            }
            try await running.stop()
            let statistics = running.server.statistics
            #expect(statistics.writtenPushes == 100_000)
            #expect(statistics.droppedPushes == 0)
            #expect(statistics.unwrittenPushes == 0)
        }

        @Test(
            "a client that does not read, under a push storm: its queue stays at its capacity and the rest is counted as dropped"
        )
        func slowClient() async throws {
            let capacity = 16
            let running = try await RunningServer.start(
                WebSocketCloudEventServer(configuration: .init(pushQueueCapacity: capacity), logger: silentLogger) {
                    _, _ in nil
                })
            let release = Gate()
            let client = Task {
                try await WebSocketClient.connect(
                    url: running.url,
                    configuration: WebSocketClientConfiguration(
                        maxFrameSize: 1 << 20, additionalHeaders: [.secWebSocketProtocol: "cloudevents.json"]),
                    logger: silentLogger
                ) { inbound, _, _ in
                    // Reads nothing until released: the socket's buffers fill and the server's writer waits.
                    await release.wait()
                    for try await _ in inbound {}
                }
            }
            await running.server.waitUntilConnected(count: 1)
            let storm = 5000
            var queued = 0
            var dropped = 0
            // 5,000 events of 16 KiB: 80 MiB, far more than the socket buffers hold.
            for index in 0..<storm {
                let report = try running.server.pushToAll(event("\(index)", dataSize: 16 << 10))
                queued += report.queued
                dropped += report.dropped
            }
            let during = running.server.statistics
            #expect(queued + dropped == storm)
            #expect(dropped > 0)
            #expect(during.droppedPushes == dropped)
            #expect(during.deepestPushQueue <= capacity)
            await release.open()
            try await running.stop()
            _ = try await client.value
            let after = running.server.statistics
            // Every queued push is accounted for: written, or counted as not written.
            #expect(after.writtenPushes + after.unwrittenPushes == queued)
        }

        @Test("shutdown of the sender: sends that were not written throw shutDown and are counted")
        func senderShutdownReportsUnwritten() async throws {
            // Nothing listens: the sender queues and never connects.
            let sender = WebSocketCloudEventSender(
                url: "ws://127.0.0.1:1/events",
                configuration: .init(
                    reconnectPolicy: RetryPolicy(
                        maximumAttempts: 1000, initialBackoff: .milliseconds(10), maximumBackoff: .milliseconds(10))))
            let running = Task { try await sender.run() }
            let sends = Task {
                await withTaskGroup(of: CloudEventError.Code?.self) { group in
                    for index in 0..<3 {
                        group.addTask {
                            do {
                                try await sender.send(event("\(index)"))
                                return nil
                            } catch let error as CloudEventError {
                                return error.code
                            } catch {
                                return nil
                            }
                        }
                    }
                    return await group.reduce(into: []) { $0.append($1) }
                }
            }
            // Sends queued before the shutdown and sends made after it both throw shutDown.
            await sender.shutdown(gracePeriod: .zero)
            try await running.value
            #expect(await sends.value == [.shutDown, .shutDown, .shutDown])
            #expect(sender.statistics.unwrittenEvents == 3)
            #expect(sender.statistics.writtenEvents == 0)
            let late = await #expect(throws: CloudEventError.self) { try await sender.send(event("late")) }
            #expect(late?.code == .shutDown)
        }

        @Test("an invalid event is refused by send before anything is written")
        func invalidEventRefused() async throws {
            let sender = WebSocketCloudEventSender(url: "ws://127.0.0.1:1/events")
            let error = await #expect(throws: CloudEventError.self) {
                try await sender.send(CloudEvent(id: "", source: "/s", type: "t"))
            }
            #expect(error?.attribute == "id")
        }
    }
#endif
