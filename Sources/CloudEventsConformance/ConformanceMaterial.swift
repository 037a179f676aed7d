/// Where conformance cases come from: the upstream cases built into this module, or a directory.
///
/// ```swift
/// let report = try ConformanceReport.run(.builtIn)              // the upstream cases, from anywhere
/// let mine = try ConformanceReport.run(.directory("my-cases"))  // any other directory
/// ```
public enum ConformanceMaterial: Sendable, Hashable, CustomStringConvertible {
    /// The unmodified upstream cases of cloudevents/conformance (commit ``upstreamCommit``),
    /// compiled into this module: `yaml/v1.yaml`, `yaml/v03.yaml`, `yaml/v1.0/v1_minimum.yaml`,
    /// `yaml/v0.3/v03_minimum.yaml` and the HTTP and Kafka feature files under `features/`.
    case builtIn
    /// Every `*.yaml` case and `*.feature` scenario under a directory, searched recursively.
    /// Hidden files and folders (names starting with `.`, such as `.build` and `.git`) and
    /// folders named `build` are skipped: they hold other projects' files, not cases.
    case directory(String)

    /// The upstream commit of cloudevents/conformance that ``builtIn`` holds.
    public static let upstreamCommit = "7a8ee0ac0e782bba1ba30e58c62d24d2e6c337e5"

    /// `built-in cases (cloudevents/conformance 7a8ee0a)` or the directory.
    public var description: String {
        switch self {
        case .builtIn: "built-in cases (cloudevents/conformance \(Self.upstreamCommit.prefix(7)))"
        case .directory(let path): path
        }
    }

    /// The files of this material whose names end in `.suffix`, sorted by relative path.
    func files(suffix: String) throws -> [ConformanceFiles.File] {
        switch self {
        case .builtIn:
            BuiltInConformanceFiles.all.filter { $0.relativePath.hasSuffix("." + suffix) }
        case .directory(let path):
            try ConformanceFiles.find(in: path, suffix: suffix)
        }
    }
}

/// The upstream files compiled into the module (Package.swift embeds `Cases/yaml` and
/// `Cases/features`; SwiftPM names each by its file name), under their upstream relative paths.
enum BuiltInConformanceFiles {
    static let all: [ConformanceFiles.File] = [
        file("features/http-protocol-binding.feature", PackageResources.http_protocol_binding_feature),
        file("features/kafka-protocol-binding.feature", PackageResources.kafka_protocol_binding_feature),
        file("yaml/v0.3/v03_minimum.yaml", PackageResources.v03_minimum_yaml),
        file("yaml/v03.yaml", PackageResources.v03_yaml),
        file("yaml/v1.0/v1_minimum.yaml", PackageResources.v1_minimum_yaml),
        file("yaml/v1.yaml", PackageResources.v1_yaml),
    ]

    private static func file(_ relativePath: String, _ bytes: [UInt8]) -> ConformanceFiles.File {
        ConformanceFiles.File(relativePath: relativePath, text: String(decoding: bytes, as: UTF8.self))
    }
}
