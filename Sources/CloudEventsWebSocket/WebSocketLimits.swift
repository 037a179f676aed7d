/// The limits of one CloudEvents WebSocket connection.
public struct WebSocketLimits: Sendable, Hashable {
    /// The largest message accepted, in bytes; a larger one closes the connection with 1009.
    /// Default 16 MiB, the JSON format's document limit.
    public var maximumMessageSize: Int
    /// The most events a connection may send per second (a token bucket holding one second's
    /// worth), or `nil` for no limit, the default. One over closes the connection with 1008.
    public var maximumEventsPerSecond: Int?

    /// Creates limits; sizes below 1 are raised to 1.
    public init(maximumMessageSize: Int = 16 << 20, maximumEventsPerSecond: Int? = nil) {
        self.maximumMessageSize = max(1, maximumMessageSize)
        self.maximumEventsPerSecond = maximumEventsPerSecond.map { max(1, $0) }
    }
}

/// A token bucket for ``WebSocketLimits/maximumEventsPerSecond``: it holds up to one second's
/// events and refills continuously. The caller passes the time, so that it can be tested
/// without waiting.
public struct WebSocketRateLimiter: Sendable {
    /// Events per second, or `nil` for no limit.
    public let eventsPerSecond: Int?
    private var tokens: Double
    private var last: ContinuousClock.Instant?

    /// Creates a full bucket.
    public init(eventsPerSecond: Int?) {
        self.eventsPerSecond = eventsPerSecond
        self.tokens = Double(eventsPerSecond ?? 0)
    }

    /// Takes one event's token at `now`; `false` when the bucket is empty (the limit is exceeded).
    public mutating func admit(at now: ContinuousClock.Instant = .now) -> Bool {
        guard let eventsPerSecond else { return true }
        if let last {
            let elapsed = last.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            tokens = min(Double(eventsPerSecond), tokens + seconds * Double(eventsPerSecond))
        }
        last = now
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
