import ArgumentParser
import CloudEvents
import CloudEventsSQL

/// `cloudevents filter EXPRESSION [FILE|-]...` or `--dialect FILE [FILE|-]...`: the matching events.
struct FilterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filter",
        abstract: "Print the events that match a CESQL expression or Subscriptions API filters.",
        discussion: """
            Reads events in the JSON event format from each FILE, or from standard input when none is \
            given or FILE is '-': a single event, a batch (a JSON array), or any number of events one \
            after another, such as one per line as 'cloudevents listen' prints them. Standard input is \
            read as it arrives, so 'cloudevents listen --port 8080 | cloudevents filter "type LIKE \
            'com.example.%'"' prints each matching event as soon as it is received.

            The events are matched against EXPRESSION (CESQL 1.0), or with --dialect against the \
            Subscriptions API filters in DIALECT_FILE: a JSON array of filters (exact, prefix, suffix, \
            all, any, not, sql), all of which must match.

            Standard output: every matching event, one line each, in 'listen's format (the JSON event \
            format, compact, in the encoder's member order), in input order.
            Standard error: 'cloudevents filter: event ID: error: KIND: message' for each evaluation \
            error (the event does not match), and the reason for each input that is not a valid event \
            (it is skipped; reading goes on).

            Exit status: 0 when every input was read and every event was valid (matching or not); 1 when \
            an input could not be read or held an invalid event; 2 when EXPRESSION does not parse or \
            DIALECT_FILE is not a valid list of filters (nothing is read).
            """
    )

    @Argument(
        help: ArgumentHelp(
            "The CESQL expression (not with --dialect), then the files; none or '-' reads standard input.",
            valueName: "EXPRESSION [FILE|-]"))
    var arguments: [String] = []

    @Option(
        name: .customLong("dialect"),
        help: ArgumentHelp(
            "A JSON array of Subscriptions API filters to match instead of an expression.",
            valueName: "DIALECT_FILE"))
    var dialectFile: String?

    func validate() throws {
        if dialectFile == nil && arguments.isEmpty {
            throw ValidationError("give an EXPRESSION, or --dialect DIALECT_FILE")
        }
    }

    func run() throws {
        let expressions = try compiledExpressions()
        let paths = Array(dialectFile == nil ? arguments.dropFirst() : arguments[...])
        var reader = MatchingEvents(expressions: expressions)
        for path in paths.isEmpty ? ["-"] : paths {
            reader.read(path)
        }
        if reader.hadInvalidInput { throw ExitCode.failure }
    }

    /// The expression, or the dialect filters' compiled expressions (all must match).
    private func compiledExpressions() throws -> [CESQLExpression] {
        guard let dialectFile else {
            do {
                return [try CESQLExpression(parsing: arguments[0])]
            } catch {
                StandardStream.error.writeLine("error: \(error.kind): \(singleLine(error.message))")
                throw ExitCode(2)
            }
        }
        do {
            let text = String(decoding: try EventFileReader.readBytes(dialectFile), as: UTF8.self)
            return try SubscriptionFilter.filters(json: text).map(\.expression)
        } catch {
            reportError("filter", "\(EventFileReader.displayName(dialectFile)): \(singleLine("\(error)"))")
            throw ExitCode(2)
        }
    }
}

/// Reads events from files and standard input, and prints those that match.
struct MatchingEvents {
    let expressions: [CESQLExpression]
    /// Whether an input could not be read, or held something that is not a valid event.
    private(set) var hadInvalidInput = false

    init(expressions: [CESQLExpression]) {
        self.expressions = expressions
    }

    /// Reads `path` (`-`: standard input, as it arrives) and handles each event in it.
    mutating func read(_ path: String) {
        let name = EventFileReader.displayName(path)
        var framer = JSONValueFramer()
        if path == "-" {
            while let line = readLine(strippingNewline: false) {
                for value in framer.append(Array(line.utf8)) { handle(value, from: name) }
            }
        } else {
            do {
                for value in framer.append(try EventFileReader.readBytes(path)) { handle(value, from: name) }
            } catch {
                invalid("\(error)")
                return
            }
        }
        if let rest = framer.finish() { handle(rest, from: name) }
    }

    private mutating func handle(_ value: [UInt8], from name: String) {
        let format = EventFileReader.fileFormat
        let events: [CloudEvent]
        do {
            switch EventFileReader.kind(of: value) {
            case .event: events = [try format.decode(value)]
            case .batch: events = try format.decodeBatch(value)
            case .neither(let problem):
                invalid("\(name): \(problem)")
                return
            }
        } catch let error as CloudEventError {
            for line in ValidateCommand.lines(for: error, file: name) { invalid(line) }
            return
        } catch {
            invalid("\(name): \(error)")
            return
        }
        for event in events where matches(event) {
            do {
                StandardStream.output.write(try EventLine.bytes(for: event))
            } catch {
                invalid("\(name): event \(event.id) cannot be printed: \(error)")
            }
        }
    }

    /// Whether every expression is true for `event` without errors; errors are reported.
    private func matches(_ event: CloudEvent) -> Bool {
        for expression in expressions {
            let result = expression.evaluate(event)
            for error in result.errors {
                reportError(
                    "filter",
                    "event \(event.id): error: \(error.kind): \(singleLine(error.message))")
            }
            guard result.matches else { return false }
        }
        return true
    }

    private mutating func invalid(_ message: String) {
        hadInvalidInput = true
        reportError("filter", singleLine(message))
    }
}
