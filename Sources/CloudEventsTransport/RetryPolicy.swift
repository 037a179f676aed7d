/// When and how long a sender waits before trying a send again: the transport-neutral part of
/// retrying, shared by every sender of this package and open to senders written outside it.
///
/// Which failures are retried is the transport's choice (HTTP: connection errors and the
/// statuses `HTTPRetryableStatuses` lists; a broker: its "try again" answers).
/// Every attempt carries the same event with the same `id`, so a receiver that saw an earlier
/// attempt can drop the duplicate.
///
/// The wait before attempt *n* + 1 is what the peer asked for when it said (HTTP's
/// `Retry-After`), otherwise capped exponential back-off with full jitter: a random duration
/// between zero and `min(maximumBackoff, initialBackoff × 2ⁿ⁻¹)`, which spreads the retries of
/// many senders instead of synchronising them. Every wait counts against the send's deadline: a
/// wait that would end after it fails the send at once (see ``/CloudEventsTransport/DeliveryLoop``).
public struct RetryPolicy: Sendable, Hashable {
    /// The most attempts per send, the first included; 1 disables retries.
    public var maximumAttempts: Int
    /// The back-off cap before the first retry.
    public var initialBackoff: Duration
    /// The largest back-off cap, however many attempts came before.
    public var maximumBackoff: Duration

    /// Creates a policy. Values below their minimum (one attempt, zero back-off) are raised to it.
    ///
    /// - Parameters:
    ///   - maximumAttempts: The most attempts per send, the first included. Default 4.
    ///   - initialBackoff: The back-off cap before the first retry. Default 100 ms.
    ///   - maximumBackoff: The largest back-off cap. Default 10 s.
    public init(
        maximumAttempts: Int = 4, initialBackoff: Duration = .milliseconds(100), maximumBackoff: Duration = .seconds(10)
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.initialBackoff = max(.zero, initialBackoff)
        self.maximumBackoff = max(self.initialBackoff, maximumBackoff)
    }

    /// The default policy: up to 4 attempts, back-off from 100 ms capped at 10 s.
    public static let `default` = RetryPolicy()

    /// One attempt only: never retry.
    public static let none = RetryPolicy(maximumAttempts: 1)

    /// The back-off cap after `attempt` failed attempts (1 for the wait before the first retry):
    /// `min(maximumBackoff, initialBackoff × 2^(attempt − 1))`.
    public func backoffCap(afterAttempt attempt: Int) -> Duration {
        var cap = initialBackoff
        var doublings = max(0, attempt - 1)
        while doublings > 0 && cap < maximumBackoff {
            cap *= 2
            doublings -= 1
        }
        return min(cap, maximumBackoff)
    }

    /// A random back-off after `attempt` failed attempts, uniformly between zero and
    /// ``backoffCap(afterAttempt:)`` (full jitter).
    public func backoff(afterAttempt attempt: Int) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return backoff(afterAttempt: attempt, using: &generator)
    }

    /// A random back-off after `attempt` failed attempts, drawn from `generator`.
    public func backoff(afterAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let cap = backoffCap(afterAttempt: attempt)
        // Seconds are bounded (about 136 years) so the nanosecond count cannot overflow.
        let seconds = min(cap.components.seconds, Int64(UInt32.max))
        let capNanoseconds = seconds * 1_000_000_000 + cap.components.attoseconds / 1_000_000_000
        guard capNanoseconds > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...capNanoseconds, using: &generator))
    }
}
