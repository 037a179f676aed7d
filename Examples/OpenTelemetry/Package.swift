// swift-tools-version: 6.2
// A separate package so that swift-otel (and its OTLP exporter) builds only for those who run
// this example, never for users of swift-cloudevents or for its CI.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its directory, which is whatever the clone of
// swift-cloudevents is called: read it rather than assume it.
let cloudEventsPackage = URL(fileURLWithPath: Context.packageDirectory)
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "cloudevents-opentelemetry-example",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .executableTarget(
            name: "OpenTelemetryExample",
            dependencies: [
                .product(name: "CloudEvents", package: cloudEventsPackage),
                .product(name: "CloudEventsAsyncHTTPClient", package: cloudEventsPackage),
                .product(name: "CloudEventsHummingbird", package: cloudEventsPackage),
                .product(name: "CloudEventsTracing", package: cloudEventsPackage),
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
