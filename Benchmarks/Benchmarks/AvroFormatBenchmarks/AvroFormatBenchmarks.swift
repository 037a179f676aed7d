import Benchmark
import BenchmarkInputs
import CloudEvents
import CloudEventsAvro

// The reference medium event encoded and decoded in the Avro format and the Avro compact format,
// next to the JSON format in the same run: 1,000 operations per measured iteration. The compact
// format converts the event's time (nanoseconds, +08:00) to UTC microseconds, as it must be told to.
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
    let avro: [UInt8]
    let json: [UInt8]
    let compactFormat = AvroCompactEventFormat(inexactTimestamps: .convertToUTCMicroseconds)
    let compact: [UInt8]
    do {
        event = try JSONEventFormat().decode(BenchmarkInputs.mediumEvent)
        avro = try AvroEventFormat().encode(event)
        json = try JSONEventFormat().encode(event)
        compact = try compactFormat.encode(event)
    } catch {
        fatalError("preparing the Avro benchmarks: \(error)")
    }

    Benchmark("Avro encode: medium event") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try AvroEventFormat().encode(event)) }
    }
    Benchmark("JSON encode: medium event") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try JSONEventFormat().encode(event)) }
    }
    Benchmark("Avro decode: medium event") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try AvroEventFormat().decode(avro[...])) }
    }
    Benchmark("JSON decode: medium event") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try JSONEventFormat().decode(json[...])) }
    }
    Benchmark("Avro compact encode: medium event") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try compactFormat.encode(event)) }
    }
    Benchmark("Avro compact decode: medium event") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try compactFormat.decode(compact[...])) }
    }
}
