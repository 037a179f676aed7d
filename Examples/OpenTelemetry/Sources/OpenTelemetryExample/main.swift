// Exports one CloudEvents trace to an OpenTelemetry collector: a sender, a relay that forwards
// each event, and a consumer, all in this process and all over real HTTP on 127.0.0.1. Start a
// collector that accepts OTLP/HTTP on :4318 (see README, "Tracing"), then:
//
//     cd Examples/OpenTelemetry && swift run
//
// Every log line written inside a handler carries the trace_id and span_id the collector shows.
import CloudEvents
import CloudEventsAsyncHTTPClient
import CloudEventsHummingbird
import CloudEventsTracing
import Hummingbird
import Logging
import OTel
import ServiceLifecycle

// 1. Tracing and metrics: swift-otel's tracer with W3C propagation and its metrics backend, both
//    exporting over OTLP/HTTP (OTEL_EXPORTER_OTLP_ENDPOINT and the other OTEL_* variables apply).
//    The senders and receivers record messaging.client.operation.duration, ...sent.messages,
//    messaging.process.duration and the rest (README, "Metrics") next to their spans.
var configuration = OTel.Configuration.default
configuration.serviceName = "cloudevents-opentelemetry-example"
configuration.logs.enabled = false
configuration.metrics.enabled = true
let observability = try OTel.bootstrap(configuration: configuration)

// 2. Logs: the trace and span ids on every line written inside a traced handler.
LoggingSystem.bootstrap(
    { label, provider in StreamLogHandler.standardOutput(label: label, metadataProvider: provider) },
    metadataProvider: .cloudEventsTraceIDs)
let logger = Logger(label: "cloudevents-opentelemetry-example")

// 3. The consumer, and a relay that sends each event on: the event's traceparent keeps the
//    context where it was created; each hop adds its own spans.
let consumerPort = 8091
let relayPort = 8090
let onward = AsyncHTTPClientCloudEventSender(url: "http://127.0.0.1:\(consumerPort)/events")

let consumerRouter = Router()
consumerRouter.receiveCloudEvents(at: "/events") { event, _ in
    logger.info("consumed \(event.type)", metadata: ["id": "\(event.id)"])
    return nil
}
let relayRouter = Router()
relayRouter.receiveCloudEvents(at: "/events") { event, _ in
    logger.info("relaying \(event.type)", metadata: ["id": "\(event.id)"])
    _ = try await onward.send(event)
    return nil
}

/// Sends three events through the relay; when it returns, the group shuts down gracefully,
/// which makes swift-otel export the spans still buffered.
struct Producer: Service {
    func run() async throws {
        // The servers start alongside; a refused first connection is retried by the sender.
        let sender = AsyncHTTPClientCloudEventSender(url: "http://127.0.0.1:\(relayPort)/events")
        do {
            for number in 1...3 {
                let event = CloudEvent(
                    source: "/examples/opentelemetry", type: "com.example.order.created", subject: "order-\(number)",
                    data: .json(#"{"order":\#(number)}"#))
                _ = try await sender.send(event)
            }
        } catch {
            logger.error("sending failed", metadata: ["error": "\(error)"])
        }
        await sender.shutdown()
        await onward.shutdown()
    }
}

let consumer = Application(
    router: consumerRouter, configuration: .init(address: .hostname("127.0.0.1", port: consumerPort)), logger: logger)
let relay = Application(
    router: relayRouter, configuration: .init(address: .hostname("127.0.0.1", port: relayPort)), logger: logger)
let group = ServiceGroup(
    configuration: ServiceGroupConfiguration(
        services: [
            .init(service: observability), .init(service: consumer), .init(service: relay),
            .init(service: Producer(), successTerminationBehavior: .gracefullyShutdownGroup),
        ],
        logger: logger))
try await group.run()
