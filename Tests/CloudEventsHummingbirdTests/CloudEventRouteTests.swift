#if Hummingbird && AsyncHTTPClient
    import CloudEvents
    import CloudEventsHTTP
    import CloudEventsHummingbird
    import Hummingbird
    import Testing
    import TransportTestSupport

    /// What only Hummingbird's route does; the answers every server gives are
    /// `ReceiverBehaviourTests`' (CloudEventsVaporTests), run with Hummingbird and Vapor.
    @Suite("Hummingbird receiver: answers", .timeLimit(.minutes(10)))
    struct CloudEventRouteTests {
        @Test("an HTTPResponseError from the handler is Hummingbird's to answer")
        func frameworkErrorPassesThrough() async throws {
            let router = Router()
            router.receiveCloudEvents(at: "/events") { _, _ in throw HTTPError(.tooManyRequests) }
            let answer = try await withTestServer(router) { port in
                try await RawHTTPClient.post(try HTTPEventEncoder().encode(TestEvents.small()), port: port)
            }
            #expect(answer.status == 429)
        }
    }
#endif
