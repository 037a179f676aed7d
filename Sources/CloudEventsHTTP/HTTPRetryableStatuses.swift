/// The HTTP statuses a sender tries again after: `408 Request Timeout`, `429 Too Many Requests`,
/// `502 Bad Gateway`, `503 Service Unavailable` and `504 Gateway Timeout`, the answers that mean
/// "not now".
///
/// No other status is retried: another `4xx` means the request itself is wrong and would fail
/// again. Connection errors are retried too; how long to wait is the
/// ``/CloudEventsTransport/RetryPolicy``'s (or the answer's `Retry-After`).
public enum HTTPRetryableStatuses {
    /// The statuses that are retried.
    public static let all: Set<Int> = [408, 429, 502, 503, 504]

    /// Whether an answer with `status` is worth another attempt.
    public static func contains(_ status: Int) -> Bool {
        all.contains(status)
    }
}
