public import CloudEvents

/// What an HTTP message carried: one event (binary or structured mode) or a batch.
public enum DecodedHTTPMessage: Sendable, Hashable {
    /// One event, and the mode it arrived in.
    case event(CloudEvent, HTTPContentMode)
    /// A batch of events (possibly empty).
    case batch([CloudEvent])

    /// The events, whatever the mode.
    public var events: [CloudEvent] {
        switch self {
        case .event(let event, _): [event]
        case .batch(let events): events
        }
    }

    /// The mode the message used.
    public var mode: HTTPContentMode {
        switch self {
        case .event(_, let mode): mode
        case .batch: .batch
        }
    }
}
