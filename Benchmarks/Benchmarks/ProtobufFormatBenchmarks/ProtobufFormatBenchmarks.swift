import Benchmark
import BenchmarkInputs
import CloudEvents
import CloudEventsProtobuf

// The reference medium event encoded and decoded in the Protobuf format, next to the JSON format
// in the same run: 1,000 operations per measured iteration. The event's time has an offset
// (+08:00), which a google.protobuf.Timestamp cannot hold, so Protobuf encodes it with
// `timestamps: .convertToUTC` (which skips the check that an exact time costs).
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
    let protobuf: [UInt8]
    let json: [UInt8]
    do {
        event = try JSONEventFormat().decode(BenchmarkInputs.mediumEvent)
        protobuf = try ProtobufEventFormat(timestamps: .convertToUTC).encode(event)
        json = try JSONEventFormat().encode(event)
    } catch {
        fatalError("preparing the Protobuf benchmarks: \(error)")
    }

    Benchmark("Protobuf encode: medium event") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ProtobufEventFormat(timestamps: .convertToUTC).encode(event))
        }
    }
    Benchmark("JSON encode: medium event") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try JSONEventFormat().encode(event)) }
    }
    Benchmark("Protobuf decode: medium event") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ProtobufEventFormat().decode(protobuf[...])) }
    }
    Benchmark("JSON decode: medium event") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try JSONEventFormat().decode(json[...])) }
    }
}
