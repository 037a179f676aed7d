public import CloudEvents

/// Records what a test receiver was handed, safely from many request tasks.
public actor EventRecorder {
    /// Every event received, in arrival order.
    public private(set) var events: [CloudEvent] = []
    /// The context each event came with.
    public private(set) var contexts: [CloudEventContext] = []

    /// Creates an empty recorder.
    public init() {}

    /// Records one event.
    public func record(_ event: CloudEvent, _ context: CloudEventContext) {
        events.append(event)
        contexts.append(context)
    }

    /// The number of events received.
    public var count: Int { events.count }

    /// The ids received, in arrival order.
    public var ids: [String] { events.map(\.id) }
}

/// Counts requests (attempts) a misbehaving test route saw, and what it saw.
public actor RequestCounter {
    /// The number of requests.
    public private(set) var count = 0
    /// The `ce-id` (or body) fingerprint of each request, to show retries carry the same event.
    public private(set) var fingerprints: [String] = []
    /// When each request was counted, by the continuous clock: the gaps between attempts as the
    /// peer saw them.
    public private(set) var instants: [ContinuousClock.Instant] = []
    /// When each request was counted, by the wall clock (which `Retry-After` dates are in).
    public private(set) var times: [Timestamp] = []

    /// Creates a counter at zero.
    public init() {}

    /// Counts one request; returns its 1-based number.
    @discardableResult
    public func next(fingerprint: String = "") -> Int {
        count += 1
        fingerprints.append(fingerprint)
        instants.append(ContinuousClock.now)
        times.append(Timestamp.now())
        return count
    }

    /// The time between the `attempt`th request (1-based) and the next, as the peer saw it.
    public func gap(after attempt: Int) -> Duration? {
        guard attempt >= 1, attempt < instants.count else { return nil }
        return instants[attempt - 1].duration(to: instants[attempt])
    }
}
