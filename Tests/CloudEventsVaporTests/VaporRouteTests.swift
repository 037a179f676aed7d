#if Vapor && AsyncHTTPClient
    import CloudEvents
    import CloudEventsHTTP
    import HTTPTypes
    import CloudEventsVapor
    import Testing
    import TransportTestSupport
    import Vapor

    /// What only the Vapor adapter does, against real Vapor applications on 127.0.0.1.
    @Suite("Vapor adapter: routes", .timeLimit(.minutes(10)))
    struct VaporRouteTests {
        @Test("Request.cloudEvents(options:) decodes every mode, within the body limit", arguments: HTTPContentMode.allCases)
        func requestHelper(mode: HTTPContentMode) async throws {
            let options = HTTPReceiverOptions(maximumBodySize: 64 << 10)
            let sent = [TestEvents.small(0), TestEvents.small(1)]
            let large = CloudEvent(
                source: "/s", type: "t", dataContentType: "application/octet-stream",
                data: .binary([UInt8](repeating: 1, count: 100 << 10)))
            let answers = try await withVaporApplication { app in
                app.on(.POST, "decode", body: .stream) { request async -> String in
                    do {
                        let message = try await request.cloudEvents(options: options)
                        return "\(message.mode.rawValue) " + message.events.map(\.id).joined(separator: ",")
                    } catch let error as CloudEventError {
                        return "refused \(error.code.rawValue)"
                    } catch {
                        return "failed \(error)"
                    }
                }
            } _: { port, _ in
                let message =
                    try mode == .batch ? HTTPEventEncoder().encodeBatch(sent) : HTTPEventEncoder(mode: mode).encode(sent[0])
                let decoded = try await RawHTTPClient.post(message, port: port, path: "/decode")
                let tooLarge = try await RawHTTPClient.send(
                    port: port, path: "/decode",
                    headers: try HTTPEventEncoder().encode(large).headerFields.map { ($0.name.rawName, $0.value) },
                    body: try HTTPEventEncoder().encode(large).body, chunked: true)
                return (decoded, tooLarge)
            }
            let ids = mode == .batch ? sent.map(\.id) : [sent[0].id]
            #expect(String(decoding: answers.0.body, as: UTF8.self) == "\(mode.rawValue) " + ids.joined(separator: ","))
            #expect(String(decoding: answers.1.body, as: UTF8.self) == "refused limit_exceeded")
        }

        @Test("a route returns a CloudEventResponse in the mode it chose", arguments: HTTPContentMode.allCases)
        func eventAsResponse(mode: HTTPContentMode) async throws {
            let events = [TestEvents.small(7), TestEvents.small(8)]
            let answer = try await withVaporApplication { app in
                app.get("latest") { _ in
                    mode == .batch ? CloudEventResponse(batch: events) : CloudEventResponse(events[0], mode: mode)
                }
            } _: { port, _ in
                try await RawHTTPClient.send(.GET, port: port, path: "/latest")
            }
            #expect(answer.status == 200)
            let decoded = try HTTPEventDecoder().decode(headerFields: answer.headerFields, body: answer.body)
            #expect(decoded.mode == mode)
            #expect(decoded.events == (mode == .batch ? events : [events[0]]))
        }

        @Test("an AbortError from the handler is Vapor's to answer; the context carries the Vapor request")
        func abortPassesThroughAndContext() async throws {
            let recorder = EventRecorder()
            let answers = try await withVaporApplication { app in
                app.grouped("hooks").receiveCloudEvents(at: "events") { event, context in
                    await recorder.record(event, context)
                    #expect(context.vaporRequest?.url.path == "/hooks/events")
                    if event.subject == "abort" { throw Abort(.tooManyRequests) }
                    return nil
                }
            } _: { port, _ in
                let abort = CloudEvent(source: "/s", type: "t", subject: "abort")
                return (
                    try await RawHTTPClient.post(try HTTPEventEncoder().encode(abort), port: port, path: "/hooks/events"),
                    try await RawHTTPClient.post(
                        try HTTPEventEncoder().encode(TestEvents.small()), port: port, path: "/hooks/events")
                )
            }
            #expect(answers.0.status == 429)
            #expect(answers.1.status == 202)
            #expect(await recorder.count == 2)
        }

        @Test("Hummingbird and Vapor answer refused requests with the same status, headers' content type and body")
        func identicalRefusals() async throws {
            let options = HTTPReceiverOptions(maximumBodySize: 1024)
            let large = try HTTPEventEncoder().encode(
                CloudEvent(source: "/s", type: "t", dataContentType: "text/plain", data: .text(String(repeating: "x", count: 2048))))
            let requests: [(headers: [(String, String)], body: [UInt8])] = [
                ([("ce-specversion", "1.0"), ("ce-id", "1"), ("ce-source", ""), ("ce-type", "t")], []),
                ([("content-type", "application/cloudevents+json")], Array(#"{"specversion":"1.0","id":1}"#.utf8)),
                ([("content-type", "application/json")], Array("{}".utf8)),
                ([("content-type", "application/cloudevents+xml")], Array("<e/>".utf8)),
                (large.headerFields.map { ($0.name.rawName, $0.value) }, large.body),
            ]
            var answers: [[String]] = []
            for kind in ServerKind.allCases {
                answers.append(
                    try await kind.server.serveRecording(EventRecorder(), options: options) { port in
                        var seen: [String] = []
                        for request in requests {
                            let answer = try await RawHTTPClient.send(port: port, headers: request.headers, body: request.body)
                            seen.append(
                                "\(answer.status) \(answer.headers.first(name: "content-type") ?? "") "
                                    + String(decoding: answer.body, as: UTF8.self))
                        }
                        return seen
                    })
            }
            #expect(answers.count == 2)
            #expect(answers.first == answers.last)
            #expect(answers.first?.map { $0.prefix(3) } == ["400", "400", "400", "415", "413"])
        }
    }
#endif
