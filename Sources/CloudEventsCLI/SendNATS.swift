#if AsyncHTTPClient
    import ArgumentParser
    import CloudEvents
    import CloudEventsAsyncHTTPClient
    #if NATS
        import CloudEventsNATS
        import CloudEventsNATSClient
        import CloudEventsNATSTransport
    #endif

    /// `send`'s options for a `nats://` URL.
    struct NATSSendOptions: ParsableArguments {
        @Flag(
            help: """
                With a nats:// URL: publish to the JetStream stream that captures the subject and wait for its \
                ack (Nats-Msg-Id is the event id, so a retried send is stored once).
                """)
        var jetstream = false
    }

    /// `cloudevents send nats://HOST:PORT/SUBJECT`: publishes one event on a NATS subject.
    enum NATSSend {
        /// Whether `url` names a NATS server rather than an HTTP receiver.
        static func handles(_ url: String) -> Bool { url.lowercased().hasPrefix("nats://") }

        /// `nats://HOST:PORT/SUBJECT` split into the server's URL and the subject.
        static func target(_ url: String) throws -> (server: String, subject: String) {
            let rest = url.dropFirst("nats://".count)
            guard let slash = rest.firstIndex(of: "/"), slash != rest.startIndex else {
                throw ValidationError("the URL must be nats://HOST:PORT/SUBJECT, got '\(url)'")
            }
            let subject = String(rest[rest.index(after: slash)...])
            guard !subject.isEmpty, !subject.contains(where: { $0 == " " || $0 == "\t" || $0.isNewline }) else {
                throw ValidationError("the URL '\(url)' has no valid subject after the host")
            }
            return ("nats://" + rest[..<slash], subject)
        }

        /// Checks the URL and that the mode is one NATS has (no batch mode).
        static func validate(_ url: String, mode: SendCommand.Mode) throws {
            _ = try target(url)
            guard mode != .batch else { throw ValidationError("NATS has no batch mode: use binary or structured") }
            #if !NATS
                throw ValidationError("this build of cloudevents has no NATS support (the NATS trait is off)")
            #endif
        }

        #if NATS
            /// Connects, publishes `event` (waiting for the PING/PONG, or the stream's ack), and
            /// drains; throws the exit status on failure.
            static func send(
                _ event: CloudEvent, to url: String, mode: SendCommand.Mode, options: NATSSendOptions,
                delivery: DeliveryOptions
            ) async throws {
                let (server, subject) = try target(url)
                let timeout = Duration.milliseconds(Int64((delivery.timeout * 1000).rounded()))
                var configuration = try NATSClient.Configuration(urls: [server], name: "cloudevents send")
                configuration.reconnect.maximumAttempts = max(0, delivery.maxAttempts - 1)
                let client = NATSClient(
                    configuration: configuration, logger: standardErrorLogger(label: "cloudevents.nats"))
                do {
                    try await client.connect()
                } catch {
                    reportError("send", "connection_failed: no NATS server answered at \(server): \(error.message)")
                    throw SendExitStatus.notDelivered
                }
                let sender = NATSCloudEventSender(
                    client: client, subject: subject,
                    configuration: .init(
                        encoder: NATSEventEncoder(mode: mode == .structured ? .structured : .binary), timeout: timeout,
                        retryPolicy: RetryPolicy(maximumAttempts: delivery.maxAttempts), jetStream: options.jetstream))
                do {
                    try await sender.send(event)
                } catch {
                    await client.close()
                    let failure = SendFailure.asCloudEventError(error)
                    reportError("send", SendFailure.describe(failure))
                    throw SendFailure.exitStatus(for: failure)
                }
                do {
                    try await client.drain()
                } catch {
                    await client.close()
                }
            }
        #endif
    }
#endif
