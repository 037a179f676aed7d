#if Hummingbird
    import ArgumentParser
    import CloudEvents
    import CloudEventsHummingbird
    import Hummingbird
    import UnixSignals

    /// `cloudevents listen --port P [--host H]`: an HTTP receiver that prints every event it accepts
    /// (or, with `--nats`, a NATS one).
    struct ListenCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "listen",
            abstract: "Receive CloudEvents over HTTP and print each on a line of standard output.",
            discussion: """
                Accepts POST requests on every path in binary, structured and batch mode. For every event it \
                accepts it prints exactly one line on standard output: the event in the JSON event format, \
                compact, members in the encoder's order (specversion, id, source, type, subject, time, \
                datacontenttype, dataschema, extensions in the order received, data or data_base64), and \
                flushes it. A batch prints one line per event, in order. Lines of events arriving at the \
                same time never interleave. JSON data is printed as the bytes received, except that line \
                breaks between its tokens (JSON strings cannot hold raw line breaks) are printed as spaces, \
                so that each event stays on one line.

                Accepted events are answered 202 Accepted, after their lines are written. A request that is not a valid CloudEvent is \
                answered 400 (invalid event, malformed body), 413 (body over --max-body-size) or 415 (an \
                event format other than JSON) with a JSON problem body naming the reason; the same reason \
                goes to standard error, nothing to standard output, and the listener keeps running.

                Standard error: 'cloudevents listen: listening on http://HOST:PORT/' once the socket is \
                bound (with the actual port, useful with --port 0), one 'cloudevents listen: refused ...' \
                line per refused request, and 'cloudevents listen: stopped' after a clean stop.

                With --nats nats://HOST:PORT --subject SUBJECT it receives from a NATS server instead (with \
                --queue GROUP as a member of a queue group; with --stream STREAM --durable NAME through a \
                durable JetStream consumer, acking each event after its line is written) and prints the same \
                lines; standard error says 'listening on nats://...' once subscribed.

                SIGINT and SIGTERM stop it cleanly: requests being handled finish, then it exits with status \
                0. Exit status 1 when it cannot listen (address in use, say).

                With --websocket it accepts CloudEvents WebSocket connections at / instead, negotiates the \
                cloudevents.json subprotocol (a client offering none is closed with 1002 and the reason), and \
                prints one line per event exactly as above, across connections. An invalid message closes \
                its connection with 1007 and the reason; the listener keeps running. It announces \
                'listening on ws://HOST:PORT/'.
                """
        )

        @Option(help: "The TCP port to listen on; 0 picks a free one (printed on standard error).")
        var port: Int?

        @Option(help: "The address to listen on.")
        var host: String = "127.0.0.1"

        @Option(help: ArgumentHelp("The largest request body accepted, in bytes; larger is 413.", valueName: "BYTES"))
        var maxBodySize: Int = 16 << 20

        @OptionGroup(title: "NATS")
        var nats: NATSListenOptions

        @Flag(help: "Accept CloudEvents WebSocket connections at / (cloudevents.json) instead; --port defaults to 0.")
        var websocket = false

        func validate() throws {
            if websocket {
                guard nats.nats == nil else { throw ValidationError("--websocket and --nats exclude each other") }
            } else {
                try nats.validate(port: port)
            }
            guard let port else { return }
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
            guard maxBodySize > 0 else { throw ValidationError("--max-body-size must be above 0") }
        }

        func run() async throws {
            #if NATS
                if nats.nats != nil { return try await NATSListen.run(nats) }
            #endif
            #if WebSocket
                if websocket { return try await listenOverWebSocket() }
            #endif
            let port = port ?? 0
            let router = Router()
            router.add(middleware: RefusalReporter())
            let options = CloudEventRouteOptions(maximumBodySize: maxBodySize)
            let handler: CloudEventHandler = { event, _ in
                StandardStream.output.write(try EventLine.bytes(for: event))
                return nil
            }
            // "/" is the root; "**" is any other path.
            router.receiveCloudEvents(at: "/", options: options, handler: handler)
            router.receiveCloudEvents(at: "**", options: options, handler: handler)
            let displayHost = host.contains(":") ? "[\(host)]" : host
            let application = Application(
                router: router,
                configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
                onServerRunning: { channel in
                    let boundPort = channel.localAddress?.port ?? 0
                    reportError("listen", "listening on http://\(displayHost):\(boundPort)/")
                },
                logger: standardErrorLogger(label: "cloudevents.listen"))
            do {
                try await application.runService(gracefulShutdownSignals: [.sigterm, .sigint])
            } catch {
                reportError("listen", "\(error)")
                throw ExitCode.failure
            }
            reportError("listen", "stopped")
        }
    }
#endif
