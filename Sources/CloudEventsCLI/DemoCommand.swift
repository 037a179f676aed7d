#if Hummingbird && AsyncHTTPClient
    import ArgumentParser
    import AsyncHTTPClient
    import CloudEvents
    import CloudEventsAsyncHTTPClient
    import CloudEventsHummingbird
    import Hummingbird
    import HummingbirdCore
    import ServiceLifecycle

    /// `cloudevents demo`: a receiver and a sender in one process, and what travelled between them.
    struct DemoCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Send events in every mode to a receiver in this process and show sent and arrived side by side.",
            discussion: """
                Starts a receiver (the Hummingbird adapter) on 127.0.0.1 and a free port, then sends with the \
                AsyncHTTPClient adapter, in binary, structured and batch mode, events with an extension of \
                every CloudEvents type (Boolean, Integer, String, Binary, URI, URI-reference, Timestamp), a \
                time with nanoseconds and a UTC offset, JSON data whose numbers must survive byte for byte, \
                and binary data. For each event it prints every attribute as sent and as arrived, with its \
                type. An extension the transport cannot type arrives as a String holding the same canonical \
                text, marked '~': in binary mode every extension (HTTP header fields carry text), in structured \
                and batch mode all but Booleans and Integers (the JSON format's only typed values). Read it \
                typed again with, for example, event[extension: "count"]?.integerValue(). Every other \
                attribute must arrive with its type and value, and the data with its kind and bytes. A row \
                marked '!' differs.

                Exit status: 0 when no row differs ('~' rows count as the same value); 1 otherwise.
                """
        )

        func run() async throws {
            let deliveries = try DemoEvents.deliveries()
            let recorder = ArrivedEvents()
            let (ports, portContinuation) = AsyncStream<Int>.makeStream()
            let logger = standardErrorLogger(label: "cloudevents.demo")
            let receiver = HummingbirdCloudEventReceiver(
                configuration: .init(address: .hostname("127.0.0.1", port: 0)), path: "/events", logger: logger,
                onServerRunning: { port in
                    portContinuation.yield(port ?? 0)
                    portContinuation.finish()
                }
            ) { event, context in
                await recorder.record(event, mode: context.contentMode?.rawValue ?? "?")
                return nil
            }
            // A ServiceGroup stops the receiver gracefully (cancelling it instead makes Hummingbird
            // log an error on the way out).
            let services = ServiceGroup(services: [receiver], logger: logger)
            let outcome = try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    defer { portContinuation.finish() }  // a receiver that cannot start sends no port
                    try await services.run()
                }
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next(), port > 0 else {
                    await services.triggerGracefulShutdown()
                    try await group.waitForAll()
                    reportError("demo", "the receiver did not start")
                    throw ExitCode.failure
                }
                let url = "http://127.0.0.1:\(port)/events"
                StandardStream.output.writeLine(
                    "Receiver listening on \(url) (Hummingbird); sending with AsyncHTTPClient.")
                let result: Outcome
                do {
                    result = try await Self.sendAndCompare(deliveries, to: url, recorder: recorder)
                } catch {
                    await services.triggerGracefulShutdown()
                    throw error
                }
                // Graceful shutdown: the receiver finishes what it handles, then stops.
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
                return result
            }
            StandardStream.output.writeLine(outcome.summary)
            if !outcome.hasSameValues { throw ExitCode.failure }
        }

        /// What the comparisons of every delivery found.
        struct Outcome {
            /// Events that differ in a row marked '!', or that did not arrive, or arrived extra.
            var differingEvents = 0
            /// Attributes that arrived as a String holding the same canonical text ('~').
            var untypedAttributes = 0

            var hasSameValues: Bool { differingEvents == 0 }

            /// The last line: exactly what the rows above show.
            var summary: String {
                guard hasSameValues else {
                    return "\(differingEvents) event(s) did not arrive the same (marked '!' above)."
                }
                guard untypedAttributes > 0 else {
                    return "Every event arrived identical: each attribute's type and value, and the data bytes."
                }
                return """
                    Every event arrived with the same values and data bytes; \(untypedAttributes) extension value(s) \
                    arrived as a String of the same canonical text (marked '~'): binary mode's header fields carry \
                    every extension as text, and the JSON format types only Booleans and Integers, so read them \
                    typed, e.g. event[extension: "count"]?.integerValue().
                    """
            }

            static func + (left: Outcome, right: Outcome) -> Outcome {
                Outcome(
                    differingEvents: left.differingEvents + right.differingEvents,
                    untypedAttributes: left.untypedAttributes + right.untypedAttributes)
            }
        }

        /// Sends each delivery, then prints each of its events beside the one that arrived.
        private static func sendAndCompare(_ deliveries: [DemoEvents.Delivery], to url: String, recorder: ArrivedEvents)
            async throws -> Outcome
        {
            let client = HTTPClient(configuration: AsyncHTTPClientCloudEventSender.makeHTTPClientConfiguration())
            var outcome = Outcome()
            do {
                for delivery in deliveries {
                    let sender = AsyncHTTPClientCloudEventSender(
                        url: url, client: client,
                        configuration: HTTPSenderConfiguration(mode: delivery.mode == .batch ? .binary : delivery.mode),
                        shutdownGracePeriod: .zero)
                    if delivery.mode == .batch {
                        try await sender.send(batch: delivery.events)
                        outcome = outcome + (await show(delivery.events, request: "one batch-mode request", recorder))
                    } else {
                        for event in delivery.events {
                            _ = try await sender.send(event)
                            outcome =
                                outcome + (await show([event], request: "a \(delivery.mode)-mode request", recorder))
                        }
                    }
                    await sender.shutdown()
                }
            } catch {
                try? await client.shutdown()
                reportError("demo", "\(error)")
                throw ExitCode.failure
            }
            try await client.shutdown()
            return outcome
        }

        /// Prints sent and arrived side by side; what the comparison found.
        private static func show(_ sent: [CloudEvent], request: String, _ recorder: ArrivedEvents) async -> Outcome {
            let arrived = await recorder.takeAll()
            var outcome = Outcome()
            var text = ""
            for (index, event) in sent.enumerated() {
                let match = index < arrived.count ? arrived[index] : nil
                let comparison = SideBySide(sent: event, arrived: match?.event)
                if !comparison.hasSameValues { outcome.differingEvents += 1 }
                outcome.untypedAttributes += comparison.untypedCount
                text += "\n\(event.id): sent in \(request), arrived as \(match?.mode ?? "nothing")\n"
                text += comparison.rendered()
            }
            if arrived.count > sent.count {
                text += "  ! \(arrived.count - sent.count) more event(s) arrived than were sent\n"
                outcome.differingEvents += arrived.count - sent.count
            }
            StandardStream.output.write(Array(text.utf8))
            return outcome
        }
    }

    /// The events the demo's receiver handled, in order, with the mode each arrived in.
    actor ArrivedEvents {
        private var events: [(event: CloudEvent, mode: String)] = []

        /// Records one event.
        func record(_ event: CloudEvent, mode: String) {
            events.append((event, mode))
        }

        /// The events recorded since the last call.
        func takeAll() -> [(event: CloudEvent, mode: String)] {
            defer { events.removeAll() }
            return events
        }
    }
#endif
