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
/// nothing else, so a transport calls it unconditionally.
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
    public static func withProducerSpan<Result>(
        sending event: CloudEvent, destination: @autoclosure () -> CloudEventTraceDestination,
        _ operation: (CloudEvent, Producer) async throws -> Result
    ) async throws -> Result {
        #if Tracing
            try await CloudEventTracing.withProducerSpan(sending: event, destination: destination()) { event, trace in
                try await operation(event, Producer(trace: trace))
            }
        #else
            try await operation(event, Producer())
        #endif
    }

    /// Runs `operation`, which sends `batch` as one message, inside a producer span.
    public static func withProducerSpan<Result>(
        sending batch: [CloudEvent], destination: @autoclosure () -> CloudEventTraceDestination,
        _ operation: ([CloudEvent], Producer) async throws -> Result
    ) async throws -> Result {
        #if Tracing
            try await CloudEventTracing.withProducerSpan(sending: batch, destination: destination()) { batch, trace in
                try await operation(batch, Producer(trace: trace))
            }
        #else
            try await operation(batch, Producer())
        #endif
    }

    /// The trace context `headers` carry, for ``withConsumerSpan(processing:received:destination:batch:_:)``.
    public static func extract<Carrier: CloudEventHeaderCarrier>(from headers: Carrier) -> Received {
        #if Tracing
            Received(context: CloudEventTracing.extractContext(from: headers))
        #else
            Received()
        #endif
    }

    /// Runs `operation`, which handles `event`, inside a consumer span (see
    /// ``CloudEventTracing/withConsumerSpan(processing:transportContext:destination:batch:_:)``).
    public static func withConsumerSpan<Result>(
        processing event: CloudEvent, received: Received, destination: @autoclosure () -> CloudEventTraceDestination,
        batch: (index: Int, count: Int)?, _ operation: () async throws -> Result
    ) async throws -> Result {
        #if Tracing
            try await CloudEventTracing.withConsumerSpan(
                processing: event, transportContext: received.context, destination: destination(), batch: batch,
                operation)
        #else
            try await operation()
        #endif
    }
}
