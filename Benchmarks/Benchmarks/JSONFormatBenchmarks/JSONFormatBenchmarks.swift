import Benchmark
import BenchmarkInputs
import CloudEvents
import Foundation

// Each benchmark handles a fixed number of events per measured iteration, given by its tag
// `events` (so it shows in the benchmark's name) and equal to its scaling factor: the scaled
// figures package-benchmark prints (throughput, time, mallocCountTotal) are then per event, and
// scripts/bench_json_summary.py reads the tag to turn raw per-iteration figures into events/s
// and allocations per event. Most handle 1,000 (`.kilo`); one Foundation baseline, slow enough
// that 1,000 events would leave only a few samples, handles one.
//
// Names are "<operation> <input>"; the summary pairs "decode X" with "Foundation jsonObject X"
// and "encode X" with "Foundation data X", the same-run baseline on the same bytes.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        tags: ["events": "1000"],
        warmupIterations: 5,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )
    // One iteration of a batch benchmark is one call on the whole 1,000-event batch.
    let batchConfiguration = Benchmark.Configuration(warmupIterations: 1)
    let oneEventConfiguration = Benchmark.Configuration(tags: ["events": "1"], scalingFactor: .one)

    let format = JSONEventFormat()
    let medium = BenchmarkInputs.mediumEvent
    let minimal = BenchmarkInputs.minimalEvent
    let batch = BenchmarkInputs.mediumBatch
    precondition(BenchmarkInputs.batchLength == 1_000, "a batch iteration must be 1,000 events")
    // Decoded once, outside every measurement, for the encoding benchmarks.
    let mediumEvent = prepared("decoding the medium event") { try format.decode(medium) }
    let minimalEvent = prepared("decoding the minimal event") { try format.decode(minimal) }
    let batchEvents = prepared("decoding the batch") { try format.decodeBatch(batch) }
    let reencoded = prepared("encoding the medium event") { try format.encode(mediumEvent) }
    precondition(reencoded == medium, "the medium event must round-trip exactly")
    precondition(Set(batchEvents.map(\.id)).count == 1_000, "the batch must hold 1,000 distinct events")

    // MARK: The JSON event format

    Benchmark("decode medium") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try format.decode(medium))
        }
    }

    Benchmark("encode medium") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try format.encode(mediumEvent))
        }
    }

    Benchmark("decode minimal") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try format.decode(minimal))
        }
    }

    Benchmark("encode minimal") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try format.encode(minimalEvent))
        }
    }

    // MARK: The JSON batch format: 1,000 medium events with distinct ids in one array.

    Benchmark("decode batch", configuration: batchConfiguration) { _ in
        blackHole(try format.decodeBatch(batch))
    }

    Benchmark("encode batch", configuration: batchConfiguration) { _ in
        blackHole(try format.encodeBatch(batchEvents))
    }

    // MARK: Baseline: Foundation's JSONSerialization on the same bytes, in the same run.
    // What a service gets without this package: a parsed dictionary (the `data` member parsed
    // too) and its re-serialisation, with no CloudEvents validation, typing or data fidelity.

    let mediumData = Data(medium)
    let minimalData = Data(minimal)
    let batchData = Data(batch)
    let mediumObject = prepared("parsing the medium event") { try JSONSerialization.jsonObject(with: mediumData) }
    let minimalObject = prepared("parsing the minimal event") { try JSONSerialization.jsonObject(with: minimalData) }
    let batchObject = prepared("parsing the batch") { try JSONSerialization.jsonObject(with: batchData) }

    Benchmark("Foundation jsonObject medium") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONSerialization.jsonObject(with: mediumData))
        }
    }

    Benchmark("Foundation data medium", configuration: oneEventConfiguration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONSerialization.data(withJSONObject: mediumObject))
        }
    }

    Benchmark("Foundation jsonObject minimal") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONSerialization.jsonObject(with: minimalData))
        }
    }

    Benchmark("Foundation data minimal") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONSerialization.data(withJSONObject: minimalObject))
        }
    }

    Benchmark("Foundation jsonObject batch", configuration: batchConfiguration) { _ in
        blackHole(try JSONSerialization.jsonObject(with: batchData))
    }

    Benchmark(
        "Foundation data batch",
        configuration: .init(warmupIterations: 1, maxDuration: .seconds(6))
    ) { _ in
        blackHole(try JSONSerialization.data(withJSONObject: batchObject))
    }
}
