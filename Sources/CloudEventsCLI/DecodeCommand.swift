import ArgumentParser
import CloudEvents

/// `cloudevents decode --binding B [FILE|-]`: the event a protocol binding's message carries.
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode the event a protocol binding's message carries.",
        discussion: """
            Reads one message as the JSON object 'cloudevents encode' prints (see 'cloudevents encode \
            --help' for each binding's object) from FILE ('-', the default, reads standard input), \
            decodes it with the binding's decoder (mode detection, limits and validation included) and \
            prints the event as 'cloudevents listen' prints it: the JSON event format on one line. An \
            HTTP batch prints one line per event.

            Exit status: 0 when the event is decoded; 1 when the message is not a valid CloudEvent (the \
            reason on standard error); 2 when the input is not a message object of the binding (not JSON, \
            a member missing or of the wrong type, Base64 that does not decode) or cannot be read.
            """
    )

    @Option(help: "The protocol binding: kafka, amqp, mqtt5, mqtt3, nats or http.")
    var binding: WireBinding

    @Argument(help: ArgumentHelp("The message object; '-' (the default) reads standard input.", valueName: "FILE"))
    var file: String = "-"

    func run() throws {
        let events: [CloudEvent]
        do {
            let json = try WireJSON.parse(EventFileReader.readBytes(file))
            events = try binding.decode(json)
        } catch let error as CloudEventError {
            reportError("decode", singleLine("\(error)"))
            throw ExitCode(1)
        } catch {
            reportError("decode", "\(EventFileReader.displayName(file)): \(singleLine("\(error)"))")
            throw ExitCode(2)
        }
        var output: [UInt8] = []
        for event in events {
            output += try EventLine.bytes(for: event)
        }
        StandardStream.output.write(output)
    }
}
