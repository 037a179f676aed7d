import Benchmark
import BenchmarkInputs
import CloudEvents
import CloudEventsTracing
import CoreMetrics

// What metrics cost a send and a handled event: the observation shim (TransportObservation)
// around an operation that does nothing, 1,000 operations per measured iteration, next to the
// operation alone in the same run. With no backend (nothing bootstrapped: swift-metrics' no-op
// factory) the claim is the allocation count: the same as the operation alone. With a backend
// (a factory of its own whose handlers discard what they get) it is what recording costs this
// package, before any backend's own work.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        tags: ["operations": "1000"],
        warmupIterations: 5,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )
    let event: CloudEvent
    do {
        event = try JSONEventFormat().decode(BenchmarkInputs.mediumEvent)
    } catch {
        fatalError("preparing the metrics benchmarks: \(error)")
    }
    let destination = CloudEventTraceDestination(
        name: "/events", serverAddress: "127.0.0.1", serverPort: 8080, protocolName: "http")
    let noBackend = CloudEventMetrics.bootstrapped
    let counting = CloudEventMetrics(factory: DiscardingMetricsFactory())

    Benchmark("send, no observation") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try await send(event)) }
    }
    Benchmark("send, metrics with no backend") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                try await TransportObservation.withProducerSpan(
                    sending: event, destination: destination, metrics: noBackend
                ) { event, producer in
                    producer.recordAnswer(status: 202, attempts: 1)
                    return try await send(event)
                })
        }
    }
    Benchmark("send, metrics with a discarding backend") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                try await TransportObservation.withProducerSpan(
                    sending: event, destination: destination, metrics: counting
                ) { event, producer in
                    producer.recordAnswer(status: 202, attempts: 1)
                    return try await send(event)
                })
        }
    }
    let received = TransportObservation.extract(from: [String: String]())
    Benchmark("process, no observation") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try await send(event)) }
    }
    Benchmark("process, metrics with no backend") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                try await TransportObservation.withConsumerSpan(
                    processing: event, received: received, destination: destination, batch: nil, metrics: noBackend
                ) { try await send(event) })
        }
    }
    Benchmark("process, metrics with a discarding backend") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                try await TransportObservation.withConsumerSpan(
                    processing: event, received: received, destination: destination, batch: nil, metrics: counting
                ) { try await send(event) })
        }
    }
}

/// The operation inside the shim: reads the event, as a transport's send or a handler would.
@inline(never)
func send(_ event: CloudEvent) async throws -> Int {
    event.specVersion == .v1_0 ? 1 : 0
}

/// A metrics backend of its own (not swift-metrics' no-op one) whose handlers discard what they
/// get: what remains is the cost of recording.
struct DiscardingMetricsFactory: MetricsFactory {
    let handler = DiscardingHandler()

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler { handler }
    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        handler
    }
    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler { handler }
    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler { handler }
    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}
    func destroyMeter(_ handler: any MeterHandler) {}
}

final class DiscardingHandler: CounterHandler, RecorderHandler, TimerHandler, MeterHandler, Sendable {
    func increment(by: Int64) {}
    func reset() {}
    func record(_ value: Int64) {}
    func record(_ value: Double) {}
    func recordNanoseconds(_ duration: Int64) {}
    func set(_ value: Int64) {}
    func set(_ value: Double) {}
    func increment(by: Double) {}
    func decrement(by: Double) {}
}
