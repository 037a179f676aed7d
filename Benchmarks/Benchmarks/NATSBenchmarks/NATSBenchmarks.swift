import Benchmark
import BenchmarkInputs
import CloudEvents
import CloudEventsNATS
import CloudEventsNATSClient
import CloudEventsNATSTransport
import Synchronization

// NATS sends of the reference medium event in binary mode, against a nats-server (with
// JetStream) that the harness starts on 127.0.0.1 and an ephemeral port. 1,000 events per measured
// iteration (tag `events`). Each CloudEvents benchmark has a same-run baseline that publishes
// the same bytes (the binary-mode message of the event, encoded once beforehand) with the client
// alone, the way it waits for the server:
// - core NATS: `send` returns after a PING/PONG round trip; 64 sends in flight share round
//   trips (the client coalesces writes). Baselines: publish + flush with 64 in flight, and 1,000
//   publishes followed by one flush (what a fire-and-forget publisher does; `send` never does).
// - JetStream: `sendToStream` returns after the stream's PubAck, 64 in flight, each with its own
//   `Nats-Msg-Id`. Baseline: the client's request of the same bytes and header, 64 in flight.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock],
        tags: ["events": "1000"],
        warmupIterations: 3,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )
    let event = prepared("decoding the medium event") { try JSONEventFormat().decode(BenchmarkInputs.mediumEvent) }
    let message = prepared("encoding in binary mode") { try NATSEventEncoder().encode(event) }
    let headers = message.headers.map { NATSHeader(name: $0.name, value: $0.value) }

    Benchmark.setup = { try await NATSBench.start() }
    Benchmark.teardown = { await NATSBench.stop() }

    Benchmark("NATS core send binary medium, 64 in flight") { benchmark in
        let sender = NATSCloudEventSender(client: try NATSBench.client(), subject: "bench.core")
        try await inFlight(64, count: benchmark.scaledIterations.count) { _ in try await sender.send(event) }
    }

    Benchmark("NATS baseline publish+flush same bytes, 64 in flight") { benchmark in
        let client = try NATSBench.client()
        try await inFlight(64, count: benchmark.scaledIterations.count) { _ in
            try client.publish(message.payload, subject: "bench.core", headers: headers)
            try await client.flush()
        }
    }

    Benchmark("NATS baseline 1000 publishes then one flush, same bytes") { benchmark in
        let client = try NATSBench.client()
        for _ in benchmark.scaledIterations {
            try client.publish(message.payload, subject: "bench.core", headers: headers)
        }
        try await client.flush()
    }

    Benchmark("JetStream send binary medium with PubAck, 64 in flight") { benchmark in
        let sender = NATSCloudEventSender(
            client: try NATSBench.client(), subject: "bench.js", configuration: .init(jetStream: true))
        try await inFlight(64, count: benchmark.scaledIterations.count) { _ in
            var copy = event
            copy.id = NATSBench.nextID()
            try await sender.sendToStream(copy)
        }
    }

    Benchmark("JetStream baseline request same bytes with Nats-Msg-Id, 64 in flight") { benchmark in
        let jetStream = JetStream(client: try NATSBench.client())
        try await inFlight(64, count: benchmark.scaledIterations.count) { _ in
            try await jetStream.publish(
                message.payload, subject: "bench.js", headers: headers, messageID: NATSBench.nextID())
        }
    }
}

/// Runs `operation` `count` times with at most `lanes` at once.
func inFlight(_ lanes: Int, count: Int, _ operation: @escaping @Sendable (Int) async throws -> Void) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for lane in 0..<lanes {
            group.addTask {
                for index in stride(from: lane, to: count, by: lanes) { try await operation(index) }
            }
        }
        try await group.waitForAll()
    }
}
