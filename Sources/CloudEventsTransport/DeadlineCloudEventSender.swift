public import CloudEvents
public import Logging

/// A ``/CloudEvents/CloudEventSender`` whose sends also take a deadline and a logger: the
/// protocol's `send(_:)` and `send(batch:)` are these with neither (the sender's timeout alone,
/// the sender's logger), so each sender writes only the full forms.
public protocol DeadlineCloudEventSender: CloudEventSender {
    /// Sends one event, finishing by `deadline` (when given) and logging to `logger` (when given).
    func send(_ event: CloudEvent, deadline: ContinuousClock.Instant?, logger: Logger?) async throws -> CloudEvent?

    /// Sends events as one batch, finishing by `deadline` (when given) and logging to `logger`.
    func send(batch: [CloudEvent], deadline: ContinuousClock.Instant?, logger: Logger?) async throws -> [CloudEvent]
}

extension DeadlineCloudEventSender {
    /// Sends one event within the sender's timeout, logging to the sender's logger.
    @discardableResult
    public func send(_ event: CloudEvent) async throws -> CloudEvent? {
        try await send(event, deadline: nil, logger: nil)
    }

    /// Sends events as one batch within the sender's timeout, logging to the sender's logger.
    @discardableResult
    public func send(batch: [CloudEvent]) async throws -> [CloudEvent] {
        try await send(batch: batch, deadline: nil, logger: nil)
    }
}
