#if Vapor
    import CloudEvents
    import CloudEventsVapor
    import Vapor

    // README's "Receive with Vapor" and "Send with Vapor", compiled here: `ReadmeVaporTests`
    // checks that README shows these bodies line for line, and runs the receiving one.

    /// README: Receive with Vapor
    func readmeReceiveWithVapor(_ app: Application) {
        app.receiveCloudEvents(at: "events") { event, context in     // on app or any RoutesBuilder
            context.logger.info("received \(event.type) \(event.id)")
            return nil                                 // 202; return a CloudEvent to answer 200 with it
        }
        app.on(.POST, "orders", body: .stream) { request in
            let message = try await request.cloudEvents()   // any mode, within the body limit
            let ack = CloudEvent(source: "/orders", type: "com.example.ack", subject: "\(message.events.count) events")
            return CloudEventResponse(ack, mode: .structured)   // 200, in the mode chosen
        }
    }

    /// README: Send with Vapor
    func readmeSendWithVapor(_ app: Application, _ request: Request, event: CloudEvent, first: CloudEvent, second: CloudEvent)
        async throws -> (CloudEvent?, [CloudEvent])
    {
        let sender = app.cloudEventSender(to: "http://127.0.0.1:8080/events")  // shuts down with app
        let reply = try await sender.send(event)      // retries, Retry-After, timeout: as every HTTP sender
        let replies = try await sender.send(batch: [first, second], deadline: nil, logger: request.logger)
        return (reply, replies)
    }
#endif
