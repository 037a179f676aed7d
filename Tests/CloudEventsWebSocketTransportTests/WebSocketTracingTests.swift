#if WebSocket && Tracing
    import CloudEvents
    import CloudEventsWebSocketTransport
    import InMemoryTracing
    import Testing
    import Tracing
    import TransportTestSupport

    /// Spans over a real WebSocket connection. Frames have no headers, so the event's own
    /// Distributed Tracing extension carries the context. The test binds its own tracer with
    /// `withTracer`, which the server and sender started inside it inherit.
    @Suite("Tracing over WebSockets")
    struct WebSocketTracingTests {
        @Test("a producer span per send; the server's consumer span continues the event's own traceparent")
        func producerAndConsumer() async throws {
            let tracer = W3CInMemoryTracer()
            let collector = Collector()
            let seen = try await withTracer(tracer) {
                let running = try await RunningServer.start(
                    WebSocketCloudEventServer(logger: silentLogger) { event, _ in
                        await collector.add(event)
                        return nil
                    })
                let sender = WebSocketCloudEventSender(url: running.url)
                try await sender.withConnection {
                    try await sender.send(CloudEvent(id: "traced", source: "/tests", type: "com.example.traced"))
                }
                try await running.stop()
                return await collector.events
            }
            let received = try #require(seen.first)
            let producer = try #require(
                tracer.finishedSpans.first {
                    $0.operationName == "CloudEvents Send com.example.traced" && $0.kind == .producer
                })
            let consumer = try #require(
                tracer.finishedSpans.first {
                    $0.operationName == "CloudEvents Process com.example.traced" && $0.kind == .consumer
                })
            // The sender wrote its span's context into the event; the server continued it.
            #expect(received[extension: "traceparent"] == .string("00-\(producer.traceID)-\(producer.spanID)-01"))
            #expect(consumer.traceID == producer.traceID)
            #expect(consumer.parentSpanID == producer.spanID)
        }
    }
#endif
