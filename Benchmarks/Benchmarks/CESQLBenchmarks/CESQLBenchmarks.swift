import Benchmark
import BenchmarkInputs
import CloudEvents
import CloudEventsSQL

// A compiled CESQL filter evaluated on the reference medium event, 1,000 evaluations per measured
// iteration, beside a hand-written Swift closure making the same three checks, in the same run.
// The claims: evaluations per second (target: 10 million on one core) and allocations per
// evaluation (target: none).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        tags: ["evaluations": "1000"],
        warmupIterations: 5,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )
    let event: CloudEvent
    let filter: CESQLExpression
    do {
        event = try JSONEventFormat().decode(BenchmarkInputs.mediumEvent)
        filter = try CESQLExpression(
            parsing: "type = 'com.example.order.created' AND source LIKE '/orders/%' AND retrycount < 5")
    } catch {
        fatalError("preparing the CESQL benchmarks: \(error)")
    }
    guard filter.matches(event), handWritten(event) else { fatalError("the filter must match the reference event") }

    Benchmark("CESQL evaluate: type, source LIKE, retrycount") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(filter.evaluate(event))
        }
    }

    Benchmark("CESQL matches: type, source LIKE, retrycount") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(filter.matches(event))
        }
    }

    Benchmark("hand-written closure: the same three checks") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(handWritten(event))
        }
    }
}

/// The filter written by hand: what a service would write without CESQL.
@inline(never)
func handWritten(_ event: CloudEvent) -> Bool {
    guard event.type == "com.example.order.created", event.source.hasPrefix("/orders/") else { return false }
    guard let retries = try? event[extension: "retrycount"]?.integerValue() else { return false }
    return retries < 5
}
