import Foundation

/// Finds the conformance files under a directory.
enum ConformanceFiles {
    /// One file found: its path relative to the directory searched, and its contents.
    struct File {
        var relativePath: String
        var text: String
    }

    /// Every regular file under `directory` (recursively) whose name ends in `.suffix`, sorted
    /// by relative path so that results come in the same order on every machine.
    static func find(in directory: String, suffix: String) throws -> [File] {
        let root = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ConformanceError(file: directory, message: "not a directory")
        }
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else {
            throw ConformanceError(file: directory, message: "cannot list the directory")
        }
        var paths: [String] = []
        while let next = enumerator.nextObject() as? String {
            if next.hasSuffix("." + suffix) { paths.append(next) }
        }
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
}
