// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "OrdersService",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../..", traits: ["Hummingbird", "AsyncHTTPClient"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "OrdersService",
            dependencies: [
                .product(name: "CloudEvents", package: "swift-cloudevents"),
                .product(name: "CloudEventsHummingbird", package: "swift-cloudevents"),
                .product(name: "CloudEventsAsyncHTTPClient", package: "swift-cloudevents"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]),
    ]
)
