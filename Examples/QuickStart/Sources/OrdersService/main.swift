// A receiver and a sender in one process, run as services of one ServiceGroup: the Hummingbird
// server receives CloudEvents at /events, a client sends three, and the group then shuts down
// gracefully: the server stops taking connections and finishes what it has, the sender finishes
// or fails what is in flight, and nothing is cancelled, so no error is logged.
//
//     swift run            (in Examples/QuickStart; README's "Add it to your package")
//
// Cancelling a task that runs `application.runService()` instead would log CancellationError and
// "Already closed" from the connections it cut: a ServiceGroup's graceful shutdown avoids both.

// The conditions keep swift-cloudevents' own build with its traits off compiling; a service needs none.
#if canImport(Hummingbird) && canImport(AsyncHTTPClient)
    import CloudEvents
    import CloudEventsAsyncHTTPClient
    import CloudEventsHummingbird
    import Hummingbird
    import Logging
    import ServiceLifecycle

    let logger = Logger(label: "orders")

    let router = Router()
    router.receiveCloudEvents(at: "/events") { event, _ in
        logger.info("received \(event.type) \(event.id)")
        return nil  // 202 Accepted
    }
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let application = Application(
        router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in
            portContinuation.yield(channel.localAddress?.port ?? 0)
            portContinuation.finish()
        }, logger: logger)

    // The application is a Service; SIGINT and SIGTERM shut the group down gracefully too.
    let services = ServiceGroup(
        configuration: ServiceGroupConfiguration(
            services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))

    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await services.run() }
        var bound = ports.makeAsyncIterator()
        guard let port = await bound.next(), port > 0 else {
            await services.triggerGracefulShutdown()
            return
        }
        let sender = AsyncHTTPClientCloudEventSender(url: "http://127.0.0.1:\(port)/events")
        for number in 1...3 {
            let event = CloudEvent(
                source: "/orders", type: "com.example.order.created", subject: "order-\(number)")
            try await sender.send(event)  // returns the receiver's reply event, if any
            logger.info("sent \(event.id)")
        }
        await sender.shutdown()  // finishes or fails what is in flight; refuses new sends
        await services.triggerGracefulShutdown()  // the server finishes its connections, then stops
        try await group.waitForAll()
    }
    logger.info("stopped gracefully")
#else
    print("OrdersService needs the Hummingbird and AsyncHTTPClient traits of swift-cloudevents.")
#endif
