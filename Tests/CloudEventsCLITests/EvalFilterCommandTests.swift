import CoreTestSupport
import Foundation
import Testing

@Suite("cloudevents eval and filter")
struct EvalFilterCommandTests {
    static let order =
        #"{"specversion":"1.0","id":"o-1","source":"/orders/eu","type":"com.example.order.created","retrycount":3}"#
    static let refund = #"{"specversion":"1.0","id":"r-1","source":"/refunds","type":"com.example.refund.created"}"#

    @Test(
        "eval prints the result as one JSON value and exits 0",
        arguments: [
            ("1 + 2 * 3", "7"), ("CONCAT('a', 'b')", "\"ab\""), ("type = 't'", "true"), ("LENGTH('Zoë')", "3"),
            ("CONCAT('say \"', 'hi', '\"')", #""say \"hi\"""#),
        ])
    func evalDefaultEvent(expression: String, expected: String) async throws {
        let result = try await runTool(["eval", expression])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == expected + "\n")
        #expect(result.error.isEmpty)
    }

    @Test("eval against --event FILE and standard input")
    func evalEvent() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("order.json", Self.order)
        let fromFile = try await runTool(["eval", "retrycount < 5 AND source LIKE '/orders/%'", "--event", file])
        #expect(fromFile.status == 0, "\(fromFile.error)")
        #expect(fromFile.output == "true\n")
        let fromInput = try await runTool(["eval", "id", "--event", "-"], input: Array(Self.order.utf8))
        #expect(fromInput.output == "\"o-1\"\n")
        let invalid = try await runTool(["eval", "id", "--event", "-"], input: Array("{}".utf8))
        #expect(invalid.status == 65)
        #expect(invalid.output.isEmpty)
    }

    @Test("eval with evaluation errors prints the result, one 'error: KIND: message' line each, and exits 1")
    func evalErrors() async throws {
        let result = try await runTool(["eval", "missing + 1"])
        #expect(result.status == 1)
        // The subexpression that reads the missing attribute is the zero value of its type (spec §3.2).
        #expect(result.output == "0\n")
        #expect(result.error.hasPrefix("error: missingAttribute: "), "\(result.error)")
        let division = try await runTool(["eval", "5 / 0"])
        #expect(division.status == 1)
        #expect(division.output == "0\n")
        #expect(division.error.hasPrefix("error: math: "), "\(division.error)")
    }

    @Test(
        "eval of an expression that does not parse: nothing on stdout, 'error: parse: ...', exit 2",
        arguments: ["'abc", "1 +", "AND"])
    func evalParseError(expression: String) async throws {
        let result = try await runTool(["eval", expression])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.error.hasPrefix("error: parse: "), "\(result.error)")
    }

    @Test("filter prints the matching events in listen's format: a single event, a batch, one per line")
    func filterInputs() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let single = try directory.write("single.json", "  \(Self.order)\n")
        let batch = try directory.write("batch.json", "[\(Self.refund),\(Self.order)]")
        let lines = "\(Self.order)\n\(Self.refund)\n\(Self.order.replacingOccurrences(of: "o-1", with: "o-2"))\n"
        let result = try await runTool(
            ["filter", "type LIKE 'com.example.order.%'", single, batch, "-"], input: Array(lines.utf8))
        #expect(result.status == 0, "\(result.error)")
        let ids = result.outputLines.map { line in line.components(separatedBy: #""id":""#)[1].prefix { $0 != "\"" } }
        #expect(ids == ["o-1", "o-1", "o-1", "o-2"])
        // listen's format: compact, the encoder's member order.
        #expect(result.outputLines.first == Self.order)
    }

    @Test("filter reports an evaluation error with the event's id, and the event does not match")
    func filterErrors() async throws {
        let input = "\(Self.order)\n\(Self.refund)\n"
        let result = try await runTool(["filter", "retrycount > 1"], input: Array(input.utf8))
        #expect(result.status == 0)
        #expect(result.outputLines.count == 1)
        #expect(result.error.contains("event r-1: error: missingAttribute: "), "\(result.error)")
    }

    @Test("filter --dialect: Subscriptions API filters, all of which must match")
    func filterDialect() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let dialects = try directory.write(
            "filters.json", #"[{"prefix":{"type":"com.example."}},{"not":{"exact":{"source":"/refunds"}}}]"#)
        let result = try await runTool(
            ["filter", "--dialect", dialects], input: Array("\(Self.order)\n\(Self.refund)\n".utf8))
        #expect(result.status == 0, "\(result.error)")
        #expect(result.outputLines == [Self.order])
        let unknown = try directory.write("unknown.json", #"[{"regex":{"type":"x"}}]"#)
        let refused = try await runTool(["filter", "--dialect", unknown], input: [])
        #expect(refused.status == 2)
        #expect(refused.error.contains("regex"), "\(refused.error)")
    }

    @Test("filter: an invalid event is reported and skipped, reading goes on, exit 1; a bad expression exits 2")
    func filterInvalid() async throws {
        let input = "{\"specversion\":\"1.0\",\"id\":\"\"}\n\(Self.order)\n"
        let result = try await runTool(["filter", "true"], input: Array(input.utf8))
        #expect(result.status == 1)
        #expect(result.outputLines == [Self.order])
        #expect(!result.error.isEmpty)
        let bad = try await runTool(["filter", "1 +"], input: Array(Self.order.utf8))
        #expect(bad.status == 2)
        #expect(bad.output.isEmpty)
    }

    #if Hummingbird && AsyncHTTPClient
        @Test("listen | filter: each matching event comes out while both keep running", .timeLimit(.minutes(10)))
        func listenPipe() async throws {
            // listen's standard output is filter's standard input, as in a shell pipe.
            let pipe = Pipe()
            let listen = Process()
            listen.executableURL = try ToolLocation.executable()
            listen.arguments = ["listen", "--port", "0"]
            listen.standardOutput = pipe
            let listenErrors = Pipe()
            listen.standardError = listenErrors
            let listenError = PipeCollector(listenErrors)
            let filter = Process()
            filter.executableURL = try ToolLocation.executable()
            filter.arguments = ["filter", "type = 'com.example.order.created'"]
            filter.standardInput = pipe
            let filterOutput = Pipe()
            filter.standardOutput = filterOutput
            let matched = PipeCollector(filterOutput)
            try listen.run()
            try filter.run()
            defer {
                if listen.isRunning { kill(listen.processIdentifier, SIGKILL) }
                if filter.isRunning { kill(filter.processIdentifier, SIGKILL) }
            }
            // The pipe's ends now belong to the two processes.
            try pipe.fileHandleForReading.close()
            try pipe.fileHandleForWriting.close()
            var port: Int?
            while port == nil, listen.isRunning {
                port =
                    listenError.lines.lazy.compactMap { line -> Int? in
                        guard let range = line.range(of: "listening on http://127.0.0.1:") else { return nil }
                        return Int(line[range.upperBound...].prefix { $0.isNumber })
                    }.first
                try await Task.sleep(for: .milliseconds(10))
            }
            let url = "http://127.0.0.1:\(try #require(port))/"
            for (id, type) in [
                ("a", "com.example.order.created"), ("b", "com.example.refund.created"),
                ("c", "com.example.order.created"),
            ] {
                let sent = try await runTool(["send", url, "--id", id, "--source", "/s", "--type", type])
                #expect(sent.status == 0, "\(sent.error)")
            }
            // Both still run: the matching events came through the pipe as they arrived.
            while matched.lines.count < 2 { try await Task.sleep(for: .milliseconds(10)) }
            #expect(listen.isRunning && filter.isRunning)
            #expect(matched.lines.map { $0.contains(#""id":"a""#) || $0.contains(#""id":"c""#) } == [true, true])
            // SIGTERM stops listen; filter then reads the end of its input and exits 0.
            kill(listen.processIdentifier, SIGTERM)
            while filter.isRunning || !matched.isFinished { try await Task.sleep(for: .milliseconds(10)) }
            #expect(filter.terminationStatus == 0)
        }
    #endif
}
