public import CloudEvents
public import Foundation

extension CloudEventRouter {
    /// Routes the events of a payload type, decoded: events whose `type` is `Payload.eventType`.
    ///
    /// ```swift
    /// router.on(OrderCreated.self) { order, event, context in
    ///     try await orders.record(order)
    ///     return nil
    /// }
    /// ```
    ///
    /// The route matches by type alone, in its place in registration order. An event it matches
    /// whose data does not decode is refused with the typed error of
    /// ``CloudEvents/CloudEvent/payload(as:decoder:)`` (over HTTP: `400`, with the JSON path in
    /// the problem body); the handler is not called.
    ///
    /// - Parameters:
    ///   - type: The payload type.
    ///   - decoder: The JSON decoder (its key strategy decides which member names it reads).
    ///   - handler: Called with the decoded payload, the event and its context; returns a reply
    ///     event or `nil`, or throws to refuse, as any ``/CloudEvents/CloudEventHandler``.
    public mutating func on<Payload: CloudEventPayload>(
        _ type: Payload.Type, decoder: JSONDecoder = JSONDecoder(),
        _ handler: @escaping @Sendable (Payload, CloudEvent, CloudEventContext) async throws -> CloudEvent?
    ) {
        on(type: Payload.eventType) { event, context in
            try await handler(event.payload(as: Payload.self, decoder: decoder), event, context)
        }
    }
}
