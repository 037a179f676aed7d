package import CloudEvents
package import HTTPTypes

#if Tracing
    import Tracing
#endif

/// What this package's transports call around a send and around a handler. With the `Tracing`
/// trait it is ``CloudEventTracing``; without it, it runs the operation and nothing else.
package enum TransportTracing {
    /// The tracing side of one send: with the trait, a ``CloudEventProducerTrace``.
    package struct Producer: Sendable {
        #if Tracing
            let trace: CloudEventProducerTrace
        #endif

        /// Puts the send's trace context in the request's header fields.
        package func inject(into headerFields: inout HTTPFields) {
            #if Tracing
                trace.inject(into: &headerFields)
            #endif
        }

        /// Records the peer's successful answer on the span.
        package func recordAnswer(status: Int, attempts: Int) {
            #if Tracing
                trace.recordAnswer(status: status, attempts: attempts)
            #endif
        }
    }

    /// The trace context a request's header fields carried.
    package struct Received: Sendable {
        #if Tracing
            let context: ServiceContext?
        #endif
    }

    package static func withProducerSpan<Result>(
        sending event: CloudEvent, url: String, _ operation: (CloudEvent, Producer) async throws -> Result
    ) async throws -> Result {
        #if Tracing
            try await CloudEventTracing.withProducerSpan(
                sending: event, destination: CloudEventTraceDestination(httpURL: url)
            ) { event, trace in try await operation(event, Producer(trace: trace)) }
        #else
            try await operation(event, Producer())
        #endif
    }

    package static func withProducerSpan<Result>(
        sending batch: [CloudEvent], url: String, _ operation: ([CloudEvent], Producer) async throws -> Result
    ) async throws -> Result {
        #if Tracing
            try await CloudEventTracing.withProducerSpan(
                sending: batch, destination: CloudEventTraceDestination(httpURL: url)
            ) { batch, trace in try await operation(batch, Producer(trace: trace)) }
        #else
            try await operation(batch, Producer())
        #endif
    }

    package static func extract(from headerFields: HTTPFields) -> Received {
        #if Tracing
            Received(context: CloudEventTracing.extractContext(from: headerFields))
        #else
            Received()
        #endif
    }

    package static func withConsumerSpan<Result>(
        processing event: CloudEvent, received: Received, path: @autoclosure () -> String,
        batch: (index: Int, count: Int)?, _ operation: () async throws -> Result
    ) async throws -> Result {
        #if Tracing
            try await CloudEventTracing.withConsumerSpan(
                processing: event, transportContext: received.context,
                destination: CloudEventTraceDestination(name: path()), batch: batch, operation)
        #else
            try await operation()
        #endif
    }
}
