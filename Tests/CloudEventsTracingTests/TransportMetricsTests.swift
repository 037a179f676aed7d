#if Metrics && Hummingbird && AsyncHTTPClient
    import CloudEvents
    import CloudEventsAsyncHTTPClient
    import CloudEventsHTTP
    import CloudEventsHummingbird
    import CloudEventsTracing
    import HTTPTypes
    import Hummingbird
    import MetricsTestKit
    import Synchronization
    import Testing
    import TransportTestSupport

    /// The metrics of the AsyncHTTPClient sender and the Hummingbird receiver over a real loopback
    /// server. Each test gives both its own `TestMetrics` (``CloudEventMetrics/factory``), so no
    /// test reads a process-wide measure.
    @Suite("Metrics of an HTTP sender and receiver")
    struct TransportMetricsTests {
        @Test("known workload: successes, a refusal, a batch; exact counts and exactly the documented dimensions")
        func knownWorkload() async throws {
            let senderMetrics = TestMetrics()
            let receiverMetrics = TestMetrics()
            var options = CloudEventRouteOptions()
            options.metrics = CloudEventMetrics(factory: receiverMetrics)
            let router = Router()
            router.receiveCloudEvents(at: "/events", options: options) { event, _ in
                if event.type == "com.example.refuse" {
                    throw CloudEventError(.invalidData, attribute: "data", message: "refused by the test handler")
                }
                return nil
            }
            let port = try await withTestServer(router) { port in
                var configuration = HTTPSenderConfiguration()
                configuration.metrics = CloudEventMetrics(factory: senderMetrics)
                let sender = AsyncHTTPClientCloudEventSender(
                    url: "http://127.0.0.1:\(port)/events", configuration: configuration)
                do {
                    for index in 0..<3 { try await sender.send(TestEvents.small(index)) }
                    let refused = CloudEvent(source: "/tests", type: "com.example.refuse")
                    await #expect(throws: CloudEventError.self) { try await sender.send(refused) }
                    try await sender.send(batch: [TestEvents.small(3), TestEvents.small(4)])
                } catch {
                    await sender.shutdown()
                    throw error
                }
                await sender.shutdown()
                return port
            }

            let send = MessagingDimensions.send(system: "http", destination: "/events", port: port)
            var refusedSend = send
            refusedSend["error.type"] = "rejected_by_peer"
            #expect(senderMetrics.total(CloudEventMetrics.Name.sentMessages, send) == 4)
            #expect(senderMetrics.total(CloudEventMetrics.Name.sentMessages, refusedSend) == 1)
            #expect(senderMetrics.timerCount(CloudEventMetrics.Name.operationDuration, send) == 4)
            #expect(senderMetrics.timerCount(CloudEventMetrics.Name.operationDuration, refusedSend) == 1)
            let retries = try senderMetrics.expectRecorder(
                CloudEventMetrics.Name.sendRetries, send.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            #expect(retries.values == [0, 0, 0, 0, 0])
            let inFlight = senderMetrics.meters(label: CloudEventMetrics.Name.sendsInFlight)
            #expect(inFlight.count == 1)
            #expect(inFlight.first?.lastValue == 0)
            #expect(inFlight.first?.values.max() == 1)

            let process = MessagingDimensions.process(system: "http", destination: "/events")
            #expect(
                receiverMetrics.processed(process, refusal: "invalid_data")
                    == ProcessedCounts(consumed: 6, handled: 5, refused: 1))
            // Nothing else: every metric has exactly the documented dimensions.
            #expect(
                senderMetrics.dimensionNames.union(receiverMetrics.dimensionNames) == MessagingDimensions.documentedNames)
        }

        @Test("a retry then success counts one send with one retry; a deadline counts a deadline_exceeded send")
        func retryAndDeadline() async throws {
            let metrics = TestMetrics()
            let answered = Mutex(0)
            let router = Router()
            router.post("/flaky") { _, _ -> Response in
                let first = answered.withLock { count in
                    count += 1
                    return count == 1
                }
                return Response(status: first ? .serviceUnavailable : .accepted)
            }
            router.post("/slow") { _, _ -> Response in
                try await Task.sleep(for: .seconds(5))
                return Response(status: .accepted)
            }
            let port = try await withTestServer(router) { port in
                var configuration = HTTPSenderConfiguration(
                    retryPolicy: RetryPolicy(maximumAttempts: 3, initialBackoff: .milliseconds(1)))
                configuration.metrics = CloudEventMetrics(factory: metrics)
                let flaky = AsyncHTTPClientCloudEventSender(
                    url: "http://127.0.0.1:\(port)/flaky", configuration: configuration)
                configuration.timeout = .milliseconds(200)
                let slow = AsyncHTTPClientCloudEventSender(
                    url: "http://127.0.0.1:\(port)/slow", configuration: configuration)
                do {
                    try await flaky.send(TestEvents.small(0))
                    let error = await #expect(throws: CloudEventError.self) { try await slow.send(TestEvents.small(1)) }
                    #expect(error?.code == .deadlineExceeded)
                } catch {
                    await flaky.shutdown()
                    await slow.shutdown()
                    throw error
                }
                await flaky.shutdown()
                await slow.shutdown()
                return port
            }
            func dimensions(_ path: String) -> [String: String] {
                MessagingDimensions.send(system: "http", destination: path, port: port)
            }
            #expect(metrics.total(CloudEventMetrics.Name.sentMessages, dimensions("/flaky")) == 1)
            let retries = try metrics.expectRecorder(
                CloudEventMetrics.Name.sendRetries,
                dimensions("/flaky").sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            #expect(retries.values == [1])
            var timedOut = dimensions("/slow")
            timedOut["error.type"] = "deadline_exceeded"
            #expect(metrics.total(CloudEventMetrics.Name.sentMessages, timedOut) == 1)
            #expect(metrics.timerCount(CloudEventMetrics.Name.operationDuration, timedOut) == 1)
        }

        @Test("a request that does not decode is counted as refused by its code; the event type only when asked")
        func refusalAndEventType() async throws {
            let metrics = TestMetrics()
            var options = HTTPReceiverOptions()
            options.metrics = CloudEventMetrics(factory: metrics, recordsEventType: true)
            let endpoint = HTTPCloudEventEndpoint(options: options) { _, _ in nil }
            var request = HTTPRequest(method: .post, scheme: "http", authority: "127.0.0.1", path: "/in?x=1")
            request.headerFields[.contentType] = "application/cloudevents+json"
            let context = CloudEventContext(transport: "http")
            _ = try await endpoint.respond(to: request, body: Array("{".utf8), context: context)
            #expect(
                metrics.total(
                    CloudEventMetrics.Name.refusedEvents,
                    [
                        "messaging.system": "http", "messaging.operation.name": "process",
                        "messaging.destination.name": "/in", "cloudevents.error.code": "malformed_input",
                    ]) == 1)
            let event = CloudEvent(source: "/s", type: "com.example.typed")
            _ = try await endpoint.respond(
                to: request, body: try JSONEventFormat().encode(event),
                context: context)
            #expect(
                metrics.total(
                    CloudEventMetrics.Name.consumedMessages,
                    [
                        "messaging.system": "http", "messaging.operation.name": "process",
                        "messaging.destination.name": "/in", "cloudevents.event_type": "com.example.typed",
                    ]) == 1)
        }

        @Test(
            "events a receiver's filter drops are counted as filtered; the matching one is not",
            arguments: [NonMatchingEvents.acceptAndDrop, .refuse])
        func filteredEvents(nonMatching: NonMatchingEvents) async throws {
            struct OrdersOnly: CloudEventMatcher {
                func matches(_ event: CloudEvent) -> Bool { event.type.hasPrefix("com.example.order") }
            }
            let metrics = TestMetrics()
            var options = HTTPReceiverOptions(filter: OrdersOnly(), nonMatching: nonMatching)
            options.metrics = CloudEventMetrics(factory: metrics)
            let endpoint = HTTPCloudEventEndpoint(options: options) { _, _ in nil }
            var request = HTTPRequest(method: .post, scheme: "http", authority: "127.0.0.1", path: "/orders")
            request.headerFields[.contentType] = "application/cloudevents+json"
            let context = CloudEventContext(transport: "http")
            for type in ["com.example.order.created", "com.example.refund", "com.example.refund"] {
                let body = try JSONEventFormat().encode(CloudEvent(source: "/s", type: type))
                let response = try await endpoint.respond(to: request, body: body, context: context)
                let dropped = !type.hasPrefix("com.example.order") && nonMatching == .refuse
                #expect(response.head.status == (dropped ? .badRequest : .accepted))
            }
            let base = [
                "messaging.system": "http", "messaging.operation.name": "process",
                "messaging.destination.name": "/orders",
            ]
            #expect(metrics.total(CloudEventMetrics.Name.filteredEvents, base) == 2)
            #expect(metrics.total(CloudEventMetrics.Name.consumedMessages, base) == 3)
        }
    }
#endif
