import ArgumentParser
import CloudEvents
import CloudEventsSQL

/// `cloudevents eval EXPRESSION [--event FILE|-]`: one CESQL expression, evaluated once.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a CloudEvents SQL (CESQL) expression against an event.",
        discussion: """
            Parses EXPRESSION as CESQL 1.0 and evaluates it against the event in FILE (the JSON event \
            format; '-' reads standard input), or without --event against \
            {"specversion":"1.0","id":"1","source":"/","type":"t"}.

            Standard output: the result as one JSON value on one line: true, 42 or "text".
            Standard error: one line per evaluation error, 'error: KIND: message', KIND being one of \
            parse, math, cast, missingFunction, functionEvaluation, missingAttribute, generic. CESQL \
            gives a result even when it reports errors (the zero value of the type, as the \
            specification says), and it is printed.

            Exit status: 0 when the evaluation had no error; 1 when it had errors (the result is still \
            printed); 2 when the expression does not parse or exceeds a limit (nothing on standard \
            output); 65 when the event cannot be read or is not a valid event.
            """
    )

    /// The event used when `--event` is not given.
    static let defaultEvent = #"{"specversion":"1.0","id":"1","source":"/","type":"t"}"#

    @Argument(help: "The CESQL expression, e.g. \"type LIKE 'com.example.%' AND retrycount < 5\".")
    var expression: String

    @Option(help: ArgumentHelp("A JSON-format event to evaluate against; '-' reads standard input.", valueName: "FILE"))
    var event: String?

    func run() throws {
        let compiled: CESQLExpression
        do {
            compiled = try CESQLExpression(parsing: expression)
        } catch {
            StandardStream.error.writeLine("error: \(error.kind): \(singleLine(error.message))")
            throw ExitCode(2)
        }
        let target: CloudEvent
        do {
            if let path = event {
                target = try EventFileReader.fileFormat.decode(EventFileReader.readBytes(path))
            } else {
                target = try JSONEventFormat().decode(Self.defaultEvent)
            }
        } catch {
            reportError("eval", "\(EventFileReader.displayName(event ?? "-")): \(singleLine("\(error)"))")
            throw ExitCode(65)
        }
        let result = compiled.evaluate(target)
        StandardStream.output.writeLine(result.value.json)
        for error in result.errors {
            StandardStream.error.writeLine("error: \(error.kind): \(singleLine(error.message))")
        }
        if !result.errors.isEmpty { throw ExitCode(1) }
    }
}
