#if Hummingbird
    import ArgumentParser
    import CloudEvents
    #if NATS
        import CloudEventsNATSClient
        import CloudEventsNATSTransport
        import Logging
        import ServiceLifecycle
        import UnixSignals
    #endif

    /// `listen`'s options for receiving from a NATS server instead of over HTTP.
    struct NATSListenOptions: ParsableArguments {
        @Option(
            help: ArgumentHelp("Receive from this NATS server instead of over HTTP.", valueName: "nats://HOST:PORT"))
        var nats: String?

        @Option(help: "With --nats: the subject to receive from (wildcards allowed).")
        var subject: String?

        @Option(
            help: ArgumentHelp(
                "With --nats: share the subject's events with the group's other members.", valueName: "GROUP"))
        var queue: String?

        @Option(
            help: ArgumentHelp(
                "With --nats: receive from this JetStream stream (created on --subject if missing), with --durable.",
                valueName: "STREAM"))
        var stream: String?

        @Option(
            help: ArgumentHelp(
                "With --stream: the durable consumer; each event is acked once printed, and listeners with the same name share them.",
                valueName: "NAME"))
        var durable: String?

        /// Checks the combination; `port` is `listen`'s HTTP port, which --nats replaces.
        func validate(port: Int?) throws {
            guard let nats else {
                guard subject == nil, queue == nil, stream == nil, durable == nil else {
                    throw ValidationError("--subject, --queue, --stream and --durable need --nats")
                }
                guard port != nil else { throw ValidationError("listen needs --port (HTTP) or --nats") }
                return
            }
            guard port == nil else { throw ValidationError("--port and --nats exclude each other") }
            guard nats.lowercased().hasPrefix("nats://") else {
                throw ValidationError("--nats must be nats://HOST:PORT, got '\(nats)'")
            }
            guard subject != nil else { throw ValidationError("--nats needs --subject") }
            guard (stream == nil) == (durable == nil) else {
                throw ValidationError("--stream and --durable go together")
            }
            guard stream == nil || queue == nil else {
                throw ValidationError("--queue is for core NATS; listeners of one --durable share its events already")
            }
            #if !NATS
                throw ValidationError("this build of cloudevents has no NATS support (the NATS trait is off)")
            #endif
        }
    }

    #if NATS
        /// `cloudevents listen --nats nats://HOST:PORT --subject SUBJECT ...`: prints every event of a
        /// subject (or of a durable JetStream consumer) as the HTTP listener does.
        enum NATSListen {
            static func run(_ options: NATSListenOptions) async throws {
                guard let url = options.nats, let subject = options.subject else { throw ExitCode.validationFailure }
                let logger = standardErrorLogger(label: "cloudevents.listen")
                let client: NATSClient
                do throws(NATSClientError) {
                    client = NATSClient(
                        configuration: try .init(urls: [url], name: "cloudevents listen"), logger: logger)
                    try await client.connect()
                } catch {
                    reportError("listen", "cannot connect to \(url): \(error.message)")
                    throw ExitCode.failure
                }
                let handler: CloudEventHandler = { event, _ in
                    StandardStream.output.write(try EventLine.bytes(for: event))
                    return nil
                }
                let service: any Service
                let ready: @Sendable () async -> Void
                let description: String
                if let stream = options.stream, let durable = options.durable {
                    let receiver = JetStreamCloudEventReceiver(
                        client: client, stream: stream, durable: durable, filterSubject: subject,
                        configuration: .init(streamToCreate: .init(name: stream, subjects: [subject])), logger: logger,
                        handler: handler)
                    (service, ready) = (receiver, { await receiver.waitUntilReady() })
                    description = "\(url)/\(subject) (stream \(stream), durable \(durable))"
                } else {
                    let receiver = NATSCloudEventReceiver(
                        client: client, subject: subject, queueGroup: options.queue, logger: logger, handler: handler)
                    (service, ready) = (receiver, { await receiver.waitUntilSubscribed() })
                    description = "\(url)/\(subject)" + (options.queue.map { " (queue \($0))" } ?? "")
                }
                let group = ServiceGroup(
                    services: [service], gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [],
                    logger: logger)
                let announce = Task {
                    await ready()
                    reportError("listen", "listening on \(description)")
                }
                do {
                    try await group.run()
                } catch {
                    announce.cancel()
                    reportError("listen", "\(error)")
                    await client.close()
                    throw ExitCode.failure
                }
                announce.cancel()
                do { try await client.drain() } catch { await client.close() }
                reportError("listen", "stopped")
            }
        }
    #endif
#endif
