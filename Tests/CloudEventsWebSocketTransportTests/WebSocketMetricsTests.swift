#if WebSocket && Metrics
    import CloudEvents
    import CloudEventsTracing
    import CloudEventsWebSocketTransport
    import HTTPTypes
    import MetricsTestKit
    import NIOWebSocket
    import Testing
    import TransportTestSupport
    import WSClient

    /// The metrics of the WebSocket sender and server on 127.0.0.1. Each side gets its own
    /// `TestMetrics` (``CloudEventMetrics/factory``), so no test reads a process-wide measure.
    @Suite("Metrics of the WebSocket sender and server", .timeLimit(.minutes(2)))
    struct WebSocketMetricsTests {
        @Test("3 sends, one refused by the handler, and an invalid message: exact counts, documented dimensions")
        func knownWorkload() async throws {
            let senderMetrics = TestMetrics()
            let serverMetrics = TestMetrics()
            var serving = WebSocketCloudEventServer.Configuration()
            serving.metrics = CloudEventMetrics(factory: serverMetrics)
            let running = try await RunningServer.start(
                WebSocketCloudEventServer(configuration: serving, logger: silentLogger) { event, _ in
                    if event.type == "com.example.refuse" {
                        throw CloudEventError(.invalidData, attribute: "data", message: "refused by the test handler")
                    }
                    return nil
                })
            var sending = WebSocketCloudEventSender.Configuration()
            sending.metrics = CloudEventMetrics(factory: senderMetrics)
            let sender = WebSocketCloudEventSender(url: running.url, configuration: sending)
            // The sender's close handshake ends after the server has handled every event before it.
            try await sender.withConnection {
                try await sender.send(event("1"))
                try await sender.send(CloudEvent(id: "2", source: "/tests", type: "com.example.refuse"))
                try await sender.send(event("3"))
            }
            let close = try await WebSocketClient.connect(
                url: running.url,
                configuration: WebSocketClientConfiguration(additionalHeaders: [
                    .secWebSocketProtocol: "cloudevents.json"
                ]),
                logger: silentLogger
            ) { inbound, outbound, _ in
                try await outbound.write(.text("not an event"))
                for try await _ in inbound {}
            }
            #expect(close?.closeCode == .dataInconsistentWithMessage)
            try await running.stop()

            let send = MessagingDimensions.send(system: "websocket", destination: "/events", port: running.port)
            #expect(senderMetrics.total(CloudEventMetrics.Name.sentMessages, send) == 3)
            #expect(senderMetrics.timerCount(CloudEventMetrics.Name.operationDuration, send) == 3)
            let process = MessagingDimensions.process(system: "websocket", destination: "/events")
            #expect(
                serverMetrics.processed(process, refusal: "invalid_data")
                    == ProcessedCounts(consumed: 3, handled: 2, refused: 1))
            let invalid = serverMetrics.counters(label: CloudEventMetrics.Name.refusedEvents)
                .filter { $0.dimensions.contains { $0 == ("cloudevents.error.code", "malformed_input") } }
            #expect(invalid.reduce(0) { $0 + $1.totalValue } == 1)
            #expect(senderMetrics.dimensionNames.union(serverMetrics.dimensionNames) == MessagingDimensions.documentedNames)
        }
    }
#endif
