// swift-tools-version: 6.1
import PackageDescription

/// README's quick start is compiled as a user's package would compile it: without
/// `MemberImportVisibility`, which a new package does not enable.
let exampleSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let strictSettings: [SwiftSetting] = exampleSettings + [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "swift-cloudevents",
    products: [
        .library(name: "CloudEvents", targets: ["CloudEvents"]),
        .library(name: "CloudEventsFoundation", targets: ["CloudEventsFoundation"]),
        .library(name: "CloudEventsHTTP", targets: ["CloudEventsHTTP"]),
        .library(name: "CloudEventsConformance", targets: ["CloudEventsConformance"]),
        .library(name: "CloudEventsTransport", targets: ["CloudEventsTransport"]),
        .library(name: "CloudEventsKafka", targets: ["CloudEventsKafka"]),
        .library(name: "CloudEventsAMQP", targets: ["CloudEventsAMQP"]),
        .library(name: "CloudEventsMQTT", targets: ["CloudEventsMQTT"]),
        .library(name: "CloudEventsNATS", targets: ["CloudEventsNATS"]),
        .library(name: "CloudEventsAvro", targets: ["CloudEventsAvro"]),
        .library(name: "CloudEventsProtobuf", targets: ["CloudEventsProtobuf"]),
        .library(name: "CloudEventsNATSClient", targets: ["CloudEventsNATSClient"]),
        .library(name: "CloudEventsNATSTransport", targets: ["CloudEventsNATSTransport"]),
        .library(name: "CloudEventsWebSocket", targets: ["CloudEventsWebSocket"]),
        .library(name: "CloudEventsWebSocketTransport", targets: ["CloudEventsWebSocketTransport"]),
        .library(name: "CloudEventsAsyncHTTPClient", targets: ["CloudEventsAsyncHTTPClient"]),
        .library(name: "CloudEventsURLSession", targets: ["CloudEventsURLSession"]),
        .library(name: "CloudEventsHummingbird", targets: ["CloudEventsHummingbird"]),
        .library(name: "CloudEventsVapor", targets: ["CloudEventsVapor"]),
        .library(name: "CloudEventsTracing", targets: ["CloudEventsTracing"]),
        .library(name: "CloudEventsSQL", targets: ["CloudEventsSQL"]),
        .library(name: "CloudEventsTesting", targets: ["CloudEventsTesting"]),
        .executable(name: "cloudevents-example-sender", targets: ["SenderExample"]),
        .executable(name: "cloudevents-example-receiver", targets: ["ReceiverExample"]),
        .executable(name: "cloudevents-example-vapor", targets: ["VaporExample"]),
        .executable(name: "cloudevents", targets: ["CloudEventsCLI"]),
    ],
    traits: [
        .trait(
            name: "AsyncHTTPClient",
            description: "The CloudEventsAsyncHTTPClient sender (swift-server/async-http-client)."),
        .trait(
            name: "Hummingbird",
            description: "The CloudEventsHummingbird receiver (hummingbird-project/hummingbird 2)."),
        .trait(
            name: "Tracing",
            description:
                "CloudEventsTracing: the Distributed Tracing extension and spans through apple/swift-distributed-tracing."),
        .trait(
            name: "ServiceLifecycle",
            description:
                "URLSessionCloudEventSender as a swift-service-lifecycle Service (the AsyncHTTPClient and Hummingbird adapters always are)."
        ),
        .trait(
            name: "NATS",
            description:
                "CloudEventsNATSClient, a NATS client on swift-nio, and CloudEventsNATSTransport, the NATS sender and receiver on it."
        ),
        .trait(
            name: "Metrics",
            description:
                "Metrics of every sender and receiver through apple/swift-metrics, in the OpenTelemetry messaging conventions' names."
        ),
        .trait(
            name: "WebSocket",
            description:
                "CloudEventsWebSocketTransport: the WebSocket server route on hummingbird-websocket and the sender and receiver on swift-websocket."
        ),
        .trait(
            name: "Vapor",
            description:
                "CloudEventsVapor: routes, a Request helper, CloudEvent responses and a sender over Vapor 4's Client (vapor/vapor). Off by default: see README's design notes.",
            enabledTraits: ["AsyncHTTPClient"]),
        .default(enabledTraits: [
            "AsyncHTTPClient", "Hummingbird", "Tracing", "ServiceLifecycle", "NATS", "Metrics", "WebSocket",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-otel/swift-w3c-trace-context", from: "1.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.6.2"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
    ],
    targets: [
        .target(name: "CloudEvents", swiftSettings: strictSettings),
        .target(name: "CloudEventsFoundation", dependencies: ["CloudEvents"], swiftSettings: strictSettings),
        // CloudEvents SQL Expression Language (CESQL 1.0) and the Subscriptions API filter dialects.
        .target(name: "CloudEventsSQL", dependencies: ["CloudEvents"], swiftSettings: strictSettings),
        // What every transport shares: the delivery loop, retry policy, in-flight sends, handler
        // limit, header carrier and the handler context's logger.
        .target(
            name: "CloudEventsTransport",
            dependencies: ["CloudEvents", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings),
        // The broker protocol bindings as codecs over small message types: no client library.
        .target(name: "CloudEventsKafka", dependencies: ["CloudEvents"], swiftSettings: strictSettings),
        .target(name: "CloudEventsMQTT", dependencies: ["CloudEvents"], swiftSettings: strictSettings),
        .target(name: "CloudEventsNATS", dependencies: ["CloudEvents"], swiftSettings: strictSettings),
        .target(name: "CloudEventsAMQP", dependencies: ["CloudEvents"], swiftSettings: strictSettings),
        // The Avro event format, standard library only.
        .target(name: "CloudEventsAvro", dependencies: ["CloudEvents"], swiftSettings: strictSettings),
        // The Protobuf event format on swift-protobuf; the generated code (cloudevents.pb.swift) is
        // committed, so no build runs the generator (scripts/generate-protobuf.sh regenerates it).
        .target(
            name: "CloudEventsProtobuf",
            dependencies: ["CloudEvents", .product(name: "SwiftProtobuf", package: "swift-protobuf")],
            exclude: ["Proto"], swiftSettings: strictSettings),
        // A NATS client of its own (no Swift NATS package is a dependency), reusable without the
        // CloudEvents modules.
        .target(
            name: "CloudEventsNATSClient",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["NATS"])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["NATS"])),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio", condition: .when(traits: ["NATS"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["NATS"])),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "CloudEventsHTTP",
            dependencies: [
                "CloudEvents", "CloudEventsTransport", "CloudEventsTracing",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "CloudEventsConformance",
            dependencies: [
                "CloudEvents", "CloudEventsHTTP", "CloudEventsKafka", .product(name: "Yams", package: "Yams"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            // The upstream conformance cases, compiled in (`ConformanceMaterial.builtIn`), so that
            // the tool runs them from any directory without a resource bundle beside it.
            exclude: ["Cases/LICENSE", "Cases/SOURCE.md"],
            resources: [.embedInCode("Cases/yaml"), .embedInCode("Cases/features")],
            swiftSettings: strictSettings),
        // With the `Tracing` trait off, this module keeps only the pass-through the transports call.
        .target(
            name: "CloudEventsTracing",
            dependencies: [
                "CloudEvents", "CloudEventsTransport",
                .product(name: "Tracing", package: "swift-distributed-tracing", condition: .when(traits: ["Tracing"])),
                .product(name: "W3CTraceContext", package: "swift-w3c-trace-context", condition: .when(traits: ["Tracing"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Tracing"])),
                .product(name: "CoreMetrics", package: "swift-metrics", condition: .when(traits: ["Metrics"])),
            ],
            swiftSettings: strictSettings),
        // For users' tests: an in-memory sender and receiver through a real binding's encode and decode.
        .target(
            name: "CloudEventsTesting",
            dependencies: [
                "CloudEvents", "CloudEventsTransport", "CloudEventsHTTP", "CloudEventsKafka", "CloudEventsAMQP",
                "CloudEventsMQTT", "CloudEventsNATS", .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "CloudEventsAsyncHTTPClient",
            dependencies: [
                "CloudEvents", "CloudEventsHTTP", "CloudEventsTransport", "CloudEventsTracing",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "Tracing", package: "swift-distributed-tracing", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(
                    name: "ServiceLifecycle", package: "swift-service-lifecycle",
                    condition: .when(traits: ["AsyncHTTPClient"])),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "CloudEventsURLSession",
            dependencies: [
                "CloudEvents", "CloudEventsHTTP", "CloudEventsTransport", "CloudEventsTracing",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HTTPTypesFoundation", package: "swift-http-types"),
                .product(
                    name: "ServiceLifecycle", package: "swift-service-lifecycle",
                    condition: .when(traits: ["ServiceLifecycle"])),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "CloudEventsHummingbird",
            dependencies: [
                "CloudEvents", "CloudEventsHTTP", "CloudEventsTransport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(
                    name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["Hummingbird"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Hummingbird"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Hummingbird"])),
            ],
            swiftSettings: strictSettings),
        // Vapor 4 glue over the HTTP binding's endpoint and delivery.
        .target(
            name: "CloudEventsVapor",
            dependencies: [
                // The AsyncHTTPClient adapter for its error classification and header conversions:
                // Vapor's `Client` is AsyncHTTPClient (so the trait `Vapor` enables `AsyncHTTPClient`).
                "CloudEvents", "CloudEventsHTTP", "CloudEventsTransport", "CloudEventsTracing", "CloudEventsAsyncHTTPClient",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Vapor", package: "vapor", condition: .when(traits: ["Vapor"])),
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["Vapor"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Vapor"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Vapor"])),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["Vapor"])),
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "VaporExample",
            dependencies: [
                "CloudEvents", "CloudEventsVapor",
                .product(name: "Vapor", package: "vapor", condition: .when(traits: ["Vapor"])),
            ],
            path: "Examples/Vapor", swiftSettings: strictSettings),
        .executableTarget(
            name: "SenderExample",
            dependencies: [
                "CloudEvents", "CloudEventsAsyncHTTPClient", "CloudEventsTracing",
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["AsyncHTTPClient"])),
            ],
            path: "Examples/Sender", swiftSettings: strictSettings),
        .executableTarget(
            name: "ReceiverExample",
            dependencies: [
                "CloudEvents", "CloudEventsHummingbird", "CloudEventsTracing",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Hummingbird"])),
                .product(name: "CoreMetrics", package: "swift-metrics", condition: .when(traits: ["Metrics"])),
                .product(name: "Prometheus", package: "swift-prometheus", condition: .when(traits: ["Metrics"])),
            ],
            path: "Examples/Receiver", swiftSettings: strictSettings),
        // Test support: the C allocator interposer that memory tests count a thread's allocations
        // with, and the repository's test data (Tests/Data); linked into the test executable only.
        .target(name: "CAllocationCounter", path: "Tests/CAllocationCounter"),
        .target(
            name: "CoreTestSupport", dependencies: ["CloudEvents", "CAllocationCounter"], path: "Tests/CoreTestSupport",
            swiftSettings: strictSettings),
        .target(
            name: "TransportTestSupport",
            dependencies: [
                "CloudEvents", "CloudEventsHTTP", "CloudEventsTransport", "CloudEventsHummingbird", "CoreTestSupport",
                "CloudEventsTracing",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                // The raw fault server (FaultServer.swift).
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Hummingbird"])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["Hummingbird"])),
                .product(
                    name: "NIOConcurrencyHelpers", package: "swift-nio", condition: .when(traits: ["Hummingbird"])),
                .product(
                    name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["Hummingbird"])),
                // Exact metric totals (MetricsTotals.swift).
                .product(name: "MetricsTestKit", package: "swift-metrics", condition: .when(traits: ["Metrics"])),
                // Spans with W3C propagation (W3CInMemoryTracer.swift).
                .product(name: "Tracing", package: "swift-distributed-tracing", condition: .when(traits: ["Tracing"])),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing", condition: .when(traits: ["Tracing"])),
                .product(name: "W3CTraceContext", package: "swift-w3c-trace-context", condition: .when(traits: ["Tracing"])),
                // The raw HTTP client the receiver scenarios send hand-made requests with.
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
            ],
            path: "Tests/TransportTestSupport", swiftSettings: strictSettings),
        // The NATS sender and receiver: the CloudEventsNATS binding over CloudEventsNATSClient.
        .target(
            name: "CloudEventsNATSTransport",
            dependencies: [
                "CloudEvents", "CloudEventsNATS", "CloudEventsTransport", "CloudEventsTracing", "CloudEventsNATSClient",
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["NATS"])),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio", condition: .when(traits: ["NATS"])),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["NATS"])),
            ],
            swiftSettings: strictSettings),
        // The WebSocket binding: subprotocol negotiation and one event per message. No WebSocket library.
        .target(name: "CloudEventsWebSocket", dependencies: ["CloudEvents"], swiftSettings: strictSettings),
        // The WebSocket server route (hummingbird-websocket), sender and receiver (swift-websocket).
        .target(
            name: "CloudEventsWebSocketTransport",
            dependencies: [
                "CloudEvents", "CloudEventsWebSocket", "CloudEventsTransport", "CloudEventsTracing",
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket", condition: .when(traits: ["WebSocket"])),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["WebSocket"])),
                .product(name: "WSClient", package: "swift-websocket", condition: .when(traits: ["WebSocket"])),
                .product(name: "WSCore", package: "swift-websocket", condition: .when(traits: ["WebSocket"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["WebSocket"])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["WebSocket"])),
                .product(name: "NIOWebSocket", package: "swift-nio", condition: .when(traits: ["WebSocket"])),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio", condition: .when(traits: ["WebSocket"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["WebSocket"])),
                .product(name: "HTTPTypes", package: "swift-http-types", condition: .when(traits: ["WebSocket"])),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["WebSocket"])),
            ],
            swiftSettings: strictSettings),
        // Test support for the NATS tests: starts and stops a real nats-server.
        .target(
            name: "NATSTestSupport", dependencies: ["CoreTestSupport"], path: "Tests/NATSTestSupport",
            swiftSettings: strictSettings),
        // README's "Add it to your package" program, compiled here too so that the tests build and
        // run it (Examples/QuickStart is also a package of its own, with README's manifest).
        .executableTarget(
            name: "QuickStartExample",
            dependencies: [
                "CloudEvents", "CloudEventsAsyncHTTPClient", "CloudEventsHummingbird",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(
                    name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["Hummingbird"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Hummingbird"])),
            ],
            path: "Examples/QuickStart/Sources/OrdersService", swiftSettings: exampleSettings),
        .executableTarget(
            name: "CoreExample", dependencies: ["CloudEvents"], path: "Examples/CoreExample",
            swiftSettings: strictSettings),
        // The `cloudevents` tool. Not `Sources/cloudevents`: on a case-insensitive file system (macOS's
        // default) that is the same folder as `Sources/CloudEvents`.
        .executableTarget(
            name: "CloudEventsCLI",
            dependencies: [
                "CloudEvents", "CloudEventsHTTP", "CloudEventsConformance", "CloudEventsAsyncHTTPClient",
                "CloudEventsHummingbird", "CloudEventsSQL", "CloudEventsKafka", "CloudEventsAMQP", "CloudEventsMQTT",
                "CloudEventsNATS", "CloudEventsNATSClient", "CloudEventsNATSTransport", "CloudEventsWebSocket",
                "CloudEventsWebSocketTransport", "CloudEventsTransport", "CloudEventsAvro", "CloudEventsProtobuf",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(
                    name: "HummingbirdWebSocket", package: "hummingbird-websocket", condition: .when(traits: ["WebSocket"])),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdCore", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(name: "UnixSignals", package: "swift-service-lifecycle", condition: .when(traits: ["Hummingbird"])),
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Hummingbird"])),
                .product(
                    name: "Logging", package: "swift-log", condition: .when(traits: ["Hummingbird", "AsyncHTTPClient"])),
                .product(
                    name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["Hummingbird"])),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsTests", dependencies: ["CloudEvents", "CoreTestSupport"], swiftSettings: strictSettings),
        // The CESQL TCK (Tests/Data/cesql-tck), one parameterized case per TCK test.
        .testTarget(
            name: "CloudEventsSQLTests",
            dependencies: [
                "CloudEventsSQL", "CloudEvents", "CoreTestSupport", .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsKafkaTests", dependencies: ["CloudEvents", "CloudEventsKafka", "CoreTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsAvroTests",
            dependencies: [
                "CloudEvents", "CloudEventsAvro", "CoreTestSupport", "CloudEventsHTTP", "CloudEventsKafka", "CloudEventsAMQP",
                "CloudEventsMQTT", "CloudEventsNATS", .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsProtobufTests",
            dependencies: [
                "CloudEvents", "CloudEventsProtobuf", "CoreTestSupport", "CloudEventsHTTP", "CloudEventsKafka",
                "CloudEventsAMQP", "CloudEventsMQTT", "CloudEventsNATS",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsMQTTTests", dependencies: ["CloudEvents", "CloudEventsMQTT", "CoreTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsNATSTests", dependencies: ["CloudEvents", "CloudEventsNATS", "CoreTestSupport"],
            swiftSettings: strictSettings),
        // The NATS client against a real nats-server (NATSTestSupport starts one per suite).
        .testTarget(
            name: "CloudEventsNATSClientTests",
            dependencies: [
                "CloudEventsNATSClient", "NATSTestSupport",
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["NATS"])),
            ],
            swiftSettings: strictSettings),
        // The NATS sender and receiver against a real nats-server.
        .testTarget(
            name: "CloudEventsNATSTransportTests",
            dependencies: [
                "CloudEvents", "CloudEventsNATS", "CloudEventsNATSClient", "CloudEventsNATSTransport", "NATSTestSupport",
                "CoreTestSupport", "CloudEventsTransport", "TransportTestSupport", "CloudEventsTracing",
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["NATS"])),
                .product(name: "MetricsTestKit", package: "swift-metrics", condition: .when(traits: ["Metrics"])),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["NATS"])),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio", condition: .when(traits: ["NATS"])),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsWebSocketTests",
            dependencies: [
                "CloudEvents", "CloudEventsWebSocket", "CloudEventsAvro", "CloudEventsProtobuf", "CoreTestSupport",
            ],
            swiftSettings: strictSettings),
        // The WebSocket server, sender and receiver on 127.0.0.1, and against Python's websockets.
        .testTarget(
            name: "CloudEventsWebSocketTransportTests",
            dependencies: [
                "CloudEvents", "CloudEventsWebSocket", "CloudEventsWebSocketTransport", "CloudEventsTransport",
                "CoreTestSupport", "TransportTestSupport", "CloudEventsTracing",
                .product(name: "MetricsTestKit", package: "swift-metrics", condition: .when(traits: ["Metrics"])),
                .product(name: "Tracing", package: "swift-distributed-tracing", condition: .when(traits: ["Tracing"])),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing", condition: .when(traits: ["Tracing"])),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["WebSocket"])),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket", condition: .when(traits: ["WebSocket"])),
                .product(name: "WSClient", package: "swift-websocket", condition: .when(traits: ["WebSocket"])),
                .product(name: "NIOWebSocket", package: "swift-nio", condition: .when(traits: ["WebSocket"])),
                .product(name: "HTTPTypes", package: "swift-http-types", condition: .when(traits: ["WebSocket"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["WebSocket"])),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["WebSocket"])),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsTestingTests",
            dependencies: ["CloudEvents", "CloudEventsTesting", "CloudEventsTransport", "CoreTestSupport"],
            swiftSettings: strictSettings),
        // The examples' handlers, tested with CloudEventsTesting as a model for users.
        .testTarget(
            name: "ExampleTests",
            dependencies: [
                "ReceiverExample", "CloudEvents", "CloudEventsTesting", "CloudEventsHTTP", "CloudEventsTracing",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus", condition: .when(traits: ["Metrics"])),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsAMQPTests", dependencies: ["CloudEvents", "CloudEventsAMQP", "CoreTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsFoundationTests", dependencies: ["CloudEvents", "CloudEventsFoundation", "CoreTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsHTTPTests",
            dependencies: [
                "CloudEventsHTTP", "CloudEventsTransport", "CloudEventsFoundation", "CoreTestSupport",
                .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        // The transport layer, and a toy in-memory transport built from its public API only.
        .testTarget(
            name: "CloudEventsTransportTests",
            dependencies: ["CloudEvents", "CloudEventsTransport", "CloudEventsHTTP", "CloudEventsTracing", "CoreTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsAsyncHTTPClientTests",
            dependencies: [
                "CloudEvents", "CloudEventsHTTP", "CloudEventsAsyncHTTPClient", "CloudEventsHummingbird",
                "TransportTestSupport", "CoreTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(
                    name: "ServiceLifecycle", package: "swift-service-lifecycle",
                    condition: .when(traits: ["AsyncHTTPClient"])),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsURLSessionTests",
            dependencies: [
                "CloudEvents", "CloudEventsHTTP", "CloudEventsURLSession", "CloudEventsHummingbird", "TransportTestSupport", "CoreTestSupport",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
            ],
            swiftSettings: strictSettings),
        // The scenarios every HTTP sender shares, run with each (a `SenderKind` argument).
        .testTarget(
            name: "CloudEventsSenderTests",
            dependencies: [
                "CloudEvents", "CloudEventsHTTP", "CloudEventsTransport", "CloudEventsAsyncHTTPClient", "CloudEventsURLSession",
                "CloudEventsHummingbird", "TransportTestSupport", "CoreTestSupport",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(
                    name: "ServiceLifecycle", package: "swift-service-lifecycle",
                    condition: .when(traits: ["Hummingbird", "ServiceLifecycle"])),
            ],
            swiftSettings: strictSettings),
        // The Vapor adapter against real Vapor applications on 127.0.0.1, and the receiver
        // behaviour both servers share.
        .testTarget(
            name: "CloudEventsVaporTests",
            dependencies: [
                "CloudEvents", "CloudEventsHTTP", "CloudEventsTransport", "CloudEventsVapor", "CloudEventsHummingbird",
                "CloudEventsAsyncHTTPClient", "TransportTestSupport", "CoreTestSupport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Vapor", package: "vapor", condition: .when(traits: ["Vapor"])),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(
                    name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["Hummingbird"])),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsHummingbirdTests",
            dependencies: [
                "CloudEvents", "CloudEventsHTTP", "CloudEventsHummingbird", "CloudEventsSQL", "TransportTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Hummingbird"])),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(
                    name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["Hummingbird"])),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsTracingTests",
            dependencies: [
                "CloudEvents", "CloudEventsTracing", "CloudEventsAsyncHTTPClient", "CloudEventsURLSession",
                "CloudEventsHummingbird", "TransportTestSupport",
                .product(name: "Tracing", package: "swift-distributed-tracing", condition: .when(traits: ["Tracing"])),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing", condition: .when(traits: ["Tracing"])),
                .product(name: "W3CTraceContext", package: "swift-w3c-trace-context", condition: .when(traits: ["Tracing"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Tracing"])),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(name: "MetricsTestKit", package: "swift-metrics", condition: .when(traits: ["Metrics"])),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsConformanceTests",
            dependencies: [
                "CloudEventsConformance", "CloudEvents", "CloudEventsHTTP",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings),
        // Runs the built `cloudevents` tool as a subprocess; the dependency makes sure it is built.
        .testTarget(
            name: "CloudEventsCLITests",
            dependencies: ["CloudEventsCLI", "CloudEvents", "CoreTestSupport", "TransportTestSupport", "NATSTestSupport"],
            swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
