import Benchmark
import BenchmarkInputs
import CloudEvents
import CloudEventsHTTP
import HTTPTypes

// The HTTP binding on the reference medium event, 1,000 events per measured iteration (tag
// `events`, as in JSONFormatBenchmarks). Two same-run baselines bound what binary mode can
// cost: building the same header fields directly with swift-http-types (the floor of any
// binding over HTTPFields), and structured mode (the JSON format plus one Content-Type field).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        tags: ["events": "1000"],
        warmupIterations: 5,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )
    let format = JSONEventFormat()
    let event = prepared("decoding the medium event") { try format.decode(BenchmarkInputs.mediumEvent) }
    let binary = HTTPEventEncoder(mode: .binary)
    let structured = HTTPEventEncoder(mode: .structured)
    let decoder = HTTPEventDecoder()
    let binaryMessage = prepared("encoding in binary mode") { try binary.encode(event) }
    let structuredMessage = prepared("encoding in structured mode") { try structured.encode(event) }
    let headerPairs = binaryMessage.headerFields.map { ($0.name, $0.value) }

    Benchmark("HTTP binary encode medium") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try binary.encode(event))
        }
    }

    Benchmark("HTTP binary decode medium") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try decoder.decodeEvent(headerFields: binaryMessage.headerFields, body: binaryMessage.body))
        }
    }

    Benchmark("HTTP structured encode medium") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try structured.encode(event))
        }
    }

    Benchmark("HTTP structured decode medium") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try decoder.decodeEvent(headerFields: structuredMessage.headerFields, body: structuredMessage.body))
        }
    }

    // Baseline: the same header fields (names and values already prepared) put into HTTPFields,
    // plus the body copy, with no CloudEvents work at all.
    Benchmark("HTTPFields baseline medium") { benchmark in
        for _ in benchmark.scaledIterations {
            var fields = HTTPFields()
            fields.reserveCapacity(headerPairs.count)
            for (name, value) in headerPairs { fields[name] = value }
            blackHole((fields, Array(binaryMessage.body)))
        }
    }
}

