// swift-tools-version: 6.1
// The benchmark harness is its own package so that package-benchmark (and the malloc
// interposer it links in) never enters the build of swift-cloudevents' users or of its CI.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its directory, which is whatever the clone of
// swift-cloudevents is called (a CI checkout, a worktree): read it rather than assume it.
let cloudEventsPackage = URL(fileURLWithPath: Context.packageDirectory)
    .deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "swift-cloudevents-benchmarks",
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        // As the root package declares it, so the baseline server is built exactly as the receiver's.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    ],
    targets: [
        // Loads the reference inputs (Tests/Data/bench/ of the repository) for every harness below.
        .target(name: "BenchmarkInputs"),
        .executableTarget(
            name: "JSONFormatBenchmarks",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "CloudEvents", package: cloudEventsPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/JSONFormatBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "HTTPBindingBenchmarks",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "CloudEvents", package: cloudEventsPackage),
                .product(name: "CloudEventsHTTP", package: cloudEventsPackage),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/HTTPBindingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "TracingBenchmarks",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "CloudEvents", package: cloudEventsPackage),
                .product(name: "CloudEventsHTTP", package: cloudEventsPackage),
                .product(name: "CloudEventsTracing", package: cloudEventsPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/TracingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "MetricsBenchmarks",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "CloudEvents", package: cloudEventsPackage),
                .product(name: "CloudEventsTracing", package: cloudEventsPackage),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/MetricsBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "CESQLBenchmarks",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "CloudEvents", package: cloudEventsPackage),
                .product(name: "CloudEventsSQL", package: cloudEventsPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CESQLBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "AvroFormatBenchmarks",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "CloudEvents", package: cloudEventsPackage),
                .product(name: "CloudEventsAvro", package: cloudEventsPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/AvroFormatBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ProtobufFormatBenchmarks",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "CloudEvents", package: cloudEventsPackage),
                .product(name: "CloudEventsProtobuf", package: cloudEventsPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ProtobufFormatBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RouterBenchmarks",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "CloudEvents", package: cloudEventsPackage),
                .product(name: "CloudEventsSQL", package: cloudEventsPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RouterBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // NATS and JetStream sends against a nats-server the harness starts itself.
        .executableTarget(
            name: "NATSBenchmarks",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "CloudEvents", package: cloudEventsPackage),
                .product(name: "CloudEventsNATS", package: cloudEventsPackage),
                .product(name: "CloudEventsNATSClient", package: cloudEventsPackage),
                .product(name: "CloudEventsNATSTransport", package: cloudEventsPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/NATSBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // A plain timer loop without package-benchmark or the malloc interposer, for comparing
        // with other languages' SDKs in one run (scripts/bench-python-compare.sh).
        .executableTarget(
            name: "ThroughputProbe",
            dependencies: ["BenchmarkInputs", .product(name: "CloudEvents", package: cloudEventsPackage)]
        ),
        // One operation of the HTTP paths N times with no framework around it, for callgrind
        // (scripts/bench-instructions.sh): instruction counts do not depend on the machine's load.
        .executableTarget(
            name: "InstructionProbe",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "CloudEvents", package: cloudEventsPackage),
                .product(name: "CloudEventsHTTP", package: cloudEventsPackage),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // A Hummingbird server answering 202 without decoding: scripts/load-test.sh's baseline
        // for the example receiver (which the same script builds from this package, as a
        // product of the path dependency, so both share one release build of Hummingbird).
        .executableTarget(
            name: "LoadTestBaseline",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
