#if NATS
    import CloudEventsNATSClient
    import Logging
    import NATSTestSupport

    /// A connected client for `server`, its configuration adjusted by `configure`.
    func connectedClient(
        _ server: NATSServerProcess, name: String = "test", events: ClientEvents? = nil,
        configure: (inout NATSClient.Configuration) -> Void = { _ in }
    ) async throws -> NATSClient {
        var configuration = try NATSClient.Configuration(urls: [server.url], name: name)
        configuration.reconnect = .init(initialDelay: .milliseconds(10), maximumDelay: .milliseconds(200))
        configuration.flushTimeout = NATSServerProcess.patientTimeout
        configuration.requestTimeout = NATSServerProcess.patientTimeout
        configure(&configuration)
        var logger = Logger(label: "nats-test.\(name)")
        logger.logLevel = .warning
        let client = NATSClient(configuration: configuration, logger: logger, eventHandler: events?.handler)
        try await client.connect()
        return client
    }

    /// The events of a client, to wait for one.
    final class ClientEvents: Sendable {
        let stream: AsyncStream<NATSClient.Event>
        let continuation: AsyncStream<NATSClient.Event>.Continuation

        init() {
            (stream, continuation) = AsyncStream.makeStream(of: NATSClient.Event.self)
        }

        /// The handler to give the client.
        var handler: @Sendable (NATSClient.Event) -> Void {
            { [continuation] event in continuation.yield(event) }
        }

        /// Waits for the first event (from now on, or buffered) that `matches`.
        func next(where matches: (NATSClient.Event) -> Bool) async -> NATSClient.Event? {
            for await event in stream where matches(event) { return event }
            return nil
        }
    }

    /// Takes messages until the sequence ends.
    func collect(_ subscription: NATSSubscription) async -> [NATSReceivedMessage] {
        var messages: [NATSReceivedMessage] = []
        for await message in subscription { messages.append(message) }
        return messages
    }

    /// The payload as text.
    func text(_ message: NATSReceivedMessage) -> String {
        String(decoding: message.payload, as: UTF8.self)
    }
#endif
