/// Why one attempt got no answer, as a transport classifies its client library's error for the
/// ``DeliveryLoop``.
public struct AttemptFailure: Error, Sendable {
    /// The kinds of failure the loop tells apart.
    public enum Kind: Sendable, Hashable {
        /// No answer: connecting failed or the connection broke. Worth another attempt.
        case connection
        /// The client's own timer for the send's deadline fired.
        case deadlineExceeded
        /// Retrying cannot help: a malformed address, a client that is shut down...
        case fatal
    }

    /// What kind of failure this is.
    public var kind: Kind
    /// What went wrong, in plain words ("the connection was refused"), for the error message.
    public var reason: String
    /// The client's or the system's own error, kept as the final error's
    /// ``/CloudEvents/CloudEventError/underlyingError``.
    public var underlyingError: (any Error)?

    /// Creates a failure.
    public init(_ kind: Kind, reason: String, underlyingError: (any Error)? = nil) {
        self.kind = kind
        self.reason = reason
        self.underlyingError = underlyingError
    }
}

/// A send's task was cancelled between or during attempts, after ``attempts`` attempts.
///
/// ``InFlightSends`` turns it into ``/CloudEvents/CloudEventError/Code/shutDown`` when a shutdown
/// cancelled the send, and into `CancellationError` when the caller's task was cancelled.
public struct DeliveryCancelled: Error, Sendable {
    /// How many attempts were started.
    public var attempts: Int

    /// Creates the error.
    public init(attempts: Int) {
        self.attempts = attempts
    }
}
