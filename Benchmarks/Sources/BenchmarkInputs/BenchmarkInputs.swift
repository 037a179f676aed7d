import Foundation

/// The reference inputs every harness in this package measures, so that every figure is taken
/// on the same bytes (`Tests/Data/bench/medium_event.json` of the repository).
public enum BenchmarkInputs {
    /// The minimal valid 1.0 event: the four required attributes and nothing else.
    public static let minimalEvent: [UInt8] = Array(#"{"specversion":"1.0","id":"1","source":"/s","type":"t"}"#.utf8)

    /// How many events `mediumBatch` holds.
    public static let batchLength = 1_000

    /// The path of the reference medium event. `CLOUDEVENTS_BENCH_INPUT` overrides it; otherwise
    /// it is found from this source file's path, so the harness works from any directory.
    public static var mediumEventPath: String {
        if let path = ProcessInfo.processInfo.environment["CLOUDEVENTS_BENCH_INPUT"], !path.isEmpty {
            return path
        }
        // #filePath = <repo>/Benchmarks/Sources/BenchmarkInputs/BenchmarkInputs.swift, and the
        // event is <repo>/Tests/Data/bench/medium_event.json.
        let packageDirectory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // BenchmarkInputs
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // Benchmarks (this package)
        return packageDirectory.appendingPathComponent("../Tests/Data/bench/medium_event.json").standardized.path
    }

    /// The bytes of the reference medium event, without trailing white space (the file has none
    /// today; a trailing newline added by an editor would otherwise change every figure).
    public static let mediumEvent: [UInt8] = {
        let path = mediumEventPath
        guard let data = FileManager.default.contents(atPath: path) else {
            fatalError("cannot read the reference event at \(path) (set CLOUDEVENTS_BENCH_INPUT)")
        }
        var bytes = [UInt8](data)
        while let last = bytes.last,
            last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r")
                || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t")
        {
            bytes.removeLast()
        }
        return bytes
    }()

    /// A JSON batch of `batchLength` copies of the medium event, each with its own `id` of the
    /// same length (the last six characters replaced by the event's index), so every event in
    /// the batch is exactly as long as the medium event.
    public static let mediumBatch: [UInt8] = {
        let event = mediumEvent
        let marker = Array(#""id":""#.utf8)
        guard let markerStart = firstIndex(of: marker, in: event) else {
            fatalError("the reference event has no \"id\" member")
        }
        let idStart = markerStart + marker.count
        guard let idEnd = event[idStart...].firstIndex(of: UInt8(ascii: "\"")), idEnd - idStart >= 6 else {
            fatalError("the reference event's id is shorter than six characters")
        }
        var batch: [UInt8] = [UInt8(ascii: "[")]
        batch.reserveCapacity(batchLength * (event.count + 1) + 2)
        for index in 0..<batchLength {
            if index > 0 { batch.append(UInt8(ascii: ",")) }
            batch.append(contentsOf: event[..<(idEnd - 6)])
            let suffix = String(index)
            batch.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 6 - suffix.utf8.count))
            batch.append(contentsOf: suffix.utf8)
            batch.append(contentsOf: event[idEnd...])
        }
        batch.append(UInt8(ascii: "]"))
        return batch
    }()

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}

/// Runs benchmark setup that cannot fail for the fixed inputs; a failure is a broken harness.
public func prepared<T>(_ step: String, _ body: () throws -> T) -> T {
    do {
        return try body()
    } catch {
        fatalError("benchmark setup failed while \(step): \(error)")
    }
}
