import Foundation

/// A failure to start or stop nats-server.
public struct NATSServerError: Error, CustomStringConvertible {
    /// What went wrong, with the server's log.
    public var description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}

/// A real `nats-server` for one test suite, on an ephemeral loopback port.
///
/// The server is started with `-p -1` (the kernel chooses a free port, so suites run in
/// parallel without clashing) and `-a 127.0.0.1`; the port is read from the line the server
/// logs once it listens, so a started server is ready for clients. ``restart()`` starts it
/// again on the same port and with the same arguments, as a restarted production server would
/// be. Tests that need JetStream pass `jetStream: true`, which adds `-js` with a store in a
/// temporary directory.
public final class NATSServerProcess: @unchecked Sendable {
    /// The flush, request and send timeouts of clients and senders in tests that are not about
    /// timeouts: two minutes, a bound on a broken test only, so that no test is decided by a
    /// timeout on a busy machine (a nats-server sharing two cores with builds can be slow to
    /// answer a PING for seconds).
    public static let patientTimeout: Duration = .seconds(120)

    // @unchecked: `process` and `log` change only under `lock`.
    private let lock = NSLock()
    private var process: Process?
    private var log = ""
    private let baseArguments: [String]
    private let storeDirectory: URL?
    /// The port the server listens on.
    public private(set) var port: Int = 0
    /// The port for cluster routes, when the server was started with `--cluster`.
    public private(set) var routePort: Int?

    /// `nats://127.0.0.1:<port>`.
    public var url: String { "nats://127.0.0.1:\(port)" }

    /// Starts a server with `arguments` added (for example `["--user", "a", "--pass", "b"]`).
    public init(arguments: [String] = [], jetStream: Bool = false) async throws {
        var base = ["-a", "127.0.0.1"] + arguments
        if jetStream {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "nats-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            storeDirectory = directory
            base += ["-js", "-sd", directory.path]
        } else {
            storeDirectory = nil
        }
        baseArguments = base
        try await start(port: -1)
    }

    /// Starts the process and reads its ports.
    private func start(port requested: Int) async throws {
        let clustered = baseArguments.contains("--cluster")
        var markers = ["Listening for client connections on "]
        if clustered { markers.append("Listening for route connections on ") }
        let ports = try await launch(port: requested, markers: markers)
        port = ports[0]
        routePort = clustered ? ports[1] : nil
    }

    /// The path of `nats-server`: `$NATS_SERVER`, or the first on `$PATH`, or Debian's.
    static func executable() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["NATS_SERVER"] { return URL(fileURLWithPath: path) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/sbin"
        for directory in path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/bin"] {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent("nats-server")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw NATSServerError("nats-server is not installed (scripts/test.sh installs Debian's package)")
    }

    /// Starts the process and returns the port of each marker's line ("Listening for client
    /// connections on 127.0.0.1:port"), once all have been logged.
    private func launch(port requested: Int, markers: [String]) async throws -> [Int] {
        let process = Process()
        process.executableURL = try Self.executable()
        process.arguments = baseArguments + ["-p", String(requested)]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        let (ports, portContinuation) = AsyncStream.makeStream(of: [Int]?.self)
        lock.withLock { log = "" }
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            if data.isEmpty {
                handle.readabilityHandler = nil
                portContinuation.yield(nil)
                portContinuation.finish()
                return
            }
            let text = self.lock.withLock {
                self.log += String(decoding: data, as: UTF8.self)
                return self.log
            }
            let found = markers.compactMap { marker -> Int? in
                guard let range = text.range(of: marker) else { return nil }
                let rest = text[range.upperBound...]
                let address = rest.prefix { !$0.isNewline }
                guard rest.contains(where: \.isNewline), let colon = address.lastIndex(of: ":") else { return nil }
                return Int(address[address.index(after: colon)...])
            }
            if found.count == markers.count {
                portContinuation.yield(found)
                portContinuation.finish()
            }
        }
        process.terminationHandler = { _ in
            portContinuation.yield(nil)
            portContinuation.finish()
        }
        try process.run()
        lock.withLock { self.process = process }
        var iterator = ports.makeAsyncIterator()
        guard let found = await iterator.next() ?? nil else {
            process.terminate()
            throw NATSServerError("nats-server did not start: \(serverLog)")
        }
        return found
    }

    /// What the server logged so far (this run).
    public var serverLog: String { lock.withLock { log } }

    /// Stops the server (SIGTERM) and waits for it to exit.
    public func stop() async {
        guard
            let process = lock.withLock({ () -> Process? in
                defer { self.process = nil }
                return self.process
            })
        else { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            // The handler and the check below may both see the exit: resume once.
            let resumed = NSLock()
            nonisolated(unsafe) var done = false
            let resumeOnce: @Sendable () -> Void = {
                resumed.withLock {
                    guard !done else { return }
                    done = true
                    continuation.resume()
                }
            }
            process.terminationHandler = { _ in resumeOnce() }
            if process.isRunning { process.terminate() } else { resumeOnce() }
        }
    }

    /// Freezes the server (SIGSTOP): its sockets stay open, but it answers nothing, as a hung
    /// server would.
    public func suspend() {
        if let process = lock.withLock({ self.process }), process.isRunning { kill(process.processIdentifier, SIGSTOP) }
    }

    /// Lets a frozen server go on (SIGCONT).
    public func resume() {
        if let process = lock.withLock({ self.process }), process.isRunning { kill(process.processIdentifier, SIGCONT) }
    }

    /// Starts the server again on the same port, after ``stop()``.
    public func restart() async throws {
        let previous = port
        try await start(port: previous)
        guard port == previous else { throw NATSServerError("nats-server came back on \(port), not \(previous)") }
    }

    /// Stops the server and removes its store.
    public func shutdown() async {
        await stop()
        if let storeDirectory { try? FileManager.default.removeItem(at: storeDirectory) }
    }
}

/// Runs `body` with a fresh nats-server, and stops it afterwards whatever happens.
public func withNATSServer<T>(
    arguments: [String] = [], jetStream: Bool = false, _ body: (NATSServerProcess) async throws -> T
) async throws -> T {
    let server = try await NATSServerProcess(arguments: arguments, jetStream: jetStream)
    do {
        let result = try await body(server)
        await server.shutdown()
        return result
    } catch {
        await server.shutdown()
        throw error
    }
}
