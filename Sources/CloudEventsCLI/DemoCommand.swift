#if Hummingbird && AsyncHTTPClient
    import ArgumentParser
    import AsyncHTTPClient
    import CloudEvents
    import CloudEventsAsyncHTTPClient
    import CloudEventsHummingbird
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
                type: in binary mode extensions arrive as Strings (HTTP header fields carry text), in \
                structured and batch mode Booleans and Integers keep their type; every value's canonical \
                string must be identical, and the data's kind and bytes.

                Exit status: 0 when every event arrived identical; 1 otherwise.
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
                })
            let services = ServiceGroup(
                services: [
                    DemoReceiver(receiver: receiver) { event, context in
                        await recorder.record(event, mode: context.metadata["cloudevents.content_mode"] ?? "?")
                        return nil
                    }
                ], logger: logger)
            let allIdentical = try await withThrowingTaskGroup(of: Void.self) { group in
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
                let result: Bool
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
            StandardStream.output.writeLine(
                allIdentical
                    ? "Every event arrived identical: each attribute's canonical value and the data bytes."
                    : "Some events did not arrive identical (marked '!' above).")
            if !allIdentical { throw ExitCode.failure }
        }

        /// Sends each delivery, then prints each of its events beside the one that arrived.
        private static func sendAndCompare(_ deliveries: [DemoEvents.Delivery], to url: String, recorder: ArrivedEvents)
            async throws -> Bool
        {
            let client = HTTPClient(configuration: AsyncHTTPClientCloudEventSender.makeHTTPClientConfiguration())
            var allIdentical = true
            do {
                for delivery in deliveries {
                    let sender = AsyncHTTPClientCloudEventSender(
                        url: url, client: client,
                        configuration: HTTPSenderConfiguration(mode: delivery.mode == .batch ? .binary : delivery.mode),
                        shutdownGracePeriod: .zero)
                    if delivery.mode == .batch {
                        try await sender.send(batch: delivery.events)
                        allIdentical =
                            try await show(delivery.events, request: "one batch-mode request", recorder) && allIdentical
                    } else {
                        for event in delivery.events {
                            _ = try await sender.send(event)
                            allIdentical =
                                try await show([event], request: "a \(delivery.mode)-mode request", recorder)
                                && allIdentical
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
            return allIdentical
        }

        /// Prints sent and arrived side by side; whether all are identical.
        private static func show(_ sent: [CloudEvent], request: String, _ recorder: ArrivedEvents) async throws -> Bool
        {
            let arrived = await recorder.takeAll()
            var identical = arrived.count == sent.count
            var text = ""
            for (index, event) in sent.enumerated() {
                let match = index < arrived.count ? arrived[index] : nil
                let comparison = SideBySide(sent: event, arrived: match?.event)
                identical = identical && comparison.isIdentical
                text += "\n\(event.id): sent in \(request), arrived as \(match?.mode ?? "nothing")\n"
                text += comparison.rendered()
            }
            if arrived.count > sent.count {
                text += "  ! \(arrived.count - sent.count) more event(s) arrived than were sent\n"
            }
            StandardStream.output.write(Array(text.utf8))
            return identical
        }
    }

    /// The demo's receiver as a swift-service-lifecycle `Service`, so that a `ServiceGroup` can stop it
    /// gracefully (cancelling it instead makes Hummingbird log an error on the way out).
    private struct DemoReceiver: Service {
        let receiver: HummingbirdCloudEventReceiver
        let handler: CloudEventHandler

        func run() async throws {
            try await receiver.run(handler)
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
