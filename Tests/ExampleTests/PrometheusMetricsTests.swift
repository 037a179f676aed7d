// The example receiver's `/metrics`: a receiver's metrics through swift-prometheus, in the text a
// Prometheus server scrapes.
#if Hummingbird && Tracing && Metrics
    import CloudEvents
    import CloudEventsHTTP
    import CloudEventsTracing
    import HTTPTypes
    import Logging
    import Prometheus
    import Testing
    @testable import ReceiverExample

    @Suite("The example receiver's metrics in the Prometheus text format")
    struct PrometheusMetricsTests {
        @Test("an event through the HTTP endpoint shows in /metrics: consumed count and handler time, by destination")
        func scrape() async throws {
            let registry = PrometheusCollectorRegistry()
            var options = HTTPReceiverOptions()
            options.metrics = CloudEventMetrics(factory: PrometheusMetricsFactory(registry: registry))
            let handler = receiverHandler(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) {}
            let endpoint = HTTPCloudEventEndpoint(options: options, handler: handler)
            let message = try HTTPEventEncoder(mode: .binary).encode(
                CloudEvent(id: "order-1", source: "/orders", type: "com.example.order.created"))
            var request = HTTPRequest(method: .post, scheme: "http", authority: "127.0.0.1", path: "/")
            request.headerFields = message.headerFields
            _ = try await endpoint.respond(
                to: request, body: message.body, context: CloudEventContext(transport: "http"))
            let text = prometheusText(registry)
            let consumed = text.split(separator: "\n").filter {
                $0.hasPrefix("messaging_client_consumed_messages") && !$0.hasPrefix("#")
            }
            #expect(consumed.count == 1, "\(text)")
            #expect(consumed.first?.hasSuffix(" 1") == true, "\(text)")
            #expect(consumed.first?.contains(#"messaging_destination_name="/""#) == true, "\(text)")
            #expect(text.contains("messaging_process_duration"), "\(text)")
        }
    }
#endif
