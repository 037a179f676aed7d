// Needs `listen --websocket` and `send ws://`, which the tool has with the default package traits.
#if Hummingbird && AsyncHTTPClient && WebSocket
    import Foundation
    import Testing

    /// A `cloudevents listen --websocket --port 0` process, with the port it printed.
    struct WebSocketListener {
        let process: ToolProcess
        let port: Int
        var url: String { "ws://127.0.0.1:\(port)/" }

        static func start() async throws -> WebSocketListener {
            let process = try ToolProcess(["listen", "--websocket", "--port", "0"])
            var port: Int?
            try await process.waitUntil("the listening line", timeout: .seconds(300)) {
                port = process.error.lines.lazy.compactMap(Self.port(in:)).first
                return port != nil || !process.isRunning
            }
            guard let port else {
                process.kill()
                throw ToolTestError("listen --websocket exited early: \(process.error.text)")
            }
            return WebSocketListener(process: process, port: port)
        }

        private static func port(in line: String) -> Int? {
            guard let range = line.range(of: "listening on ws://127.0.0.1:") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }

        /// The event lines, once there are `count`.
        func waitForLines(_ count: Int) async throws -> [String] {
            try await Listener(process: process, port: port).waitForLines(count)
        }

        /// Sends SIGTERM; the exit status.
        func stop() async throws -> Int32 {
            try await Listener(process: process, port: port).stop()
        }
    }

    @Suite("cloudevents listen --websocket and send ws://", .timeLimit(.minutes(10)))
    struct ListenSendWebSocketTests {
        static let batch =
            #"[{"specversion":"1.0","id":"b-1","source":"/cli/ws","type":"t","count":5,"data":{"a":1E+2}},"#
            + #"{"specversion":"1.0","id":"b-2","source":"/cli/ws","type":"t","datacontenttype":"text/plain","data":"two"}]"#

        @Test("events from flags and a batch file, over two connections, print as HTTP listen prints them; exit 0")
        func sendAndListen() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let file = try directory.write("batch.json", Self.batch)
            let flags = [
                "--id", "e-1", "--source", "/cli/ws", "--type", "com.example.test", "--time",
                "2024-05-20T14:23:18.123456789+08:00", "--ext", "count:integer=5", "--data", #"{"total":1.10}"#,
            ]
            let listener = try await WebSocketListener.start()
            defer { listener.process.kill() }
            let first = try await runTool(["send", listener.url] + flags)
            #expect(first.status == 0, "\(first.error)")
            let second = try await runTool(["send", listener.url, "--event", file])
            #expect(second.status == 0, "\(second.error)")
            let lines = try await listener.waitForLines(3)
            #expect(try await listener.stop() == 0)

            // The same events through HTTP listen, structured mode: the lines must be identical.
            let http = try await Listener.start()
            defer { http.process.kill() }
            #expect(try await runTool(["send", http.url, "--mode", "structured"] + flags).status == 0)
            #expect(try await runTool(["send", http.url, "--mode", "batch", "--event", file]).status == 0)
            let httpLines = try await http.waitForLines(3)
            #expect(try await http.stop() == 0)
            #expect(lines == httpLines)
            #expect(lines.count == 3)
        }

        @Test("no listener: exit 2; an invalid event: exit 65, nothing sent")
        func exitStatuses() async throws {
            let listener = try await WebSocketListener.start()
            let closedURL = listener.url
            #expect(try await listener.stop() == 0)
            let refused = try await runTool([
                "send", closedURL, "--source", "/s", "--type", "t", "--max-attempts", "2",
            ])
            #expect(refused.status == 2, "\(refused.error)")
            #expect(refused.error.contains("connection_failed"))

            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let invalid = try directory.write("invalid.json", #"{"specversion":"1.0","source":"/s","type":"t"}"#)
            let live = try await WebSocketListener.start()
            defer { live.process.kill() }
            let result = try await runTool(["send", live.url, "--event", invalid])
            #expect(result.status == 65, "\(result.error)")
            #expect(try await live.stop() == 0)
            #expect(live.process.output.lines.isEmpty)
        }
    }
#endif
