#if Hummingbird && AsyncHTTPClient
    import CloudEvents
    import CloudEventsHTTP
    import CloudEventsHummingbird
    import CloudEventsSQL
    import Testing
    import TransportTestSupport

    /// The route option `filter`: only matching events reach the handler, in every mode.
    @Suite("Hummingbird receiver: filtered routes", .timeLimit(.minutes(10)))
    struct FilteredRouteTests {
        static let wanted = CloudEvent(id: "w", source: "/orders", type: "com.example.order.created")
        static let unwanted = CloudEvent(id: "u", source: "/refunds", type: "com.example.refund.created")

        static func options(_ nonMatching: NonMatchingEvents) throws -> CloudEventRouteOptions {
            CloudEventRouteOptions(
                filter: try CESQLExpression(parsing: "type = 'com.example.order.created'"), nonMatching: nonMatching)
        }

        @Test("by default a non-matching event is answered 202 and dropped", arguments: HTTPContentMode.allCases)
        func acceptAndDrop(mode: HTTPContentMode) async throws {
            let recorder = EventRecorder()
            let statuses = try await withTestServer(recordingRouter(recorder, options: Self.options(.acceptAndDrop))) {
                port in
                if mode == .batch {
                    let batch = try HTTPEventEncoder().encodeBatch([Self.unwanted, Self.wanted])
                    return [try await RawHTTPClient.post(batch, port: port).status]
                }
                var statuses: [Int] = []
                for event in [Self.unwanted, Self.wanted] {
                    statuses.append(
                        try await RawHTTPClient.post(HTTPEventEncoder(mode: mode).encode(event), port: port).status)
                }
                return statuses
            }
            #expect(statuses.allSatisfy { $0 == 202 })
            #expect(await recorder.events.map(\.id) == ["w"])
        }

        @Test("refuse: a non-matching event is answered 400 with code filtered_out; a matching one 202")
        func refuse() async throws {
            let recorder = EventRecorder()
            let (refused, accepted) = try await withTestServer(
                recordingRouter(recorder, options: Self.options(.refuse))
            ) {
                port in
                (
                    try await RawHTTPClient.post(HTTPEventEncoder().encode(Self.unwanted), port: port),
                    try await RawHTTPClient.post(HTTPEventEncoder().encode(Self.wanted), port: port)
                )
            }
            #expect(refused.status == 400)
            #expect(refused.json["code"] as? String == "filtered_out")
            #expect((refused.json["message"] as? String)?.contains("event u") == true)
            #expect(accepted.status == 202)
            #expect(await recorder.events.map(\.id) == ["w"])
        }
    }
#endif
