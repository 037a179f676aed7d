import ArgumentParser
import CloudEventsConformance

/// `cloudevents conformance`: the upstream conformance cases, checked here or sent elsewhere.
struct ConformanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Run the CloudEvents conformance cases.",
        subcommands: ConformanceCommand.availableSubcommands
    )

    /// `check`, and `send` when the build has the `AsyncHTTPClient` trait.
    static var availableSubcommands: [any ParsableCommand.Type] {
        var commands: [any ParsableCommand.Type] = [ConformanceCheckCommand.self]
        #if AsyncHTTPClient
            commands.append(ConformanceSendCommand.self)
        #endif
        return commands
    }
}

/// `cloudevents conformance check [--dir DIR]`: every case through this SDK's HTTP binding.
struct ConformanceCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Encode and decode every conformance case through this SDK's HTTP binding.",
        discussion: """
            Runs the upstream CloudEvents conformance cases built into the tool (cloudevents/conformance \
            at commit \(ConformanceMaterial.upstreamCommit.prefix(7))), or with --dir the cases under DIR, \
            searched recursively: every '*.yaml' file (the format of cloudevents/conformance's yaml \
            directory, one case per YAML document) and every '*.feature' file (raw HTTP requests with \
            the attributes they must decode to). Hidden files and folders (.build, .git) and folders \
            named 'build' are skipped. Each YAML case is encoded in the mode it names (binary and structured when it \
            names none), decoded back through the HTTP binding and compared with the case: every \
            attribute and the data, exactly.

            Output, on standard output: one line per case and mode, then a summary line.

              PASS yaml/v1.0/v1_minimum.yaml#0 (Minimum plain/text) [binary]
              FAIL NAME [MODE]: DIFFERENCE; DIFFERENCE
              SKIP NAME: REASON          (a transport this SDK has no binding for)
              N passed, M failed         (followed by ', K skipped' when any were)

            The last line always starts with 'N passed, M failed'.

            Exit status: 0 when no case failed; 1 when any failed, when DIR holds no case, or when a \
            file cannot be read or parsed (the reason on standard error).
            """
    )

    @Option(
        help: ArgumentHelp(
            "A directory of conformance cases to run instead of the built-in ones, e.g. conformance/yaml.",
            valueName: "DIR"))
    var dir: String?

    func run() throws {
        let material = ConformanceMaterial(directory: dir)
        let report: ConformanceReport
        do {
            report = try ConformanceReport.run(material)
        } catch {
            reportError("conformance check", "\(error)")
            throw ExitCode.failure
        }
        var text = report.lines.map { $0.replacing("\n", with: " ") }
        text.append(report.summary)
        StandardStream.output.write(Array((text.joined(separator: "\n") + "\n").utf8))
        if report.results.isEmpty {
            reportError("conformance check", "no conformance cases (*.yaml, *.feature) in \(material)")
            throw ExitCode.failure
        }
        if report.failedCount > 0 { throw ExitCode.failure }
    }
}

extension ConformanceMaterial {
    /// The directory given with `--dir`, or the built-in cases without one.
    init(directory: String?) {
        self = directory.map(ConformanceMaterial.directory) ?? .builtIn
    }
}
