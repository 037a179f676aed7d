// A Vapor application that receives CloudEvents at POST /events, replies to orders with a
// confirmation event, and forwards every event to an audit service.
//
//   swift run --traits default,Vapor cloudevents-example-vapor serve --hostname 127.0.0.1 --port 8080
//
// AUDIT_URL names the audit service (default http://127.0.0.1:8081/events).
#if Vapor
    import CloudEvents
    import CloudEventsVapor
    import Vapor

    let app = try await Application.make(.detect())
    let audit = app.cloudEventSender(
        to: Environment.get("AUDIT_URL") ?? "http://127.0.0.1:8081/events",
        configuration: HTTPSenderConfiguration(mode: .structured, timeout: .seconds(5)))

    app.receiveCloudEvents(at: "events") { event, context in
        context.logger.info("received \(event.type) \(event.id)")
        do {
            try await audit.send(event, deadline: nil, logger: context.logger)
        } catch {
            context.logger.warning("audit service did not take \(event.id): \(error)")
        }
        guard event.type == "com.example.order.created" else { return nil }  // 202
        return CloudEvent(source: "/orders", type: "com.example.order.confirmed", subject: event.subject)  // 200
    }

    // An event as the answer of a plain route, in the mode the route chooses.
    app.get("events", "sample") { _ in
        CloudEventResponse(CloudEvent(source: "/orders", type: "com.example.order.sample"), mode: .structured)
    }

    try await app.execute()  // graceful shutdown on SIGINT/SIGTERM; the sender shuts down with the app
    try await app.asyncShutdown()
#else
    print("cloudevents-example-vapor needs the Vapor trait: swift run --traits default,Vapor cloudevents-example-vapor")
#endif
