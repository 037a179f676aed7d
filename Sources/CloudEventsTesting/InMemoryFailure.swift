public import CloudEvents

/// A failure an in-memory transport injects into the next deliveries, to test how code behaves
/// when the peer or the network misbehaves.
public enum InMemoryFailure: Sendable {
    /// The receiving side refuses the event with this error, without calling the handler: the
    /// sender throws ``/CloudEvents/CloudEventError/Code/rejectedByPeer`` with its message as the
    /// peer's reason (retried by a sender with a retry policy when the code is
    /// ``/CloudEvents/CloudEventError/Code/shutDown``, as a `503` would be).
    case refusal(CloudEventError)
    /// The delivery waits this long before it reaches the receiver; the sender's deadline
    /// applies (``/CloudEvents/CloudEventError/Code/deadlineExceeded`` when it passes first).
    case delay(Duration)
    /// The transport fails with this error before the receiver sees the event: the sender throws
    /// ``/CloudEvents/CloudEventError/Code/connectionFailed`` (after its retries) with it as the
    /// underlying error.
    case transportError(any Error & Sendable)
}
