/// Sends CloudEvents over one transport: HTTP today; Kafka, MQTT, NATS or AMQP tomorrow.
///
/// A sender is the one thing application code needs to publish events, so code written against
/// `some CloudEventSender` does not change when the transport does:
///
/// ```swift
/// func publish(_ order: Order, with sender: some CloudEventSender) async throws {
///     let event = CloudEvent(source: "/orders", type: "com.example.order.created")
///     if let reply = try await sender.send(event) { print("peer replied with \(reply.type)") }
/// }
/// ```
///
/// A conforming type validates and encodes each event, delivers it, and reports failure as a
/// thrown ``CloudEventError``: ``CloudEventError/Code/connectionFailed`` when the peer could not
/// be reached, ``CloudEventError/Code/rejectedByPeer`` when it answered with an error,
/// ``CloudEventError/Code/deadlineExceeded`` when a send ran out of time, and
/// ``CloudEventError/Code/shutDown`` when the sender was shut down first. A sender that retries
/// sends the same event, with the same `id`, on every attempt, so receivers can drop duplicates.
///
/// Conforming types must be safe to use from many tasks at once.
public protocol CloudEventSender: Sendable {
    /// Sends one event and returns the event the peer answered with, if it answered with one.
    ///
    /// - Returns: The peer's reply event (HTTP: a `200` response that carries a CloudEvent), or
    ///   `nil` when the peer accepted the event without one.
    /// - Throws: ``CloudEventError``: the event's own validation errors before anything is sent,
    ///   or a transport failure as described on ``CloudEventSender``.
    @discardableResult
    func send(_ event: CloudEvent) async throws -> CloudEvent?

    /// Sends events as one batch, in order, where the transport has batches; otherwise one by one.
    ///
    /// - Returns: The events the peer answered with, in order (HTTP: a `200` response carrying a
    ///   batch, or one event); empty when it accepted the batch without a reply.
    /// - Throws: ``CloudEventError``, whose ``CloudEventError/index`` names the first invalid
    ///   event, or a transport failure as described on ``CloudEventSender``.
    @discardableResult
    func send(batch: [CloudEvent]) async throws -> [CloudEvent]
}
