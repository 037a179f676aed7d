/// How a transport judges the peer's answer to one attempt, for the ``DeliveryLoop``.
public enum AnswerVerdict: Sendable {
    /// The peer took the event (HTTP: a `2xx`).
    case delivered
    /// The peer answered, but did not take the event.
    case refused(PeerRefusal)
}

/// A peer's answer that did not take the event: what it said, and whether trying again may help.
public struct PeerRefusal: Sendable {
    /// The answer in words, after the target's name: `answered 503`, `answered "no responders"`.
    public var description: String
    /// The answer's status, for a transport with statuses (HTTP).
    public var status: Int?
    /// The peer's own reason, for a transport whose answers carry one (an AMQP condition...).
    public var reason: String?
    /// The beginning of the answer's body as text, if it had one.
    public var snippet: String?
    /// Whether another attempt may succeed (HTTP: `408`, `429`, `502`, `503`, `504`).
    public var isRetryable: Bool
    /// How long the peer asked the sender to wait before trying again, if it said.
    public var retryAfter: Duration?

    /// Creates a refusal.
    public init(
        _ description: String, status: Int? = nil, reason: String? = nil, snippet: String? = nil,
        isRetryable: Bool, retryAfter: Duration? = nil
    ) {
        self.description = description
        self.status = status
        self.reason = reason
        self.snippet = snippet
        self.isRetryable = isRetryable
        self.retryAfter = retryAfter
    }
}
