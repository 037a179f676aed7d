import CloudEvents

/// The transport-independent part of delivering one message: attempts within the deadline,
/// retries with back-off (or the wait the peer asked for), and one typed error at the end.
///
/// A transport supplies one attempt (its client sending the prepared message with the time left)
/// that returns the peer's answer or throws an ``AttemptFailure``, and a judgement of the answer
/// (``AnswerVerdict``); the loop does the rest, so every sender of every transport behaves the
/// same:
///
/// ```swift
/// let loop = DeliveryLoop(retryPolicy: .default, target: "orders")
/// let (reply, attempts) = try await loop.deliver(until: .now + .seconds(5)) { timeLeft in
///     try await client.publish(message, timeout: timeLeft)     // throws AttemptFailure
/// } judge: { reply in
///     reply.isAck ? .delivered : .refused(PeerRefusal("answered \(reply.code)", isRetryable: reply.isBusy))
/// }
/// ```
public struct DeliveryLoop: Sendable {
    /// Told about each retry before its wait: the failed attempt's number, what went wrong, the wait.
    public typealias RetryObserver = @Sendable (_ attempt: Int, _ problem: String, _ wait: Duration) -> Void

    /// When to try again and how long to wait.
    public var retryPolicy: RetryPolicy
    /// The peer's name in messages: a URL, a subject, a topic.
    public var target: String

    /// Creates a loop.
    public init(retryPolicy: RetryPolicy, target: String) {
        self.retryPolicy = retryPolicy
        self.target = target
    }

    /// Attempts until the peer takes the message, a failure is final, the retry policy is used
    /// up, or `deadline` passes; returns the answer that took it and the number of attempts.
    ///
    /// Each attempt races the deadline itself, so the deadline holds even for a client whose own
    /// timeout is looser.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError`` with ``/CloudEvents/CloudEventError/attempts`` and
    ///   what the peer said: ``/CloudEvents/CloudEventError/Code/connectionFailed``,
    ///   ``/CloudEvents/CloudEventError/Code/rejectedByPeer``,
    ///   ``/CloudEvents/CloudEventError/Code/deadlineExceeded`` or
    ///   ``/CloudEvents/CloudEventError/Code/transportFailed``; or ``DeliveryCancelled`` when the
    ///   task is cancelled.
    public func deliver<Answer: Sendable>(
        until deadline: ContinuousClock.Instant, onRetry: RetryObserver? = nil,
        attempt: @escaping @Sendable (_ timeLeft: Duration) async throws -> Answer,
        judge: (Answer) -> AnswerVerdict
    ) async throws -> (answer: Answer, attempts: Int) {
        let clock = ContinuousClock()
        var attempts = 0
        var last = Last()
        while true {
            guard !Task.isCancelled else { throw DeliveryCancelled(attempts: attempts) }
            let timeLeft = clock.now.duration(to: deadline)
            guard timeLeft > .zero else {
                throw failure(.deadlineExceeded, attempts, last, "the deadline passed; last: \(last.problem)")
            }
            attempts += 1
            let wait: Duration
            do {
                let answer = try await Self.attempt(attempt, timeLeft: timeLeft, deadline: deadline, clock: clock)
                guard case .refused(let refusal) = judge(answer) else { return (answer, attempts) }
                last = Last(refusal: refusal, problem: "\(target) \(refusal.description)")
                guard refusal.isRetryable, attempts < retryPolicy.maximumAttempts else {
                    throw failure(
                        .rejectedByPeer, attempts, last, last.problem + (refusal.snippet.map { ": \($0)" } ?? ""))
                }
                wait = refusal.retryAfter ?? retryPolicy.backoff(afterAttempt: attempts)
            } catch let attemptFailure as AttemptFailure {
                last = Last(problem: attemptFailure.reason, underlyingError: attemptFailure.underlyingError)
                switch attemptFailure.kind {
                case .fatal:
                    throw failure(
                        .transportFailed, attempts, last, "cannot send to \(target): \(attemptFailure.reason)")
                case .deadlineExceeded:
                    throw failure(.deadlineExceeded, attempts, last, "no answer from \(target) before the deadline")
                case .connection:
                    guard attempts < retryPolicy.maximumAttempts else {
                        throw failure(
                            .connectionFailed, attempts, last, "cannot reach \(target): \(attemptFailure.reason)")
                    }
                    wait = retryPolicy.backoff(afterAttempt: attempts)
                }
            } catch is CancellationError {
                throw DeliveryCancelled(attempts: attempts)
            }
            guard clock.now.advanced(by: wait) < deadline else {
                throw failure(
                    .deadlineExceeded, attempts, last,
                    "waiting \(wait) before attempt \(attempts + 1) would pass the deadline; last: \(last.problem)")
            }
            onRetry?(attempts, last.problem, wait)
            do {
                try await Task.sleep(for: wait, clock: clock)
            } catch {
                throw DeliveryCancelled(attempts: attempts)
            }
        }
    }

    /// What the last attempt ended with.
    private struct Last {
        var refusal: PeerRefusal?
        var problem = "no attempt was made"
        var underlyingError: (any Error)?
    }

    /// Runs one attempt, racing it against the deadline.
    private static func attempt<Answer: Sendable>(
        _ attempt: @escaping @Sendable (Duration) async throws -> Answer, timeLeft: Duration,
        deadline: ContinuousClock.Instant, clock: ContinuousClock
    ) async throws -> Answer {
        try await withThrowingTaskGroup(of: Answer?.self) { group in
            group.addTask { try await attempt(timeLeft) }
            group.addTask {
                try await Task.sleep(until: deadline, clock: clock)
                return nil
            }
            defer { group.cancelAll() }
            guard let answer = try await group.next() ?? nil else {
                throw AttemptFailure(.deadlineExceeded, reason: "no answer before the deadline")
            }
            return answer
        }
    }

    private func failure(_ code: CloudEventError.Code, _ attempts: Int, _ last: Last, _ message: String)
        -> CloudEventError
    {
        let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
        var error = CloudEventError(code, message: "\(message) (\(tries))")
        error.status = last.refusal?.status
        error.peerReason = last.refusal?.reason
        error.responseSnippet = last.refusal?.snippet
        error.underlyingError = last.underlyingError
        error.attempts = attempts
        return error
    }
}
