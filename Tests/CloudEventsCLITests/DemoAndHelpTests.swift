import Foundation
import Testing

@Suite("cloudevents demo and help")
struct DemoAndHelpTests {
    #if Hummingbird && AsyncHTTPClient
        @Test("demo sends in every mode; every value arrives, typed, or in binary mode as text marked '~'")
        func demo() async throws {
            let result = try await runTool(["demo"], timeout: .seconds(600))
            #expect(result.status == 0, "\(result.output)\(result.error)")
            // The last line says exactly what the table shows: binary mode carries extensions as text.
            let summary = try #require(result.outputLines.last)
            #expect(summary.hasPrefix("Every event arrived with the same values and data bytes; "), "\(summary)")
            #expect(summary.contains("arrived as a String of the same canonical text (marked '~')"))
            // '~' marks a typed value arriving as String text: in binary mode every extension that is
            // not a String, in the JSON format's modes never a Boolean or an Integer.
            let sections = result.output.components(separatedBy: "\n\n")
            for section in sections where !section.contains("binary-mode request") {
                let marked = section.split(separator: "\n").filter { $0.hasPrefix("~ ") }
                #expect(!marked.contains { $0.contains("(Boolean)") || $0.contains("(Integer)") }, "\(section)")
            }
            for section in sections where section.contains("binary-mode request") {
                #expect(section.contains("~ critical "), "a Boolean in binary mode arrives as text")
            }
            let untyped = result.outputLines.filter { $0.hasPrefix("~ ") }
            #expect(!untyped.isEmpty)
            #expect(untyped.allSatisfy { $0.hasSuffix("(String)") })
            #expect(summary.contains("; \(untyped.count) extension value(s)"), "\(summary)")
            for mode in ["binary", "structured", "batch"] {
                #expect(
                    result.output.contains("sent in a \(mode)-mode request")
                        || result.output.contains("one \(mode)-mode request"))
            }
            for type in ["Boolean", "Integer", "String", "Binary", "URI", "URI-reference", "Timestamp"] {
                #expect(result.output.contains("(\(type))"), "an extension of type \(type)")
            }
            #expect(result.output.contains("2024-05-20T14:23:18.123456789+08:00"))
            #expect(!result.output.contains("\n! "))
        }
    #endif

    @Test("every command documents its contract in --help")
    func help() async throws {
        var expectations: [[String]: [String]] = [
            ["--help"]: ["validate", "eval", "filter", "conformance"],
            ["validate", "--help"]: ["event", "batch", "--timing", "Exit status"],
            ["conformance", "check", "--help"]: ["--dir", "N passed, M failed", "SKIP"],
            ["eval", "--help"]: ["--event", "'error: KIND: message'", "missingAttribute", "Exit status", "2 when"],
            ["filter", "--help"]: ["--dialect", "DIALECT_FILE", "listen's format", "Exit status"],
        ]
        #if Hummingbird && AsyncHTTPClient
            expectations.merge([
                ["--help"]: ["listen", "send", "validate", "conformance", "demo"],
                ["listen", "--help"]: [
                    "--port", "--host", "127.0.0.1", "400", "413", "415", "SIGTERM", "listening on",
                ],
                ["send", "--help"]: [
                    "--mode", "--event", "--ext", "name:TYPE=value", "--data-file", "fresh random UUID", "65",
                    // The library's default number of attempts (RetryPolicy), not one of its own.
                    "1 never retries. (default: 4)",
                ],
                ["conformance", "send", "--help"]: ["--dir", "2xx"],
                ["demo", "--help"]: ["binary", "structured", "batch"],
            ]) { _, new in new }
        #endif
        for (arguments, needles) in expectations {
            let result = try await runTool(arguments)
            #expect(result.status == 0, "\(arguments)")
            for needle in needles {
                #expect(result.output.contains(needle), "\(arguments.joined(separator: " ")) mentions \(needle)")
            }
        }
    }
}
