#if Vapor
    import CloudEvents
    import CloudEventsHTTP
    import CloudEventsVapor
    import TransportTestSupport
    import Vapor

    /// Runs a real Vapor application on 127.0.0.1 and an ephemeral port for the duration of
    /// `body`, which gets the bound port; `configure` adds its routes first. The application
    /// shuts down afterwards (its server first, letting requests being handled finish).
    func withVaporApplication<Result: Sendable>(
        configure: (Application) throws -> Void, _ body: (_ port: Int, _ app: Application) async throws -> Result
    ) async throws -> Result {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .critical
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        do {
            try configure(app)
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            guard let port = app.http.server.shared.localAddress?.port, port > 0 else {
                throw CloudEventError(.transportFailed, message: "the Vapor test server did not start")
            }
            let result = try await body(port, app)
            await app.server.shutdown()
            try await app.asyncShutdown()
            return result
        } catch {
            await app.server.shutdown()
            try await app.asyncShutdown()
            throw error
        }
    }

    /// Vapor 4 as a ``CloudEventTestServer``: `app.receiveCloudEvents(at:)` in a real application.
    struct VaporTestServer: CloudEventTestServer {
        var name: String { "Vapor" }

        func serve<Result: Sendable>(
            options: HTTPReceiverOptions, handler: @escaping CloudEventHandler,
            _ body: (_ port: Int) async throws -> Result
        ) async throws -> Result {
            try await withVaporApplication { app in
                app.receiveCloudEvents(at: "events", options: options, handler: handler)
            } _: { port, _ in
                try await body(port)
            }
        }
    }
#endif
