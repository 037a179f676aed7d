// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "swift-cloudevents",
    products: [
        .library(name: "CloudEvents", targets: ["CloudEvents"]),
        .library(name: "CloudEventsFoundation", targets: ["CloudEventsFoundation"]),
        .library(name: "CloudEventsHTTP", targets: ["CloudEventsHTTP"]),
        .library(name: "CloudEventsConformance", targets: ["CloudEventsConformance"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .target(name: "CloudEvents", swiftSettings: strictSettings),
        .target(name: "CloudEventsFoundation", dependencies: ["CloudEvents"], swiftSettings: strictSettings),
        .target(
            name: "CloudEventsHTTP",
            dependencies: ["CloudEvents", .product(name: "HTTPTypes", package: "swift-http-types")],
            swiftSettings: strictSettings),
        .target(
            name: "CloudEventsConformance",
            dependencies: [
                "CloudEvents", "CloudEventsHTTP", .product(name: "Yams", package: "Yams"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "CoreExample", dependencies: ["CloudEvents"], path: "Examples/CoreExample",
            swiftSettings: strictSettings),
        .testTarget(name: "CloudEventsTests", dependencies: ["CloudEvents"], swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsFoundationTests", dependencies: ["CloudEventsFoundation"], swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsHTTPTests", dependencies: ["CloudEventsHTTP"], swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsConformanceTests",
            dependencies: [
                "CloudEventsConformance", "CloudEvents", "CloudEventsHTTP",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
