public import CloudEvents
public import CloudEventsTransport

#if Tracing
    import Tracing
#endif

/// What a transport calls around a send and around a handler, written once over any
/// ``/CloudEventsTransport/CloudEventHeaderCarrier``: every transport of this package calls it,
/// and a transport written outside it gets the same spans and propagation by calling it too.
///
/// With the `Tracing` trait it is ``CloudEventTracing``; without it, it runs the operation and
/// nothing else, so a transport calls it unconditionally. With the `Metrics` trait it also
/// records the send's or the handler's metrics (``CloudEventMetrics``) when a metrics backend is
/// active.
///
/// ```swift
/// try await TransportObservation.withProducerSpan(
///     sending: event, destination: CloudEventTraceDestination(name: subject, protocolName: "nats")
/// ) { event, trace in
///     var headers: [String: String] = [:]
///     trace.inject(into: &headers)
///     try await publish(event, headers: headers)
/// }
/// ```
public enum TransportObservation {
    /// The observation side of one send: with the trait, a ``CloudEventProducerTrace``.
    public struct Producer: Sendable {
        #if Tracing
            let trace: CloudEventProducerTrace
        #endif
        let attempts: SendAttempts?

        /// Puts the send's trace context in the message's headers.
        public func inject<Carrier: CloudEventHeaderCarrier>(into headers: inout Carrier) {
            #if Tracing
                trace.inject(into: &headers)
            #endif
        }

        /// Records the peer's successful answer: its status, if the transport has statuses, and
        /// the attempts it took.
        public func recordAnswer(status: Int?, attempts: Int) {
            #if Tracing
                trace.recordAnswer(status: status, attempts: attempts)
            #endif
            self.attempts?.value = attempts
        }
    }

    /// The trace context a received message's headers carried.
    public struct Received: Sendable {
        #if Tracing
            let context: ServiceContext?
        #endif
    }

    /// Runs `operation`, which sends `event`, inside a producer span (see
    /// ``CloudEventTracing/withProducerSpan(sending:destination:_:)-(CloudEvent,_,_)``).
    ///
    /// With a metrics backend, it records the send's metrics through `metrics`.
    public static func withProducerSpan<Result>(
        sending event: CloudEvent, destination: @autoclosure () -> CloudEventTraceDestination,
        metrics: CloudEventMetrics = .bootstrapped, _ operation: (CloudEvent, Producer) async throws -> Result
    ) async throws -> Result {
        try await measuringSend(metrics, destination, eventType: { event.type }) { attempts in
            #if Tracing
                try await CloudEventTracing.withProducerSpan(sending: event, destination: destination()) {
                    event, trace in
                    try await operation(event, Producer(trace: trace, attempts: attempts))
                }
            #else
                try await operation(event, Producer(attempts: attempts))
            #endif
        }
    }

    /// Runs `operation`, which sends `batch` as one message, inside a producer span.
    public static func withProducerSpan<Result>(
        sending batch: [CloudEvent], destination: @autoclosure () -> CloudEventTraceDestination,
        metrics: CloudEventMetrics = .bootstrapped, _ operation: ([CloudEvent], Producer) async throws -> Result
    ) async throws -> Result {
        try await measuringSend(metrics, destination, eventType: { nil }) { attempts in
            #if Tracing
                try await CloudEventTracing.withProducerSpan(sending: batch, destination: destination()) {
                    batch, trace in
                    try await operation(batch, Producer(trace: trace, attempts: attempts))
                }
            #else
                try await operation(batch, Producer(attempts: attempts))
            #endif
        }
    }

    /// Runs `send`, recording its metrics when a metrics backend is active.
    private static func measuringSend<Result>(
        _ metrics: CloudEventMetrics, _ destination: () -> CloudEventTraceDestination, eventType: () -> String?,
        _ send: (SendAttempts?) async throws -> Result
    ) async throws -> Result {
        #if Metrics
            guard
                let recorder = TransportMetrics(
                    metrics, operation: "send", destination: destination(), eventType: eventType(), isClient: true)
            else { return try await send(nil) }
            let attempts = SendAttempts()
            let start = ContinuousClock.now
            recorder.sendStarted()
            do {
                let result = try await send(attempts)
                recorder.sendEnded(since: start, attempts: attempts.value, error: nil)
                return result
            } catch {
                recorder.sendEnded(since: start, attempts: attempts.value, error: error)
                throw error
            }
        #else
            try await send(nil)
        #endif
    }

    /// The trace context `headers` carry, for ``withConsumerSpan(processing:received:destination:batch:metrics:_:)``.
    public static func extract<Carrier: CloudEventHeaderCarrier>(from headers: Carrier) -> Received {
        #if Tracing
            Received(context: CloudEventTracing.extractContext(from: headers))
        #else
            Received()
        #endif
    }

    /// Runs `operation`, which handles `event`, inside a consumer span (see
    /// ``CloudEventTracing/withConsumerSpan(processing:transportContext:destination:batch:_:)``).
    ///
    /// With a metrics backend, it records the event's metrics through `metrics`: the handler's
    /// time, and a refusal when it throws a ``/CloudEvents/CloudEventError``.
    public static func withConsumerSpan<Result>(
        processing event: CloudEvent, received: Received, destination: @autoclosure () -> CloudEventTraceDestination,
        batch: (index: Int, count: Int)?, metrics: CloudEventMetrics = .bootstrapped,
        _ operation: () async throws -> Result
    ) async throws -> Result {
        #if Metrics
            guard
                let recorder = TransportMetrics(
                    metrics, operation: "process", destination: destination(), eventType: event.type, isClient: false)
            else { return try await traced(event, received, destination, batch, operation) }
            let start = ContinuousClock.now
            do {
                let result = try await traced(event, received, destination, batch, operation)
                recorder.processed(since: start, error: nil)
                return result
            } catch {
                recorder.processed(since: start, error: error)
                throw error
            }
        #else
            try await traced(event, received, destination, batch, operation)
        #endif
    }

    private static func traced<Result>(
        _ event: CloudEvent, _ received: Received, _ destination: () -> CloudEventTraceDestination,
        _ batch: (index: Int, count: Int)?, _ operation: () async throws -> Result
    ) async throws -> Result {
        #if Tracing
            try await CloudEventTracing.withConsumerSpan(
                processing: event, transportContext: received.context, destination: destination(), batch: batch,
                operation)
        #else
            try await operation()
        #endif
    }

    /// Records that a receiver's filter dropped or refused an event that did not match it, when a
    /// metrics backend is active.
    public static func recordFiltered(
        destination: @autoclosure () -> CloudEventTraceDestination, metrics: CloudEventMetrics = .bootstrapped
    ) {
        #if Metrics
            TransportMetrics(
                metrics, operation: "process", destination: destination(), eventType: nil, isClient: false)?
                .filtered()
        #endif
    }

    /// Records that a receiver refused a message before any handler saw it (it did not decode,
    /// or broke a limit), by the error's code, when a metrics backend is active.
    public static func recordRefusal(
        _ error: CloudEventError, destination: @autoclosure () -> CloudEventTraceDestination,
        metrics: CloudEventMetrics = .bootstrapped
    ) {
        #if Metrics
            TransportMetrics(
                metrics, operation: "process", destination: destination(), eventType: nil, isClient: false)?
                .refused(code: error.code)
        #endif
    }
}
