#if AsyncHTTPClient && Hummingbird
    import CloudEvents
    import CloudEventsAsyncHTTPClient
    import CloudEventsHTTP
    import CloudEventsHummingbird
    import Hummingbird
    import Testing
    import TransportTestSupport

    /// The AsyncHTTPClient sender against the Hummingbird receiver, both real, on 127.0.0.1: the
    /// tests that need both a client and the server live with the sender they exercise.
    @Suite("AsyncHTTPClient sender × Hummingbird receiver: modes and replies")
    struct SenderModeTests {
        @Test(
            "every mode delivers the medium event and a 1 MiB binary payload intact",
            arguments: HTTPContentMode.allCases, TestEvents.Payload.allCases)
        func modes(mode: HTTPContentMode, payload: TestEvents.Payload) async throws {
            let recorder = EventRecorder()
            let event = try TestEvents.event(payload)
            let reply = try await withTestServer(recordingRouter(recorder)) { port in
                try await withSender(port: port, mode: mode) { try await $0.send(event) }
            }
            #expect(reply == nil)
            let received = await recorder.events
            #expect(received.count == 1)
            #expect(received.first == (mode == .binary ? TestEvents.asReceivedInBinaryMode(event) : event))
            #expect(await recorder.contexts.first?.metadata["cloudevents.content_mode"] == mode.rawValue)
        }

        @Test("send(batch:) delivers every event, in order, in one batch request")
        func batch() async throws {
            let recorder = EventRecorder()
            let events = try [TestEvents.event(.medium), TestEvents.small(1), TestEvents.event(.oneMebibyteBinary)]
            try await withTestServer(recordingRouter(recorder)) { port in
                try await withSender(port: port) { try await $0.send(batch: events) }
            }
            #expect(await recorder.events == events)
            #expect(await recorder.contexts.map(\.batchCount) == [3, 3, 3])
        }

        @Test("a reply event round-trips through the sender", arguments: HTTPContentMode.allCases)
        func replyRoundTrip(mode: HTTPContentMode) async throws {
            let router = recordingRouter(EventRecorder()) { event in
                CloudEvent(
                    id: "reply-\(event.id)", source: "/receiver", type: "com.example.reply",
                    dataContentType: "application/json",
                    data: .json(#"{"accepted":true,"total":1.10}"#), extensions: ["correlation": .string(event.id)])
            }
            let event = TestEvents.small(3)
            let reply = try await withTestServer(router) { port in
                try await withSender(port: port, mode: mode) { try await $0.send(event) }
            }
            #expect(reply?.id == "reply-\(event.id)")
            #expect(reply?[extension: "correlation"] == .string(event.id))
            #expect(reply?.data == .json(#"{"accepted":true,"total":1.10}"#))
        }

        @Test("an invalid event is refused before anything is sent")
        func invalidEventNotSent() async throws {
            let recorder = EventRecorder()
            let error = try await withTestServer(recordingRouter(recorder)) { port in
                try await withSender(port: port) { sender in
                    await cloudEventError { _ = try await sender.send(CloudEvent(source: "", type: "t")) }
                }
            }
            #expect(error?.code == .invalidEvent)
            #expect(error?.attribute == "source")
            #expect(await recorder.count == 0)
        }

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
    }
#endif
