import ArgumentParser

/// The `cloudevents` command-line tool: send, receive, validate and conformance-check CloudEvents.
///
/// Its commands, options, output and exit statuses are a contract that scripts and other
/// programs rely on; each subcommand's `--help` states its part of it.
@main
struct CloudEventsTool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cloudevents",
        abstract: "Send, receive, validate, filter, encode, decode and conformance-check CloudEvents.",
        discussion: """
            Every command writes its results on standard output and its diagnostics on standard error. \
            Exit status 0 means success; each command documents its other statuses; 64 is a usage error \
            (an unknown option, a missing or malformed argument).
            """,
        subcommands: CloudEventsTool.availableSubcommands
    )

    /// The subcommands this build offers: `listen`, `send` and `demo` need the package traits
    /// `Hummingbird` and `AsyncHTTPClient` (both on by default).
    static var availableSubcommands: [any ParsableCommand.Type] {
        var commands: [any ParsableCommand.Type] = []
        #if Hummingbird
            commands.append(ListenCommand.self)
        #endif
        #if AsyncHTTPClient
            commands.append(SendCommand.self)
        #endif
        commands.append(ValidateCommand.self)
        commands.append(EvalCommand.self)
        commands.append(FilterCommand.self)
        commands.append(EncodeCommand.self)
        commands.append(DecodeCommand.self)
        commands.append(ConvertCommand.self)
        commands.append(ConformanceCommand.self)
        #if Hummingbird && AsyncHTTPClient
            commands.append(DemoCommand.self)
        #endif
        return commands
    }
}
