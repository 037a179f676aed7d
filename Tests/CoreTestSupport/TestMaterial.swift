#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The repository's test data (`Tests/Data`: the reference event, the JSON Schema, the CESQL
/// TCK), found from this file's location, so that tests run from any directory.
public enum TestMaterial {
    /// The package root: three levels up from this file (`Tests/CoreTestSupport/`).
    public static let packageRoot: String = {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/")
    }()

    /// `Tests/Data` under the package root.
    public static var root: String { packageRoot + "/Tests/Data" }

    /// The path of `relativePath` under `Tests/Data`.
    public static func path(_ relativePath: String) -> String { root + "/" + relativePath }

    /// The bytes of `relativePath` under `Tests/Data`.
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        try readFile(path(relativePath))
    }

    /// The reference event, `bench/medium_event.json`: 1,201 bytes of compact JSON, no final newline.
    public static func mediumEvent() throws -> [UInt8] {
        try bytes("bench/medium_event.json")
    }

    /// Reads a whole file with the C library (the core tests use no Foundation).
    public static func readFile(_ path: String) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw TestMaterialError(path: path) }
        defer { fclose(file) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }
}

/// A test data file that cannot be opened.
public struct TestMaterialError: Error, CustomStringConvertible {
    /// The file.
    public var path: String
    /// `cannot open PATH`.
    public var description: String { "cannot open \(path)" }
}
