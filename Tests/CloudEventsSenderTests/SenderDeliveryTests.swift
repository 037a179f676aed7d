#if Hummingbird
    import CloudEvents
    import CoreTestSupport
    import CloudEventsHTTP
    import CloudEventsHummingbird
    import Hummingbird
    import ServiceLifecycle
    import Testing
    import TransportTestSupport

    /// Each HTTP sender against the Hummingbird receiver, both real, on 127.0.0.1: modes, batches,
    /// replies, many tasks at once, and shutdown with sends in flight.
    @Suite("HTTP senders × Hummingbird receiver: delivery", .timeLimit(.minutes(10)))
    struct SenderDeliveryTests {
        @Test(
            "every mode delivers the medium event and a 1 MiB binary payload intact",
            arguments: SenderKind.all, HTTPContentMode.allCases)
        func modes(kind: SenderKind, mode: HTTPContentMode) async throws {
            for payload in TestEvents.Payload.allCases {
                let recorder = EventRecorder()
                let event = try TestEvents.event(payload)
                let reply = try await withTestServer(recordingRouter(recorder)) { port in
                    try await kind.withSender(port: port, mode: mode) { try await $0.send(event) }
                }
                #expect(reply == nil, "\(payload)")
                let received = await recorder.events
                #expect(received.count == 1, "\(payload)")
                #expect(
                    received.first == (mode == .binary ? TestEvents.asReceivedInBinaryMode(event) : event), "\(payload)"
                )
                #expect(await recorder.contexts.first?.metadata["cloudevents.content_mode"] == mode.rawValue)
            }
        }

        #if ServiceLifecycle
            @Test(
                "as a Service, the sender shuts down with its ServiceGroup and then refuses sends",
                arguments: SenderKind.all)
            func serviceLifecycle(kind: SenderKind) async throws {
                let recorder = EventRecorder()
                try await withTestServer(recordingRouter(recorder)) { port in
                    let sender = try kind.makeService(port: port)
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
        #endif

        @Test("send(batch:) returns the receiver's replies, in order", arguments: SenderKind.all)
        func batchReplies(kind: SenderKind) async throws {
            let router = Router()
            router.receiveCloudEvents(at: "/events") { event, _ in
                CloudEvent(id: "reply-\(event.id)", source: "/receiver", type: "com.example.ack")
            }
            let events = (1...3).map(TestEvents.small)
            let replies = try await withTestServer(router) { port in
                try await kind.withSender(port: port) { try await $0.send(batch: events) }
            }
            #expect(replies.map(\.id) == events.map { "reply-\($0.id)" })
        }

        @Test("send(batch:) delivers every event, in order, in one batch request", arguments: SenderKind.all)
        func batch(kind: SenderKind) async throws {
            let recorder = EventRecorder()
            let events =
                try [TestEvents.event(.medium), TestEvents.small(1), TestEvents.event(.oneMebibyteBinary)]
                + (2..<5).map(TestEvents.small)
            try await withTestServer(recordingRouter(recorder)) { port in
                let replies = try await kind.withSender(port: port) { try await $0.send(batch: events) }
                #expect(replies.isEmpty, "a receiver that replies to none of them answers 202")
            }
            #expect(await recorder.events == events)
            #expect(await recorder.contexts.map(\.batchCount) == Array(repeating: events.count, count: events.count))
        }

        @Test("a reply event round-trips through the sender", arguments: SenderKind.all, HTTPContentMode.allCases)
        func replyRoundTrip(kind: SenderKind, mode: HTTPContentMode) async throws {
            let router = recordingRouter(EventRecorder()) { event in
                CloudEvent(
                    id: "reply-\(event.id)", source: "/receiver", type: "com.example.reply",
                    dataContentType: "application/json",
                    data: .json(#"{"accepted":true,"total":1.10}"#), extensions: ["correlation": .string(event.id)])
            }
            let event = TestEvents.small(3)
            let reply = try await withTestServer(router) { port in
                try await kind.withSender(port: port, mode: mode) { try await $0.send(event) }
            }
            #expect(reply?.id == "reply-\(event.id)")
            #expect(reply?[extension: "correlation"] == .string(event.id))
            #expect(reply?.data == .json(#"{"accepted":true,"total":1.10}"#))
        }

        @Test("an invalid event is refused before anything is sent", arguments: SenderKind.all)
        func invalidEventNotSent(kind: SenderKind) async throws {
            let recorder = EventRecorder()
            let error = try await withTestServer(recordingRouter(recorder)) { port in
                try await kind.withSender(port: port) { sender in
                    await cloudEventError { _ = try await sender.send(CloudEvent(source: "", type: "t")) }
                }
            }
            #expect(error?.code == .invalidEvent)
            #expect(error?.attribute == "source")
            #expect(await recorder.count == 0)
        }

        @Test(
            "1,000 sends from 50 concurrent tasks: 1,000 distinct ids received, none lost, none twice",
            arguments: SenderKind.all)
        func thousandSendsFromFiftyTasks(kind: SenderKind) async throws {
            let recorder = EventRecorder()
            let sent = try await withTestServer(recordingRouter(recorder)) { port in
                try await kind.withSender(port: port) { try await SenderScenarios.sendConcurrently($0) }
            }
            let received = await recorder.ids
            #expect(sent.count == 1000)
            #expect(Set(sent).count == 1000)
            #expect(received.count == 1000)
            #expect(Set(received).count == 1000)
            #expect(Set(received) == Set(sent))
        }

        @Test(
            "shutdown with 200 sends in flight: each reached the receiver or was refused with shutDown; the counts add up to 200",
            arguments: SenderKind.all)
        func shutdownWithSendsInFlight(kind: SenderKind) async throws {
            let recorder = EventRecorder()
            let outcome = try await withTestServer(recordingRouter(recorder, delay: .milliseconds(20))) { port in
                try await kind.withSender(port: port) { sender in
                    try await SenderScenarios.sendWhileShuttingDown(sender, recorder: recorder) {
                        await sender.shutdown()
                    }
                }
            }
            let received = await recorder.ids
            #expect(outcome.delivered + outcome.refused == 200)
            #expect(received.count + outcome.refused == 200)
            #expect(Set(received).count == received.count)
            // The grace period is long: shutdown refused sends that had not started, and cancelled none.
            #expect(outcome.cancelledWhileRunning == 0)
            #expect(outcome.receivedWhenShutdownBegan < 200)
        }
    }
#endif
