#if Hummingbird && AsyncHTTPClient
    import CloudEvents
    import CloudEventsHTTP
    import CloudEventsHummingbird
    import HTTPTypes
    import Hummingbird
    import Testing
    import TransportTestSupport
    import NIOHTTP1

    /// The receiver's answers to real requests on 127.0.0.1 (AsyncHTTPClient as a plain client).
    @Suite("Hummingbird receiver: answers", .timeLimit(.minutes(10)))
    struct CloudEventRouteTests {
        @Test(
            "binary, structured and batch requests are decoded, handled in order and answered 202",
            arguments: HTTPContentMode.allCases)
        func accepted(mode: HTTPContentMode) async throws {
            let recorder = EventRecorder()
            let sent = [TestEvents.small(0), TestEvents.small(1), TestEvents.small(2)]
            try await withTestServer(recordingRouter(recorder)) { port in
                if mode == .batch {
                    let answer = try await RawHTTPClient.post(try HTTPEventEncoder().encodeBatch(sent), port: port)
                    #expect(answer.status == 202)
                } else {
                    for event in sent {
                        let answer = try await RawHTTPClient.post(
                            try HTTPEventEncoder(mode: mode).encode(event), port: port)
                        #expect(answer.status == 202)
                        #expect(answer.body.isEmpty)
                    }
                }
            }
            #expect(await recorder.events == sent)
            let contexts = await recorder.contexts
            #expect(
                contexts.allSatisfy {
                    $0.transport == "http" && $0.metadata["cloudevents.content_mode"] == mode.rawValue
                })
            #expect(contexts.map(\.batchIndex) == (mode == .batch ? [0, 1, 2] : [nil, nil, nil]))
            #expect(contexts.allSatisfy { $0.batchCount == (mode == .batch ? 3 : nil) })
        }

        @Test("a reply event is answered 200 in the request's mode", arguments: HTTPContentMode.allCases)
        func replyInRequestMode(mode: HTTPContentMode) async throws {
            let router = recordingRouter(EventRecorder()) { event in
                CloudEvent(
                    id: "reply-\(event.id)", source: "/receiver", type: "com.example.reply",
                    dataContentType: "text/plain",
                    data: .text("ok"))
            }
            let request = CloudEvent(id: "42", source: "/tests", type: "com.example.request")
            let answer = try await withTestServer(router) { port in
                let message =
                    try mode == .batch
                    ? HTTPEventEncoder().encodeBatch([request]) : HTTPEventEncoder(mode: mode).encode(request)
                return try await RawHTTPClient.post(message, port: port)
            }
            #expect(answer.status == 200)
            let decoded = try HTTPEventDecoder().decode(headerFields: answer.headerFields, body: answer.body)
            #expect(decoded.mode == mode)
            #expect(decoded.events.map(\.id) == ["reply-42"])
            #expect(decoded.events.first?.data == .text("ok"))
        }

        @Test("an invalid event is 400 with a JSON problem naming the attribute")
        func invalidEvent() async throws {
            let recorder = EventRecorder()
            let answers = try await withTestServer(recordingRouter(recorder)) { port in
                // Binary mode, `source` empty.
                let binary = try await RawHTTPClient.send(
                    port: port,
                    headers: [("ce-specversion", "1.0"), ("ce-id", "1"), ("ce-source", ""), ("ce-type", "t")])
                // Structured mode, `id` a number: the JSON format's error keeps its byte offset.
                let structured = try await RawHTTPClient.send(
                    port: port, headers: [("content-type", "application/cloudevents+json")],
                    body: Array(#"{"specversion":"1.0","id":1,"source":"/s","type":"t"}"#.utf8))
                // Not a CloudEvent at all.
                let plain = try await RawHTTPClient.send(
                    port: port, headers: [("content-type", "application/json")], body: Array("{}".utf8))
                return (binary, structured, plain)
            }
            #expect(answers.0.status == 400)
            #expect(answers.0.headers.first(name: "content-type") == "application/problem+json")
            #expect(answers.0.json["attribute"] as? String == "source")
            #expect(answers.0.json["code"] as? String == "invalid_event")
            #expect((answers.0.json["violations"] as? [[String: Any]])?.first?["attribute"] as? String == "source")
            #expect(answers.1.status == 400)
            #expect(answers.1.json["attribute"] as? String == "id")
            #expect(answers.1.json["byteOffset"] as? Int == 26)
            #expect((answers.1.json["message"] as? String)?.isEmpty == false)
            #expect(answers.2.status == 400)
            #expect(answers.2.json["code"] as? String == "not_a_cloudevent")
            #expect(await recorder.count == 0)
        }

        @Test("a body over the limit is 413, declared or streamed")
        func tooLarge() async throws {
            let recorder = EventRecorder()
            let options = CloudEventRouteOptions(maximumBodySize: 64 << 10)
            let event = CloudEvent(
                source: "/s", type: "t", dataContentType: "application/octet-stream",
                data: .binary([UInt8](repeating: 7, count: 100 << 10)))
            let message = try HTTPEventEncoder().encode(event)
            let answers = try await withTestServer(recordingRouter(recorder, options: options)) { port in
                let declared = try await RawHTTPClient.post(message, port: port)
                let streamed = try await RawHTTPClient.send(
                    port: port, headers: message.headerFields.map { ($0.name.rawName, $0.value) }, body: message.body,
                    chunked: true)
                let fits = try await RawHTTPClient.post(try HTTPEventEncoder().encode(TestEvents.small()), port: port)
                return (declared, streamed, fits)
            }
            #expect(answers.0.status == 413)
            #expect(answers.0.json["code"] as? String == "limit_exceeded")
            #expect(answers.1.status == 413)
            #expect(answers.2.status == 202)
            #expect(await recorder.count == 1)
        }

        @Test(
            "a CloudEvents format other than JSON is 415",
            arguments: ["application/cloudevents+xml", "application/cloudevents-batch+avro"])
        func unsupportedFormat(contentType: String) async throws {
            let answer = try await withTestServer(recordingRouter(EventRecorder())) { port in
                try await RawHTTPClient.send(
                    port: port, headers: [("content-type", contentType)], body: Array("<event/>".utf8))
            }
            #expect(answer.status == 415)
            #expect(answer.json["code"] as? String == "unsupported_format")
        }

        @Test("the webhook OPTIONS handshake is answered by WebhookValidation")
        func webhookHandshake() async throws {
            let options = CloudEventRouteOptions(
                webhookValidation: WebhookValidation(
                    allowedOrigins: ["sender.example.com"], allowedRate: .perMinute(60)))
            let answers = try await withTestServer(recordingRouter(EventRecorder(), options: options)) { port in
                let allowed = try await RawHTTPClient.send(
                    .OPTIONS, port: port,
                    headers: [("WebHook-Request-Origin", "Sender.Example.com"), ("WebHook-Request-Rate", "120")])
                let refused = try await RawHTTPClient.send(
                    .OPTIONS, port: port, headers: [("WebHook-Request-Origin", "evil.example.com")])
                let plain = try await RawHTTPClient.send(.OPTIONS, port: port)
                return (allowed, refused, plain)
            }
            #expect(answers.0.status == 200)
            #expect(answers.0.headers.first(name: "WebHook-Allowed-Origin") == "Sender.Example.com")
            #expect(answers.0.headers.first(name: "WebHook-Allowed-Rate") == "60")
            #expect(answers.0.headers.first(name: "Allow") == "POST")
            #expect(answers.1.status == 403)
            #expect(answers.2.status == 204)
        }

        @Test("handler errors: a CloudEventError maps by code, anything else is a generic 500")
        func handlerErrors() async throws {
            struct DatabaseDown: Error { let connectionString = "postgres://admin:secret@db" }
            let router = Router()
            router.receiveCloudEvents(at: "/events") { event, _ in
                switch event.subject {
                case "refuse": throw CloudEventError(.invalidAttributeValue, attribute: "subject", message: "not today")
                case "busy": throw CloudEventError(.shutDown, message: "draining")
                case "http": throw HTTPError(.tooManyRequests)
                default: throw DatabaseDown()
                }
            }
            let answers = try await withTestServer(router) { port in
                var answers: [RawAnswer] = []
                for subject in ["refuse", "busy", "http", "crash"] {
                    let event = CloudEvent(source: "/s", type: "t", subject: subject)
                    answers.append(try await RawHTTPClient.post(try HTTPEventEncoder().encode(event), port: port))
                }
                return answers
            }
            #expect(answers.map(\.status) == [400, 503, 429, 500])
            #expect(answers[0].json["attribute"] as? String == "subject")
            #expect(answers[0].json["message"] as? String == "not today")
            #expect(answers[1].json["code"] as? String == "shut_down")
            #expect(answers[3].json["code"] as? String == "internal_error")
            #expect(!String(decoding: answers[3].body, as: UTF8.self).contains("secret"))
        }

        @Test("a batch stops at the first refused event; the problem's index names it")
        func batchFailure() async throws {
            let recorder = EventRecorder()
            let router = Router()
            router.receiveCloudEvents(at: "/events") { event, context in
                await recorder.record(event, context)
                if event.subject == "item-1" {
                    throw CloudEventError(.invalidAttributeValue, attribute: "subject", message: "no")
                }
                return nil
            }
            let batch = (0..<4).map(TestEvents.small)
            let answer = try await withTestServer(router) { port in
                try await RawHTTPClient.post(try HTTPEventEncoder().encodeBatch(batch), port: port)
            }
            #expect(answer.status == 400)
            #expect(answer.json["index"] as? Int == 1)
            #expect(await recorder.ids == batch.prefix(2).map(\.id))
        }
    }
#endif
