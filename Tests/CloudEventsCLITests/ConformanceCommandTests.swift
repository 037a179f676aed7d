import CoreTestSupport
import Foundation
import Testing

@Suite("cloudevents conformance")
struct ConformanceCommandTests {
    /// The repository's copy of the upstream cases, which the tool has built in.
    static let casesDirectory = TestMaterial.packageRoot + "/Sources/CloudEventsConformance/Cases"

    @Test("check with no --dir passes every built-in upstream case, one line each, then 'N passed, 0 failed'")
    func checkUpstream() async throws {
        let result = try await runTool(["conformance", "check"])
        #expect(result.status == 0, "\(result.output)\(result.error)")
        let lines = result.outputLines
        let summary = try #require(lines.last)
        let passed = try #require(Int(summary.prefix { $0.isNumber }))
        #expect(passed > 0)
        #expect(summary.hasPrefix("\(passed) passed, 0 failed"), "\(summary)")
        #expect(lines.filter { $0.hasPrefix("PASS ") }.count == passed)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("PASS ") || $0.hasPrefix("SKIP ") })
        // The four upstream YAML files (28 runs), the HTTP feature (4) and the Kafka one (3).
        #expect(summary == "35 passed, 0 failed")
        let runs = 28 + 4 + 3
        #expect(lines.count == runs + 1)
        #expect(
            lines.contains("PASS yaml/v1.0/v1_minimum.yaml#0 (Minimum plain/text; charset=us-ascii) [binary]"),
            "\(result.output)")

        // --dir still runs any directory: the same files from disk give the same lines.
        let fromDisk = try await runTool(["conformance", "check", "--dir", Self.casesDirectory])
        #expect(fromDisk.status == 0, "\(fromDisk.error)")
        #expect(fromDisk.output == result.output)
    }

    @Test("check --dir skips hidden folders and build folders (a package's .build/checkouts)")
    func checkSkipsHiddenAndBuildFolders() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let v1Cases = try String(contentsOfFile: Self.casesDirectory + "/yaml/v1.yaml", encoding: .utf8)
        _ = try directory.write("cases/v1.yaml", v1Cases)
        // What a package's build folder holds: YAML files that are not conformance cases.
        _ = try directory.write(".build/checkouts/Yams/.jazzy.yaml", "module: Yams\nauthor: [JP Simard")
        _ = try directory.write(".build/checkouts/Yams/Tests/fixture.yaml", "- not a case")
        _ = try directory.write("build/debug/x.yaml", "- not a case")
        let result = try await runTool(["conformance", "check", "--dir", directory.url.path])
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.outputLines.last == "2 passed, 0 failed")
        #expect(result.outputLines.allSatisfy { !$0.contains(".build") && !$0.contains("build/") })
    }

    @Test("check reports a failing case and exits 1")
    func checkFailing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write(
            "v1.0/bad.yaml",
            """
            # An extension name the specification forbids
            ContextAttributes:
              specversion: 1.0
              id: bad-0001
              source: /conformance
              type: com.example.bad
              Extensions:
                Not_Valid: "x"
            """)
        let result = try await runTool(["conformance", "check", "--dir", directory.url.path])
        #expect(result.status == 1)
        #expect(result.outputLines.filter { $0.hasPrefix("FAIL v1.0/bad.yaml#0") }.count == 2, "\(result.output)")
        #expect(result.outputLines.last == "0 passed, 2 failed")
    }

    @Test("check refuses a directory without cases, or no directory")
    func checkNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let empty = try await runTool(["conformance", "check", "--dir", directory.url.path])
        #expect(empty.status == 1)
        #expect(empty.outputLines.last == "0 passed, 0 failed")
        #expect(empty.error.contains("no conformance cases"))
        let missing = try await runTool(["conformance", "check", "--dir", "/nonexistent/conformance"])
        #expect(missing.status == 1)
        #expect(!missing.error.isEmpty)
    }

    #if Hummingbird && AsyncHTTPClient
        @Test("send delivers every case to a listener")
        func sendToListener() async throws {
            let listener = try await Listener.start()
            defer { listener.process.kill() }
            let check = try await runTool(["conformance", "check"])
            // send takes the YAML cases (the feature files are raw requests to decode, not events to send).
            let expected = check.outputLines.filter { $0.hasPrefix("PASS yaml/") }.count
            #expect(expected == 28)
            let result = try await runTool(["conformance", "send", listener.url])
            #expect(result.status == 0, "\(result.output)\(result.error)")
            #expect(result.outputLines.last == "\(expected) passed, 0 failed")
            let lines = try await listener.waitForLines(expected)
            #expect(lines.count == expected)
            #expect(try await listener.stop() == 0)
        }

        @Test("send exits non-zero when the receiver refuses")
        func sendRefused() async throws {
            let listener = try await Listener.start(["--max-body-size", "10"])
            defer { listener.process.kill() }
            let result = try await runTool(["conformance", "send", listener.url, "--dir", Self.casesDirectory + "/yaml"])
            #expect(result.status == 1)
            #expect(result.output.contains("FAIL "))
            #expect(result.output.contains("(HTTP 413)"), "\(result.output)")
            #expect(try await listener.stop() == 0)
        }
    #endif
}
