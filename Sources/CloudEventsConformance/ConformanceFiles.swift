import Foundation

/// Finds the conformance files under a directory.
enum ConformanceFiles {
    /// One file found: its path relative to the directory searched, and its contents.
    struct File: Sendable, Hashable {
        var relativePath: String
        var text: String
    }

    /// How deep the search goes below the directory (a symbolic link back up cannot make it endless).
    static let maximumDepth = 32

    /// Every regular file under `directory` (recursively) whose name ends in `.suffix`, sorted
    /// by relative path so that results come in the same order on every machine.
    ///
    /// Hidden entries (a name starting with `.`: `.build`, `.git`, `.jazzy.yaml`) and folders
    /// named `build` are skipped: a package's checkouts and build products hold other projects'
    /// YAML files, not conformance cases.
    static func find(in directory: String, suffix: String) throws -> [File] {
        let root = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        guard isDirectory(root.path) else {
            throw ConformanceError(file: directory, message: "not a directory")
        }
        var paths: [String] = []
        try collect(root: root.path, relative: "", suffix: suffix, depth: 0, into: &paths)
        return try paths.sorted().map { relativePath in
            let url = root.appendingPathComponent(relativePath)
            do {
                let bytes = try Data(contentsOf: url)
                guard let text = String(bytes: bytes, encoding: .utf8) else {
                    throw ConformanceError(file: relativePath, message: "not UTF-8 text")
                }
                return File(relativePath: relativePath, text: text)
            } catch let error as ConformanceError {
                throw error
            } catch {
                throw ConformanceError(file: relativePath, message: "cannot read: \(error)")
            }
        }
    }

    private static func collect(
        root: String, relative: String, suffix: String, depth: Int, into paths: inout [String]
    ) throws {
        let path = relative.isEmpty ? root : root + "/" + relative
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw ConformanceError(file: relative.isEmpty ? root : relative, message: "cannot list the directory")
        }
        for name in names where !name.hasPrefix(".") {
            let child = relative.isEmpty ? name : relative + "/" + name
            if isDirectory(root + "/" + child) {
                guard name != "build", depth < maximumDepth else { continue }
                try collect(root: root, relative: child, suffix: suffix, depth: depth + 1, into: &paths)
            } else if name.hasSuffix("." + suffix) {
                paths.append(child)
            }
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
