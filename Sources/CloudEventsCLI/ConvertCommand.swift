import ArgumentParser
import CloudEvents
import CloudEventsAvro
import CloudEventsProtobuf

/// `cloudevents convert --from F --to F [--batch] [FILE|-]`: an event or batch in another event format.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert an event or a batch from one event format to another.",
        discussion: """
            Reads one event (with --batch, one batch) in the --from format from FILE ('-', the default, \
            reads standard input), decodes and validates it, and writes it in the --to format on standard \
            output: exactly the format's bytes, raw for protobuf and avro, with no newline added. The Avro \
            format has no batch form. JSON data without a datacontenttype states application/json in \
            protobuf and avro, the type the JSON format implies.

            A conversion that would change the event is refused unless allowed: \
            --allow-utc-timestamps lets a time that a google.protobuf.Timestamp cannot hold exactly (an \
            offset other than Z, trailing zeros in the fraction) go to protobuf as the same instant in UTC; \
            --allow-string-extensions lets a Binary, URI, URI-reference or Timestamp extension go to json \
            (and a URI, URI-reference or Timestamp one to avro) as its canonical string, which arrives as a \
            String; --allow-lossy allows both.

            Exit status: 0 when converted; 1 when the input is not a valid event or batch in the --from \
            format (the reason on standard error); 2 when the input cannot be read; 3 when the conversion \
            would lose something that was not allowed (the reason, and the flag that allows it, on \
            standard error).
            """
    )

    /// An event format by its command-line name.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case json, protobuf, avro
    }

    @Option(help: "The input's event format: json, protobuf or avro.")
    var from: Format

    @Option(help: "The output's event format: json, protobuf or avro.")
    var to: Format

    @Flag(help: "The input is a batch, and so is the output (json and protobuf only).")
    var batch = false

    @Flag(help: "Allow a time to go to protobuf as its instant in UTC, dropping its offset and digits.")
    var allowUTCTimestamps = false

    @Flag(help: "Allow typed extensions to go to json or avro as their canonical strings.")
    var allowStringExtensions = false

    @Flag(help: "Allow every lossy conversion: --allow-utc-timestamps and --allow-string-extensions.")
    var allowLossy = false

    @Argument(help: ArgumentHelp("The input; '-' (the default) reads standard input.", valueName: "FILE"))
    var file: String = "-"

    func validate() throws {
        if batch, from == .avro || to == .avro {
            throw ValidationError("--batch: the Avro format has no batch form")
        }
    }

    /// The format with the limits for a trusted file and the conversions the flags allow.
    func format(_ format: Format) -> any CloudEventFormat {
        switch format {
        case .json:
            return EventFileReader.fileFormat
        case .protobuf:
            return ProtobufEventFormat(
                limits: .init(maximumDocumentSize: 1 << 30, maximumBatchSize: .max),
                timestamps: allowUTCTimestamps || allowLossy ? .convertToUTC : .exact)
        case .avro:
            return AvroEventFormat(
                limits: .init(maximumDocumentSize: 1 << 30),
                textTypedExtensions: allowStringExtensions || allowLossy ? .writeAsString : .refuse)
        }
    }

    func run() throws {
        let input: [UInt8]
        do {
            input = try EventFileReader.readBytes(file)
        } catch {
            reportError("convert", singleLine("\(error)"))
            throw ExitCode(2)
        }
        let events: [CloudEvent]
        do {
            events = batch ? try format(from).decodeBatch(input[...]) : [try format(from).decode(input[...])]
        } catch {
            reportError("convert", "\(EventFileReader.displayName(file)): \(singleLine("\(error)"))")
            throw ExitCode(1)
        }
        do {
            if to == .json, !(allowStringExtensions || allowLossy) { try Self.checkJSONKeepsTypes(events) }
            let output = batch ? try format(to).encodeBatch(events) : try format(to).encode(events[0])
            StandardStream.output.write(output)
        } catch let error as CloudEventError where error.code == .conversionNotPossible {
            reportError("convert", singleLine("\(error)") + " (" + allowingFlag + " allows it)")
            throw ExitCode(3)
        } catch {
            reportError("convert", singleLine("\(error)"))
            throw ExitCode(1)
        }
    }

    /// The flag that allows the refused conversion: times are what protobuf refuses, typed
    /// extensions what json and avro do.
    private var allowingFlag: String {
        to == .protobuf ? "--allow-utc-timestamps" : "--allow-string-extensions"
    }

    /// The JSON format carries Boolean and Integer extensions typed and every other type as its
    /// canonical string, which arrives as a String: refused unless allowed.
    static func checkJSONKeepsTypes(_ events: [CloudEvent]) throws {
        for (index, event) in events.enumerated() {
            for (name, value) in event.extensions where [.binary, .uri, .uriReference, .timestamp].contains(value.type)
            {
                throw CloudEventError(
                    .conversionNotPossible, attribute: name, index: events.count > 1 ? index : nil,
                    message: "extension \(name) is a \(value.type), which the JSON format carries as a string, so it"
                        + " would arrive as a String")
            }
        }
    }
}
