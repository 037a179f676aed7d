// swift-tools-version: 6.1
// The libFuzzer targets are their own package so that fuzzing flags, and the fuzz targets'
// deliberate crashes, never enter the build of swift-cloudevents or of its users.
//
// Build (see ../scripts/fuzz.sh, which also runs them):
//   swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// Every executable here defines `LLVMFuzzerTestOneInput` and no `main`: libFuzzer supplies it.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its directory, which is whatever the clone of
// swift-cloudevents is called (a CI checkout, a worktree): read it rather than assume it.
let cloudEventsPackage = URL(fileURLWithPath: Context.packageDirectory)
    .deletingLastPathComponent().lastPathComponent.lowercased()

let cloudEvents = Target.Dependency.product(name: "CloudEvents", package: cloudEventsPackage)
let cloudEventsHTTP = Target.Dependency.product(name: "CloudEventsHTTP", package: cloudEventsPackage)
let cloudEventsSQL = Target.Dependency.product(name: "CloudEventsSQL", package: cloudEventsPackage)
let cloudEventsKafka = Target.Dependency.product(name: "CloudEventsKafka", package: cloudEventsPackage)
let cloudEventsMQTT = Target.Dependency.product(name: "CloudEventsMQTT", package: cloudEventsPackage)
let cloudEventsNATS = Target.Dependency.product(name: "CloudEventsNATS", package: cloudEventsPackage)
let cloudEventsAMQP = Target.Dependency.product(name: "CloudEventsAMQP", package: cloudEventsPackage)
let cloudEventsAvro = Target.Dependency.product(name: "CloudEventsAvro", package: cloudEventsPackage)
let cloudEventsProtobuf = Target.Dependency.product(name: "CloudEventsProtobuf", package: cloudEventsPackage)
let httpTypes = Target.Dependency.product(name: "HTTPTypes", package: "swift-http-types")

let package = Package(
    name: "swift-cloudevents-fuzz",
    dependencies: [
        // No traits: the fuzz targets need neither the Hummingbird receiver nor the
        // AsyncHTTPClient sender.
        .package(path: "..", traits: []),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // Shared by the targets: the HTTP message framing of fuzz inputs and invariant checks.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", cloudEvents, cloudEventsHTTP, httpTypes]),
        // Declares libFuzzer's LLVMFuzzerRunDriver (see FuzzSupport/LibFuzzer.swift).
        .target(name: "CLibFuzzer"),
        .executableTarget(name: "FuzzJSONEvent", dependencies: ["FuzzSupport", cloudEvents]),
        .executableTarget(name: "FuzzJSONBatch", dependencies: ["FuzzSupport", cloudEvents]),
        .executableTarget(
            name: "FuzzHTTPBinary", dependencies: ["FuzzSupport", cloudEvents, cloudEventsHTTP, httpTypes]),
        .executableTarget(
            name: "FuzzHTTPStructured", dependencies: ["FuzzSupport", cloudEvents, cloudEventsHTTP, httpTypes]),
        .executableTarget(name: "FuzzTimestamp", dependencies: ["FuzzSupport", cloudEvents]),
        .executableTarget(
            name: "FuzzPercentDecoding", dependencies: ["FuzzSupport", cloudEvents, cloudEventsHTTP, httpTypes]),
        .executableTarget(name: "FuzzCESQL", dependencies: ["FuzzSupport", cloudEvents, cloudEventsSQL]),
        .executableTarget(name: "FuzzKafka", dependencies: ["FuzzSupport", cloudEvents, cloudEventsKafka]),
        .executableTarget(name: "FuzzNATS", dependencies: ["FuzzSupport", cloudEvents, cloudEventsNATS]),
        .executableTarget(name: "FuzzMQTT", dependencies: ["FuzzSupport", cloudEvents, cloudEventsMQTT]),
        .executableTarget(name: "FuzzAMQP", dependencies: ["FuzzSupport", cloudEvents, cloudEventsAMQP]),
        .executableTarget(name: "FuzzAvro", dependencies: ["FuzzSupport", cloudEvents, cloudEventsAvro]),
        .executableTarget(name: "FuzzProtobuf", dependencies: ["FuzzSupport", cloudEvents, cloudEventsProtobuf]),
    ],
    swiftLanguageModes: [.v6]
)
