// Needs `listen` and `send` with NATS, which the tool has with the default package traits.
#if Hummingbird && AsyncHTTPClient && NATS
    import Foundation
    import NATSTestSupport
    import Testing
    import TransportTestSupport

    @Suite("cloudevents listen --nats and send nats:// on a real nats-server", .timeLimit(.minutes(10)))
    struct NATSListenSendTests {
        /// Starts `cloudevents listen --nats ...` and waits for its `listening on` line.
        static func listen(_ arguments: [String]) async throws -> ToolProcess {
            let process = try ToolProcess(["listen"] + arguments)
            do {
                try await process.waitUntil("the listening line") {
                    process.error.text.contains("cloudevents listen: listening on") || !process.isRunning
                }
            } catch {
                process.kill()
                throw error
            }
            guard process.isRunning else { throw ToolTestError("listen exited early: \(process.error.text)") }
            return process
        }

        static let flags = ["--source", "/cli/nats", "--type", "com.example.nats"]

        @Test("send nats:// in binary and structured mode; listen --nats prints the lines the HTTP listen prints")
        func coreRoundTrip() async throws {
            try await withNATSServer { server in
                let listener = try await Self.listen([
                    "--nats", server.url, "--subject", "cli.>", "--queue", "printers",
                ])
                defer { listener.kill() }
                let binary = try await runTool(
                    [
                        "send", "\(server.url)/cli.one", "--id", "n-1", "--data", #"{"a":1}"#, "--datacontenttype",
                        "application/json",
                    ]
                        + Self.flags)
                #expect(binary.status == 0, "\(binary.error)")
                let structured = try await runTool(
                    [
                        "send", "\(server.url)/cli.two", "--mode", "structured", "--id", "n-2", "--ext",
                        "count:integer=5",
                    ]
                        + Self.flags)
                #expect(structured.status == 0, "\(structured.error)")
                try await listener.waitUntil("2 lines") { listener.output.lines.count >= 2 }
                #expect(
                    listener.output.lines == [
                        #"{"specversion":"1.0","id":"n-1","source":"/cli/nats","type":"com.example.nats","datacontenttype":"application/json","data":{"a":1}}"#,
                        #"{"specversion":"1.0","id":"n-2","source":"/cli/nats","type":"com.example.nats","count":5}"#,
                    ])
                listener.signal(SIGINT)
                #expect(try await listener.waitForExit() == 0)
                #expect(listener.error.text.contains("cloudevents listen: stopped"))
            }
        }

        @Test("send --jetstream exits 0 once the stream has the event; listen --stream --durable prints it and acks")
        func jetStreamRoundTrip() async throws {
            try await withNATSServer(jetStream: true) { server in
                // The listener creates the stream on its subject.
                let listener = try await Self.listen([
                    "--nats", server.url, "--subject", "orders", "--stream", "ORDERS", "--durable", "printer",
                ])
                let sent = try await runTool(
                    ["send", "\(server.url)/orders", "--jetstream", "--id", "j-1"] + Self.flags)
                #expect(sent.status == 0, "\(sent.error)")
                try await listener.waitUntil("1 line") { listener.output.lines.count >= 1 }
                #expect(
                    listener.output.lines == [
                        #"{"specversion":"1.0","id":"j-1","source":"/cli/nats","type":"com.example.nats"}"#
                    ])
                listener.signal(SIGTERM)
                #expect(try await listener.waitForExit() == 0)
                // The event was acked: a listener on the same durable gets nothing more.
                let again = try await Self.listen([
                    "--nats", server.url, "--subject", "orders", "--stream", "ORDERS", "--durable", "printer",
                ])
                defer { again.kill() }
                let second = try await runTool(
                    ["send", "\(server.url)/orders", "--jetstream", "--id", "j-2"] + Self.flags)
                #expect(second.status == 0, "\(second.error)")
                try await again.waitUntil("1 line") { again.output.lines.count >= 1 }
                #expect(again.output.lines.count == 1)
                #expect(again.output.lines.first?.contains(#""id":"j-2""#) == true)
                again.signal(SIGTERM)
                #expect(try await again.waitForExit() == 0)
            }
        }

        @Test("send nats:// exits 2 when no server answers and 65 for an invalid event")
        func exitStatuses() async throws {
            let unreachable = try await withClosedPort { port in
                try await runTool(
                    ["send", "nats://127.0.0.1:\(port)/x", "--id", "1", "--max-attempts", "1"] + Self.flags)
            }
            #expect(unreachable.status == 2, "\(unreachable.error)")
            #expect(unreachable.error.contains("connection_failed"))
            try await withNATSServer(jetStream: true) { server in
                let invalid = try await runTool(
                    ["send", "\(server.url)/x", "--event", "-"],
                    input: Array(#"{"specversion":"1.0","id":"x","source":"","type":"t"}"#.utf8))
                #expect(invalid.status == 65, "\(invalid.error)")
                #expect(invalid.error.contains("source"))
                let noStream = try await runTool(
                    ["send", "\(server.url)/nostream", "--jetstream", "--id", "1", "--max-attempts", "1"] + Self.flags)
                #expect(noStream.status != 0, "\(noStream.error)")
            }
        }
    }
#endif
