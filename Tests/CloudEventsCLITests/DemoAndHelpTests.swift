import Foundation
import Testing

@Suite("cloudevents demo and help")
struct DemoAndHelpTests {
    #if Hummingbird && AsyncHTTPClient
        @Test("demo sends in every mode and everything arrives identical, well under a minute")
        func demo() async throws {
            let start = ContinuousClock.now
            let result = try await runTool(["demo"], timeout: .seconds(60))
            #expect(result.status == 0, "\(result.output)\(result.error)")
            #expect(result.output.contains("Every event arrived identical"))
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
            #expect(ContinuousClock.now - start < .seconds(60))
        }
    #endif

    @Test("every command documents its contract in --help")
    func help() async throws {
        var expectations: [[String]: [String]] = [
            ["--help"]: ["validate", "conformance"],
            ["validate", "--help"]: ["event", "batch", "--timing", "Exit status"],
            ["conformance", "check", "--help"]: ["--dir", "N passed, M failed", "SKIP"],
        ]
        #if Hummingbird && AsyncHTTPClient
            expectations.merge([
                ["--help"]: ["listen", "send", "validate", "conformance", "demo"],
                ["listen", "--help"]: [
                    "--port", "--host", "127.0.0.1", "400", "413", "415", "SIGTERM", "listening on",
                ],
                ["send", "--help"]: [
                    "--mode", "--event", "--ext", "name:TYPE=value", "--data-file", "fresh random UUID", "65",
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
