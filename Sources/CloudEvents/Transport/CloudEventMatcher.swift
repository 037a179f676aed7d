/// Something that decides whether an event matches: a `CESQLExpression` or a `SubscriptionFilter`
/// of CloudEventsSQL, or a type of your own.
///
/// Every receiver takes one as its filter, so filtering is written once for all transports.
public protocol CloudEventMatcher: Sendable {
    /// Whether `event` matches; an evaluation error is no match.
    func matches(_ event: CloudEvent) -> Bool
}

/// What a filtering handler does with an event that does not match.
public enum NonMatchingEvents: Sendable, Hashable {
    /// Accept it and drop it, without calling the handler: what a subscription does with the events
    /// it did not ask for. HTTP answers `202 Accepted`. The default.
    case acceptAndDrop
    /// Refuse it with ``CloudEventError/Code/filteredOut``: HTTP answers `400` with a
    /// problem body naming the code, so the sender learns the event was not wanted.
    case refuse
}

extension CloudEventMatcher {
    /// `handler`, called only for the events that match; the others get `nonMatching`, after
    /// `onNonMatching` was called with them (a receiver counts them there).
    ///
    /// ```swift
    /// let orders = try CESQLExpression(parsing: "type LIKE 'com.example.order.%'")
    /// router.receiveCloudEvents(at: "/orders", handler: orders.filtering { event, _ in
    ///     print(event.id)
    ///     return nil
    /// })
    /// ```
    public func filtering(
        nonMatching: NonMatchingEvents = .acceptAndDrop,
        onNonMatching: @escaping @Sendable (CloudEvent, CloudEventContext) -> Void = { _, _ in },
        _ handler: @escaping CloudEventHandler
    ) -> CloudEventHandler {
        let matcher = self
        return { event, context in
            guard matcher.matches(event) else {
                onNonMatching(event, context)
                switch nonMatching {
                case .acceptAndDrop:
                    return nil
                case .refuse:
                    throw CloudEventError(
                        .filteredOut,
                        message: "event \(event.id) of type \(event.type) does not match this receiver's filter")
                }
            }
            return try await handler(event, context)
        }
    }
}
