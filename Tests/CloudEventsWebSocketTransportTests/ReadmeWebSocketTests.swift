#if WebSocket
    import CloudEvents
    import CloudEventsWebSocketTransport
    import CoreTestSupport
    import Hummingbird
    import HummingbirdWebSocket
    import Testing

    /// README's "Over WebSockets, both directions", compiled here; it is not run (it names a
    /// fixed port, as a user's program would).
    func readmeWebSocketSample(_ event: CloudEvent) async throws {
        // README: websocket
        // Server: receives every event a client sends, and pushes events to its clients.
        let server = WebSocketCloudEventServer { event, _ in
            print(event.id)
            return nil
        }
        let webSocketRouter = Router(context: BasicWebSocketRequestContext.self)
        webSocketRouter.cloudEventsWebSocket("/events", server: server)
        let application = Application(
            router: Router(),
            server: .http1WebSocketUpgrade(webSocketRouter: webSocketRouter, configuration: server.upgradeConfiguration))
        try server.pushToAll(event)                  // queued per client, bounded; a full queue drops and counts

        // Client: one persistent connection, reconnecting with capped, jittered backoff.
        let sender = WebSocketCloudEventSender(url: "ws://127.0.0.1:8080/events")
        try await sender.withConnection { try await sender.send(event) }  // returns once the frame is written
        let receiver = WebSocketCloudEventReceiver(url: "ws://127.0.0.1:8080/events") { event, _ in
            print(event.id)                          // every event the server pushes
            return nil
        }
        // README: end
        _ = (application, receiver)
    }

    @Suite("README's WebSocket sample")
    struct ReadmeWebSocketTests {
        @Test("README.md shows the sample this file compiles, line for line")
        func readmeShowsTheCompiledSample() throws {
            let sample = try ReadmeSnippet.lines("websocket", inSource: #filePath)
            #expect(try ReadmeSnippet.readme().contains(sample))
        }
    }
#endif
