import CloudEventsNATSClient
import Foundation
import Synchronization

/// The nats-server and the connected client the NATS benchmarks share: started by the target's
/// setup hook, stopped by its teardown.
enum NATSBench {
    struct State {
        var server: Process
        var store: URL
        var client: NATSClient
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let state = Mutex<State?>(nil)
    static let counter = Atomic<Int>(0)

    /// A fresh id for a JetStream message, so that none is a duplicate.
    static func nextID() -> String {
        String(counter.wrappingAdd(1, ordering: .relaxed).newValue)
    }

    /// The connected client.
    static func client() throws -> NATSClient {
        guard let client = state.withLock({ $0?.client }) else {
            throw Failure(description: "nats-server is not started")
        }
        return client
    }

    /// Starts `nats-server -js` on an ephemeral port with a temporary store, connects, and creates
    /// the JetStream stream `BENCH` on `bench.js`.
    static func start() async throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("nats-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        let server = Process()
        let candidates = ["/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure(description: "nats-server is not installed (apt-get install nats-server)")
        }
        server.executableURL = URL(fileURLWithPath: path)
        server.arguments = ["-a", "127.0.0.1", "-p", "-1", "-js", "-sd", store.path]
        let log = Pipe()
        server.standardError = log
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        // The server logs its port once it listens.
        var text = ""
        let marker = "Listening for client connections on 127.0.0.1:"
        var port: Int?
        while port == nil {
            let chunk = log.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw Failure(description: "nats-server exited: \(text)") }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: marker), text[range.upperBound...].contains("\n") {
                port = Int(text[range.upperBound...].prefix { $0.isNumber })
                guard port != nil else { throw Failure(description: "no port in: \(text)") }
            }
        }
        // Keep reading the log so that the server never blocks on a full pipe.
        Thread { while !log.fileHandleForReading.availableData.isEmpty {} }.start()
        let client = NATSClient(configuration: try .init(urls: ["nats://127.0.0.1:\(port ?? 0)"], name: "bench"))
        try await client.connect()
        try await JetStream(client: client).ensureStream(.init(name: "BENCH", subjects: ["bench.js"]))
        state.withLock { $0 = State(server: server, store: store, client: client) }
    }

    /// Closes the client, stops the server and removes its store.
    static func stop() async {
        guard let client = state.withLock({ $0?.client }) else { return }
        await client.close()
        state.withLock { state in
            state?.server.terminate()
            state?.server.waitUntilExit()
            if let store = state?.store { try? FileManager.default.removeItem(at: store) }
            state = nil
        }
    }
}
