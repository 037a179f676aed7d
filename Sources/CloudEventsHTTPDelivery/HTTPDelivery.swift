package import CloudEvents
import CloudEventsHTTP
import HTTPTypes

/// The client-library-independent part of sending one HTTP request carrying events: attempts
/// within the deadline, retries with back-off or `Retry-After`, typed errors, reply decoding.
///
/// An adapter supplies one attempt (its HTTP client sending the prepared request, with the time
/// left) and classifies its client's errors as ``HTTPAttemptFailure``; everything else is here, so
/// every HTTP sender behaves the same.
package struct HTTPDelivery: Sendable {
    /// Performs one attempt with at most `timeLeft` to finish it.
    package typealias Attempt = @Sendable (_ timeLeft: Duration) async throws -> HTTPPeerAnswer
    /// Told about each retry before its wait: the failed attempt's number, what went wrong, the wait.
    package typealias RetryObserver = @Sendable (_ attempt: Int, _ problem: String, _ wait: Duration) -> Void

    /// The sender's configuration.
    package var configuration: HTTPSenderConfiguration
    /// Where requests go, for messages.
    package var target: String

    package init(configuration: HTTPSenderConfiguration, target: String) {
        self.configuration = configuration
        self.target = target
    }

    /// Attempts until the peer answers `2xx`, a failure is final, the retry policy is used up, or
    /// the deadline passes; returns the successful answer and the number of attempts it took.
    ///
    /// - Throws: ``CloudEvents/CloudEventError`` (``CloudEvents/CloudEventError/Code/connectionFailed``,
    ///   ``CloudEvents/CloudEventError/Code/rejectedByPeer``,
    ///   ``CloudEvents/CloudEventError/Code/deadlineExceeded`` or
    ///   ``CloudEvents/CloudEventError/Code/transportFailed``), or ``HTTPDeliveryCancelled`` when
    ///   the task is cancelled.
    package func deliver(onRetry: RetryObserver? = nil, attempt: @escaping Attempt) async throws
        -> (answer: HTTPPeerAnswer, attempts: Int)
    {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: configuration.deadline)
        let policy = configuration.retryPolicy
        var attempts = 0
        var lastAnswer: HTTPPeerAnswer?
        var lastProblem = "no attempt was made"
        while true {
            guard !Task.isCancelled else { throw HTTPDeliveryCancelled(attempts: attempts) }
            let timeLeft = clock.now.duration(to: deadline)
            guard timeLeft > .zero else {
                throw failure(.deadlineExceeded, attempts, lastAnswer, "the deadline passed; last: \(lastProblem)")
            }
            attempts += 1
            let wait: Duration
            do {
                let answer = try await attemptWithinDeadline(
                    attempt, timeLeft: timeLeft, deadline: deadline, clock: clock)
                if answer.isSuccess { return (answer, attempts) }
                lastAnswer = answer
                lastProblem = "\(target) answered \(answer.status)"
                guard HTTPRetryPolicy.isRetryable(status: answer.status), attempts < policy.maximumAttempts else {
                    throw failure(
                        .rejectedByPeer, attempts, answer, "\(lastProblem)" + (answer.snippet.map { ": \($0)" } ?? ""))
                }
                wait =
                    answer.headerFields[.retryAfter].flatMap {
                        RetryAfter.delay(headerValue: $0, nowEpochSeconds: Timestamp.now().epochSeconds)
                    } ?? policy.backoff(afterAttempt: attempts)
            } catch let attemptFailure as HTTPAttemptFailure {
                lastAnswer = nil
                lastProblem = attemptFailure.reason
                switch attemptFailure.kind {
                case .fatal:
                    throw failure(.transportFailed, attempts, nil, "cannot send to \(target): \(attemptFailure.reason)")
                case .deadlineExceeded:
                    throw failure(.deadlineExceeded, attempts, nil, "no answer from \(target) before the deadline")
                case .connection:
                    guard attempts < policy.maximumAttempts else {
                        throw failure(
                            .connectionFailed, attempts, nil, "cannot reach \(target): \(attemptFailure.reason)")
                    }
                    wait = policy.backoff(afterAttempt: attempts)
                }
            } catch is CancellationError {
                throw HTTPDeliveryCancelled(attempts: attempts)
            }
            guard clock.now.advanced(by: wait) < deadline else {
                throw failure(
                    .deadlineExceeded, attempts, lastAnswer,
                    "waiting \(wait) before attempt \(attempts + 1) would pass the deadline; last: \(lastProblem)")
            }
            onRetry?(attempts, lastProblem, wait)
            do {
                try await Task.sleep(for: wait, clock: clock)
            } catch {
                throw HTTPDeliveryCancelled(attempts: attempts)
            }
        }
    }

    /// Runs one attempt, racing it against the deadline, so the deadline holds even for a client
    /// whose own timeout is looser (URLSession's is an idle timeout).
    private func attemptWithinDeadline(
        _ attempt: @escaping Attempt, timeLeft: Duration, deadline: ContinuousClock.Instant, clock: ContinuousClock
    ) async throws -> HTTPPeerAnswer {
        try await withThrowingTaskGroup(of: HTTPPeerAnswer?.self) { group in
            group.addTask { try await attempt(timeLeft) }
            group.addTask {
                try await Task.sleep(until: deadline, clock: clock)
                return nil
            }
            defer { group.cancelAll() }
            guard let answer = try await group.next() ?? nil else {
                throw HTTPAttemptFailure(.deadlineExceeded, reason: "no answer before the deadline")
            }
            return answer
        }
    }

    /// The reply event a successful answer carries, if any.
    ///
    /// An answer with neither a CloudEvents `Content-Type` nor `ce-specversion` carries none.
    /// - Throws: ``CloudEvents/CloudEventError/Code/transportFailed`` (with the status) when the
    ///   answer claims to carry an event but it does not decode: the event itself was delivered.
    /// A batch-mode reply (the answer to a batch of one) may hold at most one event.
    package func replyEvent(from answer: HTTPPeerAnswer, attempts: Int) throws -> CloudEvent? {
        do {
            _ = try HTTPEventDecoder.mode(of: answer.headerFields)
        } catch let error as CloudEventError where error.code == .notACloudEvent {
            return nil
        } catch let error as CloudEventError {
            throw replyFailure(error, answer, attempts)
        }
        guard !answer.isBodyTruncated else {
            throw failure(
                .transportFailed, attempts, answer,
                "\(target) accepted the event, but its reply exceeds \(configuration.maximumAnswerBodySize) bytes")
        }
        let events: [CloudEvent]
        do {
            events = try configuration.replyDecoder.decodeEvents(headerFields: answer.headerFields, body: answer.body)
        } catch let error as CloudEventError {
            throw replyFailure(error, answer, attempts)
        }
        guard events.count <= 1 else {
            throw failure(
                .transportFailed, attempts, answer,
                "\(target) accepted the event, but replied with a batch of \(events.count) events; a send has at most one reply"
            )
        }
        return events.first
    }

    private func replyFailure(_ error: CloudEventError, _ answer: HTTPPeerAnswer, _ attempts: Int) -> CloudEventError {
        failure(
            .transportFailed, attempts, answer,
            "\(target) accepted the event, but its reply is not a valid CloudEvent: \(error)")
    }

    /// The error a send ends with when it is cancelled after `attempts` attempts by a shutdown.
    package static func shutDownError(attempts: Int, target: String) -> CloudEventError {
        var error = CloudEventError(
            .shutDown,
            message: attempts == 0
                ? "the sender is shut down; nothing was sent to \(target)"
                : "the sender shut down before \(target) answered (after \(attempts) attempt(s)); the peer may or may"
                    + " not have received the event")
        error.attempts = attempts
        return error
    }

    private func failure(_ code: CloudEventError.Code, _ attempts: Int, _ answer: HTTPPeerAnswer?, _ message: String)
        -> CloudEventError
    {
        let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
        var error = CloudEventError(code, message: "\(message) (\(tries))")
        error.status = answer?.status
        error.responseSnippet = answer?.snippet
        error.attempts = attempts
        return error
    }
}
