import ArgumentParser
import CloudEvents
import CloudEventsKafka

/// `cloudevents encode --binding B [--mode M] [--event FILE|-]`: what an event becomes on a wire.
struct EncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Show the message an event becomes in a protocol binding.",
        discussion: """
            Reads one event in the JSON event format from FILE ('-', the default, reads standard input), \
            encodes it with the binding's encoder and prints the message as one JSON object on one line. \
            Byte fields are Base64 (null where the message has none), text is a JSON string, and lists keep \
            the order in which they are written:

              kafka   {"key": null|B64, "headers": [[NAME, B64], ...], "value": null|B64}
                      --key TEXT sets the record key; --key-mapper partitionkey takes it from the \
            partitionkey extension (the caller's key when the event has none); without either the key is null.
              amqp    {"properties": {"content-type": TEXT|null}, "application-properties": \
            [[NAME, TYPE, VALUE], ...], "body": null|B64}
                      TYPE is the AMQP type: boolean (VALUE true/false), long and the other integer types \
            (a JSON integer), timestamp (milliseconds since 1970-01-01T00:00:00Z, a JSON integer), string, \
            symbol, char and uuid (JSON strings), binary (B64), float and double (JSON numbers), null.
              mqtt5   {"content-type": TEXT|null, "user-properties": [[NAME, VALUE], ...], "payload": B64}
              mqtt3   {"payload": B64}                       (MQTT 3.1.1: structured mode only, the default)
              nats    {"headers": [[NAME, VALUE], ...], "payload": B64}
              http    {"headers": [[NAME, VALUE], ...], "body": B64}

            --mode is binary (the default; structured for mqtt3) or structured. 'cloudevents decode' reads \
            these objects back.

            Exit status: 0 when the message is printed; 1 when the event cannot travel in that binding and \
            mode (the reason on standard error: empty data in binary mode, binary mode in MQTT 3.1.1, an \
            attribute over the HTTP header budget); 65 when the event cannot be read or is not a valid event.
            """
    )

    /// The modes of the bindings, as `--mode` takes them.
    enum Mode: String, ExpressibleByArgument {
        case binary, structured

        var contentMode: CloudEventContentMode { self == .binary ? .binary : .structured }
    }

    /// The Kafka key mappers `--key-mapper` takes.
    enum KeyMapper: String, ExpressibleByArgument {
        case partitionkey
    }

    @Option(help: "The protocol binding: kafka, amqp, mqtt5, mqtt3, nats or http.")
    var binding: WireBinding

    @Option(help: "binary or structured (default binary; structured for mqtt3).")
    var mode: Mode?

    @Option(help: ArgumentHelp("The JSON-format event; '-' (the default) reads standard input.", valueName: "FILE"))
    var event: String = "-"

    @Option(help: "Kafka only: the record key, as UTF-8 text.")
    var key: String?

    @Option(help: "Kafka only: partitionkey takes the record key from the partitionkey extension.")
    var keyMapper: KeyMapper?

    func validate() throws {
        if binding != .kafka && (key != nil || keyMapper != nil) {
            throw ValidationError("--key and --key-mapper apply to --binding kafka only")
        }
    }

    func run() throws {
        let source: CloudEvent
        do {
            source = try EventFileReader.fileFormat.decode(EventFileReader.readBytes(event))
        } catch {
            reportError("encode", "\(EventFileReader.displayName(event)): \(singleLine("\(error)"))")
            throw ExitCode(65)
        }
        do {
            let message = try binding.encode(
                source, mode: mode?.contentMode ?? binding.defaultMode, key: key.map { Array($0.utf8) },
                keyMapper: keyMapper == .partitionkey ? .partitionKey : .callerKey)
            StandardStream.output.writeLine(message.text)
        } catch {
            reportError("encode", singleLine("\(error)"))
            throw ExitCode(1)
        }
    }
}
