#if AsyncHTTPClient
    import ArgumentParser
    import CloudEvents
    import CloudEventsAsyncHTTPClient

    /// `cloudevents send URL --mode binary|structured|batch`: sends one event, or one batch.
    struct SendCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send",
            abstract: "Send a CloudEvent (or a batch) to an HTTP receiver.",
            discussion: """
                The event comes from --event FILE (a JSON-format event, or for batch mode a JSON batch; '-' \
                reads standard input) or from the attribute options (--source and --type at least); in batch \
                mode, one event (from the options or a file) is sent as a batch of one. It is \
                sent exactly as given: the time keeps its offset and digits, integers and extension types \
                stay as written, JSON data keeps its exact bytes, --data-file bytes are sent unchanged. \
                The event is validated first; an invalid one is not sent. Binary mode refuses an event whose \
                ce- header fields exceed 8 KiB (4 KiB per field) rather than switch modes: use --mode \
                structured.

                Output: nothing on success, unless the receiver replies with an event: then that event, in \
                the JSON event format, on one line of standard output. On failure, one diagnostic on standard \
                error with the error code, the HTTP status if the receiver answered, the reason and the \
                beginning of the response body.

                With nats://HOST:PORT/SUBJECT the event is published on SUBJECT (binary or structured mode), \
                and send returns once the server has it: a PING/PONG round trip, or with --jetstream the \
                stream's ack. Exit status 0 then, 2 when no server answered, 65 when the event is invalid.

                Exit status:
                  0   the receiver answered 2xx
                  1   the receiver answered another status (after any retries)
                  2   no answer: connection refused or failed, deadline, transport failure
                  65  nothing sent: the event cannot be read, is invalid, or does not fit
                      the mode (binary mode's header budget)
                  64  usage error

                A ws:// or wss:// URL sends over the CloudEvents WebSocket binding instead: one connection, \
                subprotocol cloudevents.json, one text message per event (--event may hold a batch), then the \
                close handshake; --mode is not used. The binding has no acknowledgement. Exit status 0 when \
                every event was written and the connection closed cleanly, 2 when there was no connection or \
                it did not close cleanly, 65 when an event is invalid (nothing is sent).
                """
        )

        /// The `--mode` values.
        enum Mode: String, ExpressibleByArgument, CaseIterable {
            case binary, structured, batch

            var contentMode: HTTPContentMode {
                switch self {
                case .binary: .binary
                case .structured: .structured
                case .batch: .batch
                }
            }
        }

        @Argument(
            help:
                ArgumentHelp(
                    "Where to POST the event, e.g. http://127.0.0.1:8080/events; nats://HOST:PORT/SUBJECT to publish"
                        + " it; or a ws:// URL to send over a WebSocket."))
        var url: String

        @Option(help: "The HTTP content mode.")
        var mode: Mode = .binary

        @OptionGroup(title: "The event")
        var eventFlags: EventFlags

        @OptionGroup(title: "Delivery")
        var delivery: DeliveryOptions

        @OptionGroup(title: "NATS")
        var nats: NATSSendOptions

        func validate() throws {
            if NATSSend.handles(url) { return try NATSSend.validate(url, mode: mode) }
            #if WebSocket
                if Self.isWebSocketURL(url) { return }
            #endif
            try validateTargetURL(url)
        }

        func run() async throws {
            #if WebSocket
                if Self.isWebSocketURL(url) { return try await sendOverWebSocket() }
            #endif
            let events = try readEvents()
            #if NATS
                if NATSSend.handles(url) {
                    return try await NATSSend.send(events[0], to: url, mode: mode, options: nats, delivery: delivery)
                }
            #endif
            let sender = AsyncHTTPClientCloudEventSender(
                url: url, configuration: delivery.configuration(mode: mode.contentMode), shutdownGracePeriod: .zero)
            let reply: CloudEvent?
            do {
                if mode == .batch {
                    try await sender.send(batch: events)
                    reply = nil
                } else {
                    reply = try await sender.send(events[0])
                }
            } catch {
                await sender.shutdown()
                let failure = SendFailure.asCloudEventError(error)
                let status = SendFailure.exitStatus(for: failure)
                reportError(
                    "send",
                    (status == SendExitStatus.delivered ? "delivered, but " : "") + SendFailure.describe(failure))
                throw status
            }
            await sender.shutdown()
            if let reply {
                do {
                    StandardStream.output.write(try JSONEventFormat().encode(reply) + [UInt8(ascii: "\n")])
                } catch {
                    reportError("send", "delivered; the reply event cannot be printed: \(error)")
                }
            }
        }

        /// The events to send: one, or for batch mode (or `acceptingBatch`) any number.
        func readEvents(acceptingBatch: Bool = false) throws -> [CloudEvent] {
            guard let path = eventFlags.event else {
                do {
                    return [try eventFlags.makeEvent()]
                } catch let error as EventFileError {
                    reportError("send", "\(error)")
                    throw SendExitStatus.invalidInput
                }
            }
            let name = EventFileReader.displayName(path)
            let bytes: [UInt8]
            do {
                bytes = try EventFileReader.readBytes(path)
            } catch {
                reportError("send", "\(error)")
                throw SendExitStatus.invalidInput
            }
            let format = EventFileReader.fileFormat
            do {
                switch EventFileReader.kind(of: bytes) {
                case .event:
                    return [try format.decode(bytes)]
                case .batch where mode == .batch || acceptingBatch:
                    return try format.decodeBatch(bytes)
                case .batch:
                    reportError("send", "\(name) holds a batch; send it with --mode batch")
                    throw SendExitStatus.invalidInput
                case .neither(let problem):
                    reportError("send", "\(name) is not a JSON event or batch: \(problem)")
                    throw SendExitStatus.invalidInput
                }
            } catch let error as CloudEventError {
                for line in ValidateCommand.lines(for: error, file: name) { reportError("send", line) }
                throw SendExitStatus.invalidInput
            }
        }
    }
#endif
