#if AsyncHTTPClient && Hummingbird
    import AsyncHTTPClient
    import CloudEvents
    import CoreTestSupport
    import CloudEventsAsyncHTTPClient
    import CloudEventsHTTP
    import Hummingbird
    import Testing
    import TransportTestSupport

    /// What only the AsyncHTTPClient sender has: configured header fields, and an `HTTPClient` a
    /// caller may share with it. The scenarios every HTTP sender shares are in
    /// CloudEventsSenderTests.
    @Suite("AsyncHTTPClient sender: header fields and shared clients", .timeLimit(.minutes(10)))
    struct SenderClientTests {
        @Test("configured header fields reach the receiver; the binding's own fields win")
        func extraHeaderFields() async throws {
            let seen = RequestCounter()
            let router = Router()
            router.post("/events") { request, _ -> Response in
                let authorization = request.headers[.authorization] ?? "-"
                await seen.next(fingerprint: "\(authorization) \(request.headers[.ceID] ?? "-")")
                return Response(status: .accepted)
            }
            let fields: HTTPFields = [.authorization: "Bearer token", .ceID: "spoofed"]
            let event = CloudEvent(id: "real", source: "/s", type: "t")
            try await withTestServer(router) { port in
                try await withSender(port: port, headerFields: fields) { _ = try await $0.send(event) }
            }
            #expect(await seen.fingerprints == ["Bearer token real"])
        }

        @Test("own client: a 3xx is an error; a shared client that turns POST into GET is caught, not counted as sent")
        func redirects() async throws {
            let recorder = EventRecorder()
            let router = recordingRouter(recorder)
            router.post("/moved") { _, _ in Response(status: .found, headers: [.location: "/events"]) }
            router.get("/events") { _, _ in Response(status: .ok) }
            var configuration = HTTPClient.Configuration()
            configuration.redirectConfiguration = .follow(max: 3, allowCycles: false)
            let followingClient = HTTPClient(configuration: configuration)
            let (own, shared) = try await withTestServer(router) { port in
                let own = try await withSender(port: port, path: "/moved") { sender in
                    await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                }
                let sender = AsyncHTTPClientCloudEventSender(
                    url: "http://127.0.0.1:\(port)/moved", client: followingClient,
                    configuration: HTTPSenderConfiguration(timeout: unhurried, retryPolicy: fastRetries))
                let shared = await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                await sender.shutdown()
                return (own, shared)
            }
            try await followingClient.shutdown()
            #expect(own?.code == .rejectedByPeer)
            #expect(own?.status == 302)
            #expect(shared?.code == .transportFailed)
            #expect(shared?.message.contains("GET") == true)
            #expect(await recorder.count == 0)
        }
    }
#endif
