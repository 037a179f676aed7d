import Foundation

/// An independent implementation driven as a peer: a script of `Tests/Peers` run with
/// `python3`, a command, and JSON in and out.
public enum PythonPeer {
    /// Runs `Tests/Peers/<script> <command>` with `input` on its standard input; its JSON answer.
    ///
    /// - Throws: ``PythonPeerFailure`` when the script exits with an error (with its standard
    ///   error), or an error when its output is not a JSON object.
    public static func run(_ script: String, _ command: String, input: [UInt8]) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestMaterial.packageRoot + "/Tests/Peers/" + script, command]
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.writeToChild(input)
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PythonPeerFailure(
                description: "\(script) \(command) failed (\(process.terminationStatus)): "
                    + String(decoding: errors, as: UTF8.self))
        }
        guard let object = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw PythonPeerFailure(description: "\(script) \(command) did not answer a JSON object")
        }
        return object
    }

    /// The same with a JSON object as the input.
    public static func run(_ script: String, _ command: String, json: [String: Any]) throws -> [String: Any] {
        try run(script, command, input: Array(try JSONSerialization.data(withJSONObject: json)))
    }
}

/// A peer script that failed.
public struct PythonPeerFailure: Error, CustomStringConvertible {
    public let description: String
}
