public import CloudEvents

/// The receiving side of an ``InMemoryTransport``: while ``run()`` runs, the transport's senders
/// deliver to its handler.
public struct InMemoryCloudEventReceiver: CloudEventReceiver {
    private let transport: InMemoryTransport
    private let handler: CloudEventHandler

    init(transport: InMemoryTransport, handler: @escaping CloudEventHandler) {
        self.transport = transport
        self.handler = handler
    }

    /// Takes the transport's deliveries until the task is cancelled.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError/Code/transportFailed`` when another receiver of
    ///   the same transport is running.
    public func run() async throws {
        try transport.start(handler)
        defer { transport.stop() }
        // Sleeps until cancelled: the deliveries run on the senders' tasks.
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3600))
        }
    }
}
