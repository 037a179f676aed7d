#if Vapor && AsyncHTTPClient
    import CloudEvents
    import CloudEventsHTTP
    import HTTPTypes
    import CoreTestSupport
    import Foundation
    import Testing
    import TransportTestSupport

    /// README's Vapor sections are the code of ReadmeSnippets.swift, which compiles.
    @Suite("README: Vapor", .timeLimit(.minutes(10)))
    struct ReadmeVaporTests {
        /// The Swift block under `heading` in README, without its `import` lines.
        static func readmeBlock(under heading: String) throws -> [String] {
            let readme = try String(contentsOfFile: TestMaterial.packageRoot + "/README.md", encoding: .utf8)
            let section = try #require(readme.components(separatedBy: "### \(heading)\n").dropFirst().first)
            let block = try #require(section.components(separatedBy: "```swift\n").dropFirst().first)
            return block.components(separatedBy: "```")[0].split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init).filter { !$0.hasPrefix("import ") && !$0.isEmpty }
        }

        /// The body of the function after the `/// README: heading` line of ReadmeSnippets.swift, dedented.
        static func snippet(_ heading: String) throws -> [String] {
            let source = try String(
                contentsOfFile: TestMaterial.packageRoot + "/Tests/CloudEventsVaporTests/ReadmeSnippets.swift",
                encoding: .utf8)
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let marker = try #require(lines.firstIndex(of: "    /// README: \(heading)"))
            let open = try #require(lines[marker...].firstIndex { $0.hasSuffix("{") })
            let close = try #require(lines[open...].firstIndex(of: "    }"))
            return lines[(open + 1)..<close].filter { !$0.contains("return (reply, replies)") }.map {
                String($0.dropFirst(8))
            }
        }

        @Test("README shows ReadmeSnippets.swift's code", arguments: ["Receive with Vapor", "Send with Vapor"])
        func readmeMatchesCompiledSnippet(heading: String) throws {
            #expect(try Self.readmeBlock(under: heading) == Self.snippet(heading))
        }

        #if Vapor
            @Test("README's receiving routes answer on a real Vapor application")
            func readmeRoutesRun() async throws {
                let answers = try await withVaporApplication(configure: readmeReceiveWithVapor) { port, _ in
                    (
                        try await RawHTTPClient.post(try HTTPEventEncoder().encode(TestEvents.small()), port: port),
                        try await RawHTTPClient.post(
                            try HTTPEventEncoder(mode: .structured).encode(TestEvents.small()), port: port,
                            path: "/orders")
                    )
                }
                #expect(answers.0.status == 202)
                #expect(answers.1.status == 200)
                let ack = try HTTPEventDecoder().decode(headerFields: answers.1.headerFields, body: answers.1.body)
                #expect(ack.mode == .structured)
                #expect(ack.events.first?.type == "com.example.ack")
            }
        #endif
    }
#endif
