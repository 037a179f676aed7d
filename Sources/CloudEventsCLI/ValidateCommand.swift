import ArgumentParser
import CloudEvents

/// `cloudevents validate [FILE|-]...`: checks JSON-format events and batches.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check that files hold valid CloudEvents in the JSON event format.",
        discussion: """
            Each FILE (or standard input for '-', or when no FILE is given) holds one JSON-format event \
            or a JSON batch (an array of events), told apart by its first non-white-space byte: '{' or '['. \
            Every event is decoded and validated exactly as a receiver of this SDK would: strict JSON, \
            typed attributes, every rule of the specification.

            Output: nothing when every file is valid. Otherwise one line per violation on standard \
            output, naming the file, the event's index in a batch (from 0), the attribute, the message, \
            the error code and, for malformed JSON, the byte offset in the file:

              FILE[: event INDEX][: ATTRIBUTE]: MESSAGE [CODE][ (byte OFFSET)]
              b.json: event 1: source: source is required [missing_attribute]
              e.json: time: month 13 is out of range 01-12 [invalid_timestamp] (byte 68)

            Every invalid event of a batch is reported, each with all of its validation rule \
            violations; decoding an event stops at its first malformed or mistyped member.

            Files may be up to 1 GiB and batches of any length (unlike a receiver's defaults of 16 MiB \
            and 100,000 events: a file you name is trusted input). With --timing, each file's event \
            count and decode-and-validate time go to standard error, making this a decode-speed probe.

            Exit status: 0 when every file is valid; 1 when any is invalid or cannot be read.
            """
    )

    @Argument(help: ArgumentHelp("JSON event or batch files; '-' is standard input (the default).", valueName: "FILE"))
    var files: [String] = []

    @Flag(name: .shortAndLong, help: "Print no violations: report by exit status only.")
    var quiet = false

    @Flag(help: "Print each file's event count, size and decode time on standard error.")
    var timing = false

    func run() throws {
        var allValid = true
        for path in files.isEmpty ? ["-"] : files {
            let name = EventFileReader.displayName(path)
            let bytes: [UInt8]
            do {
                bytes = try EventFileReader.readBytes(path)
            } catch {
                reportError("validate", "\(error)")
                allValid = false
                continue
            }
            let clock = ContinuousClock()
            let start = clock.now
            let outcome = Self.validate(bytes)
            let elapsed = start.duration(to: clock.now)
            if timing {
                StandardStream.error.writeLine(
                    Self.timingLine(name, outcome: outcome, byteCount: bytes.count, elapsed: elapsed))
            }
            guard !outcome.failures.isEmpty else { continue }
            allValid = false
            if !quiet {
                let text = outcome.failures.flatMap { Self.lines(for: $0, file: name) }.joined(separator: "\n") + "\n"
                StandardStream.output.write(Array(text.utf8))
            }
        }
        if !allValid { throw ExitCode.failure }
    }

    /// What validating one file found.
    struct Outcome {
        /// How many events the file holds (valid or not), when that is known.
        var eventCount: Int?
        /// Every failure, each a ``CloudEvents/CloudEventError`` with the batch index when in a batch.
        var failures: [CloudEventError]
    }

    /// Decodes and validates one file's bytes.
    static func validate(_ bytes: [UInt8]) -> Outcome {
        let format = EventFileReader.fileFormat
        switch EventFileReader.kind(of: bytes) {
        case .neither(let problem):
            return Outcome(eventCount: nil, failures: [CloudEventError(.malformedInput, message: problem)])
        case .event:
            do {
                _ = try format.decode(bytes)
                return Outcome(eventCount: 1, failures: [])
            } catch {
                return Outcome(eventCount: 1, failures: [asCloudEventError(error)])
            }
        case .batch:
            do {
                let events = try format.decodeBatch(bytes)
                return Outcome(eventCount: events.count, failures: [])
            } catch {
                return everyFailure(in: bytes, firstFailure: asCloudEventError(error))
            }
        }
    }

    /// Decodes each element of a batch on its own, to find every invalid event, not only the first.
    private static func everyFailure(in bytes: [UInt8], firstFailure: CloudEventError) -> Outcome {
        guard let ranges = JSONArrayElements.ranges(in: bytes) else {
            return Outcome(eventCount: nil, failures: [firstFailure])
        }
        let format = EventFileReader.fileFormat
        var failures: [CloudEventError] = []
        bytes.withUnsafeBufferPointer { buffer in
            for (index, range) in ranges.enumerated() {
                do {
                    _ = try format.decode(UnsafeBufferPointer(rebasing: buffer[range]))
                } catch {
                    var failure = asCloudEventError(error)
                    failure.index = index
                    failure.byteOffset = failure.byteOffset.map { $0 + range.lowerBound }
                    failures.append(failure)
                }
            }
        }
        // The batch decoder found something the split did not (a batch-level limit, say): report it.
        if failures.isEmpty { failures = [firstFailure] }
        return Outcome(eventCount: ranges.count, failures: failures)
    }

    private static func asCloudEventError(_ error: any Error) -> CloudEventError {
        (error as? CloudEventError) ?? CloudEventError(.malformedInput, message: "\(error)")
    }

    /// One line per violation: `FILE: event N: ATTRIBUTE: MESSAGE [CODE] (byte B)`, with the parts
    /// that do not apply left out.
    static func lines(for failure: CloudEventError, file: String) -> [String] {
        let violations = failure.violations.isEmpty ? [failure] : failure.violations
        return violations.map { violation in
            var line = file
            if let index = failure.index ?? violation.index { line += ": event \(index)" }
            if let attribute = violation.attribute { line += ": \(attribute)" }
            line += ": \(singleLine(violation.message)) [\(violation.code.rawValue)]"
            if let offset = violation.byteOffset ?? failure.byteOffset { line += " (byte \(offset))" }
            return line
        }
    }

    private static func timingLine(_ file: String, outcome: Outcome, byteCount: Int, elapsed: Duration) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let count = outcome.eventCount.map { "\($0) event" + ($0 == 1 ? "" : "s") } ?? "not an event or batch"
        let verdict = outcome.failures.isEmpty ? "valid" : "\(outcome.failures.count) invalid"
        var line = "\(file): \(count), \(verdict), \(byteCount) bytes in \(formatted(seconds * 1000, digits: 1)) ms"
        if let events = outcome.eventCount, seconds > 0 {
            line += " (\(formatted(Double(events) / seconds, digits: 0)) events/s,"
            line += " \(formatted(Double(byteCount) / seconds / 1_048_576, digits: 1)) MiB/s)"
        }
        return line
    }

    /// `value` with `digits` decimals, without Foundation's formatters.
    static func formatted(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 9e15 else { return "\(value)" }
        let whole = Int64(scaled)
        let divisor = Int64(scale)
        let integerPart = whole / divisor
        guard digits > 0 else { return "\(integerPart)" }
        let fraction = String(abs(whole % divisor))
        return "\(integerPart)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
