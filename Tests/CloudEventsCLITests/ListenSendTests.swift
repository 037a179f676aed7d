// Needs `listen` and `send`, which the tool has with the default package traits.
#if Hummingbird && AsyncHTTPClient
    import CloudEvents
    import Foundation
    import Testing
    import TransportTestSupport

    #if canImport(FoundationNetworking)
        import FoundationNetworking
    #endif

    @Suite("cloudevents listen and send", .timeLimit(.minutes(10)))
    struct ListenSendTests {
        @Test("binary mode from flags: typed extensions, nanosecond time with offset, JSON data bytes unchanged")
        func binaryFromFlags() async throws {
            let listener = try await Listener.start()
            defer { listener.process.kill() }
            let sent = try await runTool([
                "send", listener.url, "--mode", "binary", "--id", "e-1", "--source", "/cli/test", "--type",
                "com.example.test",
                "--subject", "s1", "--time", "2024-05-20T14:23:18.123456789+08:00", "--datacontenttype",
                "application/json",
                "--dataschema", "https://example.com/schema.json", "--ext", "count:integer=5", "--ext", "label=5",
                "--ext", "ok:boolean=true", "--ext", "note=a=b", "--data", #"{"total":1.10,"n":12345678901234567890}"#,
            ])
            #expect(sent.status == 0, "\(sent.error)")
            #expect(sent.output.isEmpty)
            let lines = try await listener.waitForLines(1)
            // Binary mode carries extension values as text: they arrive as Strings.
            #expect(
                lines == [
                    #"{"specversion":"1.0","id":"e-1","source":"/cli/test","type":"com.example.test","subject":"s1","#
                        + #""time":"2024-05-20T14:23:18.123456789+08:00","datacontenttype":"application/json","#
                        + #""dataschema":"https://example.com/schema.json","count":"5","label":"5","ok":"true","note":"a=b","#
                        + #""data":{"total":1.10,"n":12345678901234567890}}"#
                ])
            #expect(try await listener.stop() == 0)
            #expect(listener.process.error.text.contains("cloudevents listen: stopped"))
        }

        @Test("structured mode from a file: the event arrives byte for byte, types kept")
        func structuredFromFile() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let event =
                #"{"specversion":"1.0","id":"e-2","source":"/cli/test","type":"t","time":"2024-01-01T00:00:00.120Z","#
                + #""count":5,"ok":true,"big":"12345678901234567890","data":{"a":1E+2,"b":[1.0,-0]}}"#
            let file = try directory.write("event.json", event + "\n")
            let listener = try await Listener.start()
            defer { listener.process.kill() }
            let sent = try await runTool([
                "send", listener.url + "events/any/path", "--mode", "structured", "--event", file,
            ])
            #expect(sent.status == 0, "\(sent.error)")
            let fromStandardInput = try await runTool(
                ["send", listener.url, "--mode", "structured", "--event", "-"], input: Array(event.utf8))
            #expect(fromStandardInput.status == 0, "\(fromStandardInput.error)")
            #expect(try await listener.waitForLines(2) == [event, event])
            #expect(try await listener.stop() == 0)
        }

        @Test("structured mode from flags keeps extension types; line breaks inside JSON data stay on one line")
        func structuredFromFlags() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let data = try directory.write("data.json", "{\n  \"a\": 1.10,\r\n  \"b\": [\"x\\ny\"]\n}")
            let listener = try await Listener.start()
            defer { listener.process.kill() }
            let sent = try await runTool([
                "send", listener.url, "--mode", "structured", "--id", "f-1", "--source", "/s", "--type", "t",
                "--ext", "n:integer=5", "--ext", "s=5", "--ext", "ok:boolean=false", "--ext",
                "at:timestamp=2024-01-01T00:00:00.10Z",
                "--datacontenttype", "application/json", "--data-file", data,
            ])
            #expect(sent.status == 0, "\(sent.error)")
            let lines = try await listener.waitForLines(1)
            #expect(
                lines == [
                    #"{"specversion":"1.0","id":"f-1","source":"/s","type":"t","datacontenttype":"application/json","#
                        + #""n":5,"s":"5","ok":false,"at":"2024-01-01T00:00:00.10Z","data":{   "a": 1.10,    "b": ["x\ny"] }}"#
                ])
            #expect(try await listener.stop() == 0)
        }

        @Test("batch mode: one line per event, in order; binary data arrives as data_base64")
        func batchAndBinaryData() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let events = (0..<3).map {
                #"{"specversion":"1.0","id":"b-\#($0)","source":"/batch","type":"t","n":\#($0)}"#
            }
            let batch = try directory.write("batch.json", "[\n" + events.joined(separator: ",\n") + "\n]")
            let bytes = try directory.write("bytes.bin", bytes: [0x00, 0x01, 0x02, 0xFF])
            let listener = try await Listener.start()
            defer { listener.process.kill() }
            let sentBatch = try await runTool(["send", listener.url, "--mode", "batch", "--event", batch])
            #expect(sentBatch.status == 0, "\(sentBatch.error)")
            #expect(try await listener.waitForLines(3) == events)
            let sentBytes = try await runTool([
                "send", listener.url, "--id", "bin-1", "--source", "/bytes", "--type", "t", "--data-file", bytes,
            ])
            #expect(sentBytes.status == 0, "\(sentBytes.error)")
            let lines = try await listener.waitForLines(4)
            #expect(
                lines.last
                    == #"{"specversion":"1.0","id":"bin-1","source":"/bytes","type":"t","data_base64":"AAEC/w=="}"#)
            #expect(try await listener.stop() == 0)
        }

        @Test("concurrent senders: every event on its own complete line")
        func concurrentSenders() async throws {
            let listener = try await Listener.start()
            defer { listener.process.kill() }
            let count = 12
            let url = listener.url
            let statuses = try await withThrowingTaskGroup(of: Int32.self) { group in
                for index in 0..<count {
                    group.addTask {
                        try await runTool([
                            "send", url, "--mode", index % 2 == 0 ? "binary" : "structured", "--id", "c-\(index)",
                            "--source", "/concurrent", "--type", "t", "--datacontenttype", "text/plain",
                            "--data", String(repeating: "x", count: 20_000),
                        ]).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 0 })
            let lines = try await listener.waitForLines(count)
            #expect(lines.count == count)
            let ids = try lines.map { try JSONEventFormat().decode($0).id }
            #expect(Set(ids) == Set((0..<count).map { "c-\($0)" }))
            #expect(try await listener.stop() == 0)
        }

        @Test("bad input: 400 and 415 with the reason, on stderr too, nothing on stdout; the listener keeps running")
        func badInput() async throws {
            let listener = try await Listener.start()
            defer { listener.process.kill() }
            let invalid = try await post(
                to: listener.url, contentType: "application/cloudevents+json",
                body: #"{"specversion":"1.0","id":"x","type":"t"}"#)
            #expect(invalid.status == 400)
            #expect(invalid.body.contains("source"))
            let unsupported = try await post(to: listener.url, contentType: "application/cloudevents+avro", body: "x")
            #expect(unsupported.status == 415)
            try await listener.process.waitUntil("two refusals on stderr") {
                listener.process.error.lines.filter { $0.contains("refused POST /") }.count >= 2
            }
            let refusals = listener.process.error.lines.filter { $0.contains("refused POST /") }
            #expect(refusals[0].hasPrefix("cloudevents listen: refused POST /: 400 Bad Request: {"))
            #expect(refusals[0].contains("source"))
            #expect(refusals[1].contains(": 415 "))
            let good = try await runTool(["send", listener.url, "--source", "/s", "--type", "t", "--id", "after"])
            #expect(good.status == 0)
            let lines = try await listener.waitForLines(1)
            #expect(lines.count == 1 && lines[0].contains(#""id":"after""#))
            #expect(try await listener.stop() == 0)
        }

        @Test("send: 413 from the receiver exits 1 with the status and the reason")
        func rejected() async throws {
            let listener = try await Listener.start(["--max-body-size", "100"])
            defer { listener.process.kill() }
            let result = try await runTool([
                "send", listener.url, "--mode", "structured", "--source", "/s", "--type", "t",
                "--datacontenttype", "text/plain", "--data", String(repeating: "y", count: 500),
            ])
            #expect(result.status == 1)
            #expect(result.error.contains("rejected_by_peer (HTTP 413)"), "\(result.error)")
            #expect(result.error.contains("limit_exceeded"), "the response body snippet: \(result.error)")
            #expect(listener.process.output.text.isEmpty)
            #expect(try await listener.stop() == 0)
        }

        @Test("send: connection refused exits 2 with the reason, after the retry budget rather than the deadline")
        func connectionRefused() async throws {
            // A port held by this test, bound and not listening: connections are refused, and no
            // other test's server can be given it meanwhile.
            let result = try await withClosedPort { port in
                try await runTool(
                    [
                        "send", "http://127.0.0.1:\(port)/", "--source", "/s", "--type", "t", "--max-attempts", "3",
                        "--timeout", "600",
                    ], timeout: .seconds(300))
            }
            #expect(result.status == 2)
            #expect(result.error.contains("connection_failed"), "\(result.error)")
            // Promptly: it gave up when the three attempts were used up, not at its (600 s) deadline,
            // which would have been deadline_exceeded.
            #expect(result.error.contains("(3 attempts)"), "\(result.error)")
        }

        @Test("send: bad input is refused before anything is sent")
        func badSendInput() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let invalid = try directory.write("invalid.json", #"{"specversion":"1.0","id":"x","source":"","type":"t"}"#)
            let batch = try directory.write("batch.json", #"[{"specversion":"1.0","id":"x","source":"/s","type":"t"}]"#)
            // Nothing listens there (the port is held by this test): were anything sent, it would fail
            // to connect, not reach some other test's server.
            try await withClosedPort { port in
                let url = "http://127.0.0.1:\(port)/"
                let invalidEvent = try await runTool(["send", url, "--event", invalid])
                #expect(invalidEvent.status == 65)
                #expect(invalidEvent.error.contains("source"))
                let batchInStructured = try await runTool(["send", url, "--mode", "structured", "--event", batch])
                #expect(batchInStructured.status == 65)
                #expect(batchInStructured.error.contains("--mode batch"))
                let badExtension = try await runTool([
                    "send", url, "--source", "/s", "--type", "t", "--ext", "n:integer=1.5",
                ])
                #expect(badExtension.status == 64)
                #expect(badExtension.error.contains("--ext n"))
                let mixed = try await runTool(["send", url, "--event", batch, "--id", "x"])
                #expect(mixed.status == 64)
                let badTime = try await runTool([
                    "send", url, "--source", "/s", "--type", "t", "--time", "2024-05-20 14:23",
                ])
                #expect(badTime.status == 64)
            }
        }

        @Test("SIGINT stops the listener cleanly")
        func interrupt() async throws {
            let listener = try await Listener.start()
            defer { listener.process.kill() }
            listener.process.signal(SIGINT)
            #expect(try await listener.process.waitForExit(timeout: .seconds(30)) == 0)
            #expect(listener.process.output.text.isEmpty)
        }

        /// POSTs `body` with `contentType`; returns the status and body.
        private func post(to url: String, contentType: String, body: String) async throws -> (status: Int, body: String)
        {
            var request = URLRequest(url: try #require(URL(string: url)))
            request.httpMethod = "POST"
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.utf8)
            request.timeoutInterval = 30
            return try await withCheckedThrowingContinuation { continuation in
                URLSession.shared.dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else {
                        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                        continuation.resume(returning: (status, String(decoding: data ?? Data(), as: UTF8.self)))
                    }
                }.resume()
            }
        }
    }
#endif
