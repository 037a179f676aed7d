public import CloudEvents
public import CloudEventsTransport
import HTTPTypes

/// The client-library-independent part of sending one HTTP request carrying events: the
/// ``/CloudEventsTransport/DeliveryLoop`` with HTTP's retryable statuses and `Retry-After`, the
/// sender's timeout, and reply decoding.
///
/// An adapter supplies one attempt (its HTTP client sending the prepared request, with the time
/// left) that returns an ``HTTPPeerAnswer`` or throws an ``/CloudEventsTransport/AttemptFailure``
/// classifying its client's error; everything else is here, so every HTTP sender — this
/// package's and yours — behaves the same.
///
/// ```swift
/// let delivery = HTTPDelivery(configuration: configuration, target: url)
/// let message = try configuration.encoder.encode(event)
/// let (answer, attempts) = try await delivery.deliver { timeLeft in
///     try await myClient.post(url, message, timeout: timeLeft)     // -> HTTPPeerAnswer
/// }
/// let reply = try delivery.replyEvent(from: answer, attempts: attempts)
/// ```
public struct HTTPDelivery: Sendable {
    /// Performs one attempt with at most `timeLeft` to finish it.
    public typealias Attempt = @Sendable (_ timeLeft: Duration) async throws -> HTTPPeerAnswer

    /// The sender's configuration.
    public var configuration: HTTPSenderConfiguration
    /// Where requests go, for messages.
    public var target: String

    /// Creates the delivery of one sender.
    public init(configuration: HTTPSenderConfiguration, target: String) {
        self.configuration = configuration
        self.target = target
    }

    /// Attempts until the peer answers `2xx`, a failure is final, the retry policy is used up, or
    /// the deadline passes; returns the successful answer and the number of attempts it took.
    ///
    /// - Parameters:
    ///   - deadline: When the send must be over: the earlier of this and the configuration's
    ///     ``HTTPSenderConfiguration/timeout`` from now. Default: the timeout alone.
    ///   - onRetry: Told about each retry before its wait.
    ///   - attempt: One attempt.
    /// - Throws: ``/CloudEvents/CloudEventError`` as ``/CloudEventsTransport/DeliveryLoop`` does,
    ///   or ``/CloudEventsTransport/DeliveryCancelled`` when the task is cancelled.
    public func deliver(
        deadline: ContinuousClock.Instant? = nil, onRetry: DeliveryLoop.RetryObserver? = nil,
        attempt: @escaping Attempt
    ) async throws -> (answer: HTTPPeerAnswer, attempts: Int) {
        let timeoutDeadline = ContinuousClock.now.advanced(by: configuration.timeout)
        let loop = DeliveryLoop(retryPolicy: configuration.retryPolicy, target: target)
        return try await loop.deliver(
            until: deadline.map { min($0, timeoutDeadline) } ?? timeoutDeadline, onRetry: onRetry, attempt: attempt,
            judge: \.verdict)
    }

    /// The reply event a successful answer to a single event carries, if any.
    ///
    /// An answer with neither a CloudEvents `Content-Type` nor `ce-specversion` carries none.
    /// A batch-mode reply may hold at most one event.
    /// - Throws: ``/CloudEvents/CloudEventError/Code/transportFailed`` (with the status) when the
    ///   answer claims to carry an event but it does not decode: the event itself was delivered.
    public func replyEvent(from answer: HTTPPeerAnswer, attempts: Int) throws -> CloudEvent? {
        let events = try replyEvents(from: answer, attempts: attempts)
        guard events.count <= 1 else {
            throw failure(
                attempts, answer,
                "\(target) accepted the event, but replied with a batch of \(events.count) events; a send has at most one reply"
            )
        }
        return events.first
    }

    /// The reply events a successful answer carries, in any mode: none when it carries no
    /// CloudEvent.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError/Code/transportFailed`` (with the status) when the
    ///   answer claims to carry events but they do not decode.
    public func replyEvents(from answer: HTTPPeerAnswer, attempts: Int) throws -> [CloudEvent] {
        do {
            _ = try HTTPEventDecoder.mode(of: answer.headerFields)
        } catch let error as CloudEventError where error.code == .notACloudEvent {
            return []
        } catch let error as CloudEventError {
            throw replyFailure(error, answer, attempts)
        }
        guard !answer.isBodyTruncated else {
            throw failure(
                attempts, answer,
                "\(target) accepted the event, but its reply exceeds \(configuration.maximumAnswerBodySize) bytes")
        }
        do {
            return try configuration.replyDecoder.decodeEvents(headerFields: answer.headerFields, body: answer.body)
        } catch let error as CloudEventError {
            throw replyFailure(error, answer, attempts)
        }
    }

    private func replyFailure(_ error: CloudEventError, _ answer: HTTPPeerAnswer, _ attempts: Int) -> CloudEventError {
        var failure = failure(
            attempts, answer, "\(target) accepted the event, but its reply is not a valid CloudEvent: \(error)")
        failure.underlyingError = error
        return failure
    }

    private func failure(_ attempts: Int, _ answer: HTTPPeerAnswer, _ message: String) -> CloudEventError {
        let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
        var error = CloudEventError(.transportFailed, message: "\(message) (\(tries))")
        error.status = answer.status
        error.responseSnippet = answer.snippet
        error.attempts = attempts
        return error
    }
}
