// cloudevents-example-receiver: a Hummingbird server on 127.0.0.1:8080 that receives CloudEvents
// in any HTTP mode at `/`, logs each one, and replies to `com.example.order.created` with a
// `com.example.order.accepted` event. Ctrl-C (or SIGTERM) stops it gracefully, and it prints
// `received N events` (each event of a batch counts) on stdout as it exits. Each log line names
// the trace: `trace_id`/`span_id` of the consumer span when a tracer is bootstrapped
// (Examples/OpenTelemetry), and `created_in_trace`, the trace the event was created in (its
// Distributed Tracing extension). With the Metrics trait (on by default) it serves every sender's
// and receiver's metrics at `GET /metrics` in the Prometheus text format (swift-prometheus).
//
//     swift run cloudevents-example-receiver [PORT]      (default 8080)
//     LOG_LEVEL=warning swift run cloudevents-example-receiver   (quiet: no line per event, e.g.
//                                                                 under load, scripts/load-test.sh)

#if Hummingbird && Tracing
    import CloudEvents
    import CloudEventsHummingbird
    import CloudEventsTracing
    import Hummingbird
    import Logging
    import Synchronization

    #if Metrics
        import CoreMetrics
        import Prometheus
    #endif

    let port = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 8080
    var logger = Logger(label: "cloudevents-example-receiver", metadataProvider: .cloudEventsTraceIDs)
    logger.logLevel = Environment().get("LOG_LEVEL").flatMap { Logger.Level(rawValue: $0) } ?? .info
    let receivedEvents = Atomic<Int>(0)

    let router = Router()
    #if Metrics
        // The two lines an application writes for Prometheus: bootstrap, and serve the text.
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        router.get("/metrics") { _, _ in prometheusText(registry) }
    #endif
    router.receiveCloudEvents(
        at: "/", handler: receiverHandler(logger: logger) { receivedEvents.add(1, ordering: .relaxed) })

    let application = Application(
        router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
        logger: logger)
    logger.info("receiving CloudEvents at http://127.0.0.1:\(port)/ (Ctrl-C to stop)")
    try await application.runService()
    print("received \(receivedEvents.load(ordering: .relaxed)) events")
#else
    print("cloudevents-example-receiver needs the Hummingbird and Tracing package traits (on by default).")
#endif
