import CoreTestSupport
import Foundation
import Synchronization
import Testing

/// Where the built `cloudevents` tool is.
enum ToolLocation {
    /// The `cloudevents` executable (or another of this package's, by `name`): `$CLOUDEVENTS_TOOL`
    /// if set, otherwise next to the test bundle (SwiftPM puts executables and the test bundle in
    /// the same build directory).
    static func executable(named name: String = "cloudevents") throws -> URL {
        var candidates: [URL] = []
        if name == "cloudevents", let override = ProcessInfo.processInfo.environment["CLOUDEVENTS_TOOL"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent(name))
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent(name))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(name))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw ToolTestError("the cloudevents executable is not in any of \(candidates.map(\.path))")
    }

}

/// A failure of the test harness itself.
struct ToolTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Bytes read from a pipe by a background thread, readable while the process runs.
final class PipeCollector: Sendable {
    private let bytes = Mutex<[UInt8]>([])
    private let finished = Mutex(false)

    /// Starts reading `pipe` until end of file.
    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        let thread = Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                bytes.withLock { $0.append(contentsOf: chunk) }
            }
            finished.withLock { $0 = true }
        }
        thread.start()
    }

    /// Everything read so far, as text.
    var text: String { String(decoding: bytes.withLock { $0 }, as: UTF8.self) }

    /// Everything read so far, as bytes.
    var data: [UInt8] { bytes.withLock { $0 } }

    /// Whether the writer closed the pipe and everything was read.
    var isFinished: Bool { finished.withLock { $0 } }

    /// The complete lines read so far.
    var lines: [String] {
        let all = text
        guard let lastNewline = all.lastIndex(of: "\n") else { return [] }
        return all[..<lastNewline].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

/// A running `cloudevents` process with its standard output and error collected.
final class ToolProcess: Sendable {
    private let process: Process
    /// Standard output, as it arrives.
    let output: PipeCollector
    /// Standard error, as it arrives.
    let error: PipeCollector

    /// Starts `cloudevents arguments...` (or another `executable`), with `input` on its standard
    /// input (then closed), in `directory` when one is given.
    init(_ arguments: [String], input: [UInt8] = [], executable: URL? = nil, directory: URL? = nil) throws {
        let process = Process()
        process.executableURL = try executable ?? ToolLocation.executable()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let inputPipe = Pipe()
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardInput = inputPipe
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        output = PipeCollector(outputPipe)
        error = PipeCollector(errorPipe)
        try process.run()
        self.process = process
        let writer = inputPipe.fileHandleForWriting
        Thread { writer.writeToChild(input) }.start()
    }

    /// The process identifier.
    var processIdentifier: Int32 { process.processIdentifier }

    /// Whether the process still runs.
    var isRunning: Bool { process.isRunning }

    /// Waits until `condition` holds, polling, or fails after `timeout` (a bound for a hung process,
    /// far above what any condition takes on a loaded machine: it never decides a passing test).
    func waitUntil(_ what: String, timeout: Duration = .seconds(300), _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while !condition() {
            guard ContinuousClock.now < deadline else {
                throw ToolTestError("timed out after \(timeout) waiting for \(what); stderr: \(error.text)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits for the process to exit and its output to be read; returns the exit status. Kills it
    /// (and fails) after `timeout`.
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(300)) async throws -> Int32 {
        do {
            try await waitUntil("the process to exit", timeout: timeout) {
                !process.isRunning && output.isFinished && error.isFinished
            }
        } catch {
            kill()
            throw error
        }
        return process.terminationStatus
    }

    /// Sends `signal` to the process.
    func signal(_ signal: Int32) {
        if process.isRunning { Foundation.kill(process.processIdentifier, signal) }
    }

    /// Kills the process if it still runs.
    func kill() {
        signal(SIGKILL)
    }

    deinit {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }
}

/// The outcome of a finished `cloudevents` run.
struct ToolResult {
    var status: Int32
    var output: String
    var error: String
    /// Standard output as bytes, for a command that writes binary.
    var outputBytes: [UInt8] = []
    var outputLines: [String] {
        output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}

/// Runs `cloudevents arguments...` (or another `executable`) to completion (killing it after `timeout`).
func runTool(
    _ arguments: [String], input: [UInt8] = [], timeout: Duration = .seconds(300), executable: URL? = nil,
    directory: URL? = nil
) async throws -> ToolResult {
    let process = try ToolProcess(arguments, input: input, executable: executable, directory: directory)
    let status = try await process.waitForExit(timeout: timeout)
    return ToolResult(
        status: status, output: process.output.text, error: process.error.text, outputBytes: process.output.data)
}

/// A `cloudevents listen --port 0` process, with the port it printed.
struct Listener {
    let process: ToolProcess
    let port: Int
    var url: String { "http://127.0.0.1:\(port)/" }

    /// Starts a listener and waits for its `listening on http://127.0.0.1:PORT/` line.
    static func start(_ extraArguments: [String] = []) async throws -> Listener {
        let process = try ToolProcess(["listen", "--port", "0"] + extraArguments)
        var port: Int?
        do {
            try await process.waitUntil("the listening line", timeout: .seconds(300)) {
                port = process.error.lines.lazy.compactMap(Self.port(in:)).first
                return port != nil || !process.isRunning
            }
        } catch {
            process.kill()
            throw error
        }
        guard let port else {
            process.kill()
            throw ToolTestError("listen exited early: \(process.error.text)")
        }
        return Listener(process: process, port: port)
    }

    private static func port(in line: String) -> Int? {
        let marker = "listening on http://127.0.0.1:"
        guard let range = line.range(of: marker) else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }

    /// Waits until standard output has `count` lines; returns them.
    func waitForLines(_ count: Int, timeout: Duration = .seconds(300)) async throws -> [String] {
        try await process.waitUntil("\(count) event lines", timeout: timeout) { process.output.lines.count >= count }
        return process.output.lines
    }

    /// Stops it with SIGTERM; returns its exit status.
    func stop() async throws -> Int32 {
        process.signal(SIGTERM)
        return try await process.waitForExit(timeout: .seconds(300))
    }
}

/// A temporary directory, removed by ``remove()``.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cloudevents-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` in the directory; returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// Writes `bytes` to `name` in the directory; returns its path.
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
