import CoreTestSupport
import Foundation
import Testing

/// README's "Add it to your package": the manifest it shows is Examples/QuickStart's, SwiftPM
/// accepts it (products and traits included), and its program runs and shuts down without an error.
@Suite("README's quick start package", .timeLimit(.minutes(10)))
struct QuickStartTests {
    static let exampleDirectory = URL(fileURLWithPath: TestMaterial.packageRoot + "/Examples/QuickStart")

    /// The `.package(...)` line of swift-cloudevents: a URL in README, the repository's path in the example.
    static func isOwnPackageLine(_ line: Substring) -> Bool {
        line.contains(".package(") && line.contains("swift-cloudevents") || line.contains(#".package(path: "../..""#)
    }

    @Test("README shows Examples/QuickStart/Package.swift, apart from how it names this package")
    func readmeShowsTheExampleManifest() throws {
        let readme = try String(contentsOfFile: TestMaterial.packageRoot + "/README.md", encoding: .utf8)
        let manifest = try String(
            contentsOf: Self.exampleDirectory.appendingPathComponent("Package.swift"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```swift\n").dropFirst().map {
            $0.components(separatedBy: "```")[0]
        }
        let shown = try #require(blocks.first { $0.hasPrefix("// swift-tools-version") }, "README has no manifest")
        let shownLines = shown.split(separator: "\n", omittingEmptySubsequences: false)
        let exampleLines = manifest.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(shownLines.filter { !Self.isOwnPackageLine($0) } == exampleLines.filter { !Self.isOwnPackageLine($0) })
        let ownLine = try #require(shownLines.first(where: Self.isOwnPackageLine))
        #expect(ownLine.contains(#"url: "https://github.com/"#))
        #expect(ownLine.contains(#"traits: ["Hummingbird", "AsyncHTTPClient"]"#), "\(ownLine)")
    }

    @Test("SwiftPM loads the example's manifest: every product and trait it names exists")
    func manifestResolves() async throws {
        // The package identity of a path dependency is its folder's name: give the repository the
        // name a clone has, whatever this checkout's folder is called.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let repository = directory.url.appendingPathComponent("swift-cloudevents")
        try FileManager.default.createSymbolicLink(
            at: repository, withDestinationURL: URL(fileURLWithPath: TestMaterial.packageRoot))
        let example = directory.url.appendingPathComponent("QuickStart")
        let manifest = try String(
            contentsOf: Self.exampleDirectory.appendingPathComponent("Package.swift"), encoding: .utf8)
        _ = try directory.write(
            "QuickStart/Package.swift",
            manifest.replacingOccurrences(of: #"path: "../..""#, with: #"path: "../swift-cloudevents""#))
        _ = try directory.write("QuickStart/Sources/OrdersService/main.swift", "")
        let result = try await runTool(
            ["swift", "package", "--scratch-path", example.appendingPathComponent(".build").path, "show-dependencies"],
            timeout: .seconds(540), executable: URL(fileURLWithPath: "/usr/bin/env"), directory: example)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("hummingbird"), "\(result.output)")
    }

    @Test("the example sends three events to its own receiver and shuts down gracefully, logging no error")
    func programRuns() async throws {
        let result = try await runTool(
            [], timeout: .seconds(300), executable: ToolLocation.executable(named: "QuickStartExample"))
        let log = result.output + result.error
        #expect(result.status == 0, "\(log)")
        #expect(log.components(separatedBy: "received com.example.order.created").count - 1 == 3, "\(log)")
        #expect(log.components(separatedBy: " sent ").count - 1 == 3, "\(log)")
        #expect(log.contains("stopped gracefully"), "\(log)")
        for bad in ["error", "CancellationError", "Already closed", "warning"] {
            #expect(!log.localizedCaseInsensitiveContains(bad), "\(bad) in \(log)")
        }
    }
}
