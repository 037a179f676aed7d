#if NATS && Metrics
    import CloudEvents
    import CloudEventsNATSClient
    import CloudEventsNATSTransport
    import CloudEventsTracing
    import MetricsTestKit
    import NATSTestSupport
    import Testing
    import TransportTestSupport

    /// The metrics of the NATS sender and receiver on a real nats-server. Each side gets its own
    /// `TestMetrics` (``CloudEventMetrics/factory``), so no test reads a process-wide measure.
    @Suite("Metrics of the NATS sender and receiver", .timeLimit(.minutes(3)))
    struct NATSMetricsTests {
        @Test("3 sends, one refused by the handler, and an invalid message: exact counts, documented dimensions")
        func knownWorkload() async throws {
            try await withNATSServer { server in
                let senderMetrics = TestMetrics()
                let receiverMetrics = TestMetrics()
                var receiving = NATSCloudEventReceiver.Configuration(maximumConcurrentHandlers: 1)
                receiving.metrics = CloudEventMetrics(factory: receiverMetrics)
                let handled = HandledEvents()
                try await NATSTransportTests.withReceivers(server, subject: "metered", configuration: receiving) {
                    index, event in
                    handled.continuation.yield((index, event))
                    if event.type == "com.example.refuse" {
                        throw CloudEventError(.invalidData, attribute: "data", message: "refused by the test handler")
                    }
                    return nil
                } _: { _ in
                    let client = try await NATSTransportTests.client(server, name: "sender")
                    try client.publish(Array("not an event".utf8), subject: "metered")
                    var sending = NATSCloudEventSender.Configuration()
                    sending.metrics = CloudEventMetrics(factory: senderMetrics)
                    let sender = NATSCloudEventSender(client: client, subject: "metered", configuration: sending)
                    try await sender.send(TestEvents.small(0))
                    try await sender.send(CloudEvent(source: "/tests", type: "com.example.refuse"))
                    try await sender.send(TestEvents.small(1))
                    // Every event reached the handler; shutting the receiver down (after this
                    // body) lets each handler return, so its metrics are recorded.
                    _ = await handled.first(3)
                    try await client.drain()
                }
                let send = MessagingDimensions.send(system: "nats", destination: "metered", port: server.port)
                #expect(senderMetrics.total(CloudEventMetrics.Name.sentMessages, send) == 3)
                #expect(senderMetrics.timerCount(CloudEventMetrics.Name.operationDuration, send) == 3)
                let inFlight = senderMetrics.meters(label: CloudEventMetrics.Name.sendsInFlight)
                #expect(inFlight.map(\.lastValue) == [0])

                let process = MessagingDimensions.process(system: "nats", destination: "metered")
                #expect(
                    receiverMetrics.processed(process, refusal: "invalid_data")
                        == ProcessedCounts(consumed: 3, handled: 2, refused: 1))
                #expect(
                    receiverMetrics.total(
                        CloudEventMetrics.Name.refusedEvents,
                        process.adding("cloudevents.error.code", "malformed_input")) == 1)
                #expect(
                    senderMetrics.dimensionNames.union(receiverMetrics.dimensionNames)
                        == MessagingDimensions.documentedNames)
            }
        }

        @Test("a JetStream receiver counts what it acks and what it terminates as invalid")
        func jetStream() async throws {
            try await withNATSServer(jetStream: true) { server in
                let metrics = TestMetrics()
                let client = try await NATSTransportTests.client(server, name: "jetstream-metrics")
                try await JetStream(client: client).ensureStream(.init(name: "METERED", subjects: ["metered.orders"]))
                try await JetStream(client: client).publish(Array("not an event".utf8), subject: "metered.orders")
                var sending = NATSCloudEventSender.Configuration(jetStream: true)
                sending.metrics = CloudEventMetrics(factory: metrics)
                let sender = NATSCloudEventSender(client: client, subject: "metered.orders", configuration: sending)
                try await sender.send(TestEvents.small(0))
                try await sender.send(TestEvents.small(1))
                var receiving = JetStreamCloudEventReceiver.Configuration(maximumConcurrentHandlers: 1)
                receiving.metrics = CloudEventMetrics(factory: metrics)
                let handled = HandledEvents()
                let receiver = JetStreamCloudEventReceiver(
                    client: client, stream: "METERED", durable: "metered", configuration: receiving,
                    logger: NATSTransportTests.quietLogger()
                ) { event, _ in
                    handled.continuation.yield((0, event))
                    return nil
                }
                let run = Task { try await receiver.run() }
                _ = await handled.first(2)
                receiver.shutdown()
                try await run.value
                try await client.drain()
                let process = MessagingDimensions.process(system: "nats", destination: "metered.orders")
                #expect(metrics.total(CloudEventMetrics.Name.consumedMessages, process) == 2)
                #expect(
                    metrics.total(
                        CloudEventMetrics.Name.refusedEvents,
                        process.adding("cloudevents.error.code", "malformed_input")) == 1)
                #expect(receiver.invalidMessages == 1)
            }
        }

        @Test("a send to a server that stopped answering counts one deadline_exceeded send; none stays in flight")
        func deadline() async throws {
            try await withNATSServer { server in
                let metrics = TestMetrics()
                let client = try await NATSTransportTests.client(server, name: "deadline")
                var sending = NATSCloudEventSender.Configuration(timeout: .milliseconds(300))
                sending.metrics = CloudEventMetrics(factory: metrics)
                let sender = NATSCloudEventSender(client: client, subject: "frozen", configuration: sending)
                server.suspend()
                let error = await #expect(throws: CloudEventError.self) { try await sender.send(TestEvents.small(1)) }
                server.resume()
                #expect(error?.code == .deadlineExceeded)
                try await client.drain()
                let send = MessagingDimensions.send(system: "nats", destination: "frozen", port: server.port)
                let timedOut = send.adding("error.type", "deadline_exceeded")
                #expect(metrics.total(CloudEventMetrics.Name.sentMessages, send) == 0)
                #expect(metrics.total(CloudEventMetrics.Name.sentMessages, timedOut) == 1)
                #expect(metrics.timerCount(CloudEventMetrics.Name.operationDuration, timedOut) == 1)
                #expect(metrics.meters(label: CloudEventMetrics.Name.sendsInFlight).map(\.lastValue) == [0])
            }
        }
    }
#endif
