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
    ],
    targets: [
        .target(name: "CloudEvents", swiftSettings: strictSettings),
        .target(name: "CloudEventsFoundation", dependencies: ["CloudEvents"], swiftSettings: strictSettings),
        .executableTarget(
            name: "CoreExample", dependencies: ["CloudEvents"], path: "Examples/CoreExample",
            swiftSettings: strictSettings),
        .testTarget(name: "CloudEventsTests", dependencies: ["CloudEvents"], swiftSettings: strictSettings),
        .testTarget(
            name: "CloudEventsFoundationTests", dependencies: ["CloudEventsFoundation"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
