/// Handles one received event: return a reply event, return `nil` to accept it, or throw to
/// refuse it.
///
/// The transport turns the outcome into its own answer. Over HTTP: `nil` is `202 Accepted`, a
/// reply event is `200 OK` carrying it, a thrown ``CloudEventError`` maps by its
/// ``CloudEventError/code`` (a validation code is `400`, ``CloudEventError/Code/shutDown`` is
/// `503`, ...), and any other error is `500` with a generic message, so no internals leak.
public typealias CloudEventHandler = @Sendable (CloudEvent, CloudEventContext) async throws -> CloudEvent?

/// Receives CloudEvents from one transport and delivers each, decoded and validated, to the
/// ``CloudEventHandler`` it was created with.
///
/// The handler's reply event or thrown error becomes the transport's answer (see
/// ``CloudEventHandler``). Events of a batch are delivered one at a time, in order.
///
/// ``run()`` has the shape of swift-service-lifecycle's `Service`, so an adapter declares both
/// and runs in a `ServiceGroup` as it is:
///
/// ```swift
/// let receiver = HummingbirdCloudEventReceiver(path: "/events") { event, context in
///     logger.info("received \(event.id) over \(context.transport)")
///     return nil
/// }
/// try await ServiceGroup(services: [receiver], logger: logger).run()
/// ```
public protocol CloudEventReceiver: Sendable {
    /// Receives events and hands each to the handler until the receiver stops: when the
    /// surrounding task is cancelled, or when the transport shuts down gracefully (finishing the
    /// events it has already started to handle).
    func run() async throws
}
