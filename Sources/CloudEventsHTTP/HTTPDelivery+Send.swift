public import CloudEvents
import CloudEventsTracing
public import CloudEventsTransport
public import HTTPTypes
public import Logging

extension HTTPDelivery {
    /// One attempt of an HTTP client adapter: sends the prepared header fields and body within
    /// `timeLeft` and returns the peer's answer, or throws an ``/CloudEventsTransport/AttemptFailure``.
    public typealias Transmit =
        @Sendable (_ headerFields: HTTPFields, _ body: [UInt8], _ timeLeft: Duration) async throws -> HTTPPeerAnswer

    /// A whole send of one event, as every HTTP sender makes it: a producer span (and metrics),
    /// the configured encoding, the sender's in-flight bookkeeping (so shutdown can finish or
    /// cancel it), the delivery loop with `transmit` as each attempt, and the reply event.
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - deadline: When the send must be over; the configuration's timeout applies too.
    ///   - logger: Where the structured-mode fallback and retries are logged, at `debug`.
    ///   - inFlight: The sender's running sends.
    ///   - injectsTrace: Whether to write the span's `traceparent` (not when the client writes its own).
    ///   - transmit: One attempt with the adapter's client.
    /// - Returns: The peer's reply event, if any.
    public func send(
        _ event: CloudEvent, deadline: ContinuousClock.Instant?, logger: Logger, inFlight: InFlightSends,
        injectsTrace: Bool = true, transmit: @escaping Transmit
    ) async throws -> CloudEvent? {
        try await TransportObservation.withProducerSpan(
            sending: event, destination: CloudEventTraceDestination(httpURL: target), metrics: configuration.metrics
        ) { event, trace in
            let message = try configuration.encoder.encode(event)
            if let reason = message.structuredModeFallback {
                logger.debug(
                    "sending event in structured mode",
                    metadata: ["cloudevents.event_id": "\(event.id)", "reason": "\(reason)"])
            }
            let answer = try await deliver(
                message, trace: trace, deadline: deadline, logger: logger, inFlight: inFlight,
                injectsTrace: injectsTrace, transmit: transmit)
            return try replyEvent(from: answer.answer, attempts: answer.attempts)
        }
    }

    /// A whole send of events as one batch-mode request; see
    /// ``send(_:deadline:logger:inFlight:injectsTrace:transmit:)``.
    ///
    /// - Returns: The peer's reply events (none when it accepted them without a reply).
    public func send(
        batch: [CloudEvent], deadline: ContinuousClock.Instant?, logger: Logger, inFlight: InFlightSends,
        injectsTrace: Bool = true, transmit: @escaping Transmit
    ) async throws -> [CloudEvent] {
        try await TransportObservation.withProducerSpan(
            sending: batch, destination: CloudEventTraceDestination(httpURL: target), metrics: configuration.metrics
        ) { batch, trace in
            let answer = try await deliver(
                try configuration.encoder.encodeBatch(batch), trace: trace, deadline: deadline, logger: logger,
                inFlight: inFlight, injectsTrace: injectsTrace, transmit: transmit)
            return try replyEvents(from: answer.answer, attempts: answer.attempts)
        }
    }

    private func deliver(
        _ message: EncodedHTTPMessage, trace: TransportObservation.Producer, deadline: ContinuousClock.Instant?,
        logger: Logger, inFlight: InFlightSends, injectsTrace: Bool, transmit: @escaping Transmit
    ) async throws -> (answer: HTTPPeerAnswer, attempts: Int) {
        var headerFields = configuration.requestHeaderFields(for: message)
        if injectsTrace { trace.inject(into: &headerFields) }
        let (prepared, body, delivery) = (headerFields, message.body, self)
        return try await inFlight.run {
            let (answer, attempts) = try await delivery.deliver(
                deadline: deadline,
                onRetry: { attempt, problem, wait in
                    logger.debug(
                        "retrying a CloudEvents send",
                        metadata: ["attempt": "\(attempt)", "problem": "\(problem)", "wait": "\(wait)"])
                }
            ) { timeLeft in try await transmit(prepared, body, timeLeft) }
            trace.recordAnswer(status: answer.status, attempts: attempts)
            return (answer, attempts)
        }
    }
}
