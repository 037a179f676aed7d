#if AsyncHTTPClient
    public import CloudEvents
    public import CloudEventsHTTP
    import Foundation
    import HTTPTypes
    import NIOHTTP1
    import Testing

    /// The answers every CloudEvents server adapter must give to real requests, written once
    /// against ``CloudEventTestServer`` and run with each (Hummingbird, Vapor): the statuses,
    /// problem bodies, replies and limits are the shared endpoint's, so they must be identical.
    public enum ReceiverScenarios {
        /// A handler's own failure, whose details must not reach the answer.
        struct DatabaseDown: Error { let connectionString = "postgres://admin:secret@db" }

        /// Binary, structured and batch requests are decoded, handled in order and answered 202.
        public static func accepted(mode: HTTPContentMode, on server: some CloudEventTestServer) async throws {
            let recorder = EventRecorder()
            let sent = [TestEvents.small(0), TestEvents.small(1), TestEvents.small(2)]
            try await server.serveRecording(recorder) { port in
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

        /// The reference event and a 1 MiB payload arrive intact in every mode.
        public static func payload(
            _ payload: TestEvents.Payload, mode: HTTPContentMode, on server: some CloudEventTestServer
        ) async throws {
            let recorder = EventRecorder()
            let event = try TestEvents.event(payload)
            let answer = try await server.serveRecording(recorder) { port in
                let message =
                    try mode == .batch ? HTTPEventEncoder().encodeBatch([event]) : HTTPEventEncoder(mode: mode).encode(event)
                return try await RawHTTPClient.post(message, port: port)
            }
            #expect(answer.status == 202)
            let expected = mode == .binary ? TestEvents.asReceivedInBinaryMode(event) : event
            #expect(await recorder.events == [expected])
        }

        /// A reply event is answered 200 in the request's mode.
        public static func replyInRequestMode(mode: HTTPContentMode, on server: some CloudEventTestServer) async throws {
            let request = CloudEvent(id: "42", source: "/tests", type: "com.example.request")
            let answer = try await server.serveRecording(
                EventRecorder(),
                reply: { event in
                    CloudEvent(
                        id: "reply-\(event.id)", source: "/receiver", type: "com.example.reply",
                        dataContentType: "text/plain", data: .text("ok"))
                }
            ) { port in
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

        /// An invalid event is 400 with a JSON problem naming the attribute.
        public static func invalidEvent(on server: some CloudEventTestServer) async throws {
            let recorder = EventRecorder()
            let answers = try await server.serveRecording(recorder) { port in
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

        /// A body over the limit is 413, declared or streamed; one of exactly the limit is taken.
        public static func tooLarge(on server: some CloudEventTestServer) async throws {
            let recorder = EventRecorder()
            let options = HTTPReceiverOptions(maximumBodySize: 64 << 10)
            let event = CloudEvent(
                source: "/s", type: "t", dataContentType: "application/octet-stream",
                data: .binary([UInt8](repeating: 7, count: 100 << 10)))
            let atLimit = CloudEvent(
                source: "/s", type: "t", dataContentType: "application/octet-stream",
                data: .binary([UInt8](repeating: 7, count: 64 << 10)))
            let message = try HTTPEventEncoder().encode(event)
            let answers = try await server.serveRecording(recorder, options: options) { port in
                let declared = try await RawHTTPClient.post(message, port: port)
                let streamed = try await RawHTTPClient.send(
                    port: port, headers: message.headerFields.map { ($0.name.rawName, $0.value) }, body: message.body,
                    chunked: true)
                let fits = try await RawHTTPClient.post(try HTTPEventEncoder().encode(TestEvents.small()), port: port)
                let exactly = try await RawHTTPClient.post(try HTTPEventEncoder().encode(atLimit), port: port)
                return (declared, streamed, fits, exactly)
            }
            #expect(answers.0.status == 413)
            #expect(answers.0.json["code"] as? String == "limit_exceeded")
            #expect(answers.0.json["message"] as? String == "the body of \(message.body.count) bytes exceeds the limit of 65536 bytes")
            #expect(answers.1.status == 413)
            #expect(answers.1.json["code"] as? String == "limit_exceeded")
            #expect(answers.2.status == 202)
            #expect(answers.3.status == 202)
            #expect(await recorder.count == 2)
        }

        /// A CloudEvents format other than JSON is 415.
        public static func unsupportedFormat(contentType: String, on server: some CloudEventTestServer) async throws {
            let answer = try await server.serveRecording(EventRecorder()) { port in
                try await RawHTTPClient.send(
                    port: port, headers: [("content-type", contentType)], body: Array("<event/>".utf8))
            }
            #expect(answer.status == 415)
            #expect(answer.headers.first(name: "content-type") == "application/problem+json")
            #expect(answer.json["code"] as? String == "unsupported_format")
        }

        /// The webhook OPTIONS handshake is answered by WebhookValidation.
        public static func webhookHandshake(on server: some CloudEventTestServer) async throws {
            let options = HTTPReceiverOptions(
                webhookValidation: WebhookValidation(
                    allowedOrigins: ["sender.example.com"], allowedRate: .perMinute(60)))
            let answers = try await server.serveRecording(EventRecorder(), options: options) { port in
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

        /// Handler errors: a CloudEventError maps by code, anything else is a generic 500 that
        /// echoes nothing of the error.
        public static func handlerErrors(on server: some CloudEventTestServer) async throws {
            let answers = try await server.serve(options: HTTPReceiverOptions()) { event, _ in
                switch event.subject {
                case "refuse": throw CloudEventError(.invalidAttributeValue, attribute: "subject", message: "not today")
                case "busy": throw CloudEventError(.shutDown, message: "draining")
                default: throw DatabaseDown()
                }
            } _: { port in
                var answers: [RawAnswer] = []
                for subject in ["refuse", "busy", "crash"] {
                    let event = CloudEvent(source: "/s", type: "t", subject: subject)
                    answers.append(try await RawHTTPClient.post(try HTTPEventEncoder().encode(event), port: port))
                }
                return answers
            }
            #expect(answers.map(\.status) == [400, 503, 500])
            #expect(answers[0].json["attribute"] as? String == "subject")
            #expect(answers[0].json["message"] as? String == "not today")
            #expect(answers[1].json["code"] as? String == "shut_down")
            #expect(answers[2].json["code"] as? String == "internal_error")
            #expect(!String(decoding: answers[2].body, as: UTF8.self).contains("secret"))
        }

        /// A batch stops at the first refused event; the problem's index names it.
        public static func batchFailure(on server: some CloudEventTestServer) async throws {
            let recorder = EventRecorder()
            let batch = (0..<4).map(TestEvents.small)
            let answer = try await server.serve(options: HTTPReceiverOptions()) { event, context in
                await recorder.record(event, context)
                if event.subject == "item-1" {
                    throw CloudEventError(.invalidAttributeValue, attribute: "subject", message: "no")
                }
                return nil
            } _: { port in
                try await RawHTTPClient.post(try HTTPEventEncoder().encodeBatch(batch), port: port)
            }
            #expect(answer.status == 400)
            #expect(answer.json["index"] as? Int == 1)
            #expect(await recorder.ids == batch.prefix(2).map(\.id))
        }
    }
#endif
