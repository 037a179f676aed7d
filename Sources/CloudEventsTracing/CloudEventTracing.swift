#if Tracing
    public import CloudEvents
    public import CloudEventsTransport
    public import Tracing
    import W3CTraceContext

    /// Spans for sending and processing CloudEvents through swift-distributed-tracing, and the
    /// propagation of their context in transport headers and in the events themselves.
    ///
    /// The transports of this package (the AsyncHTTPClient and URLSession senders, the Hummingbird
    /// receiver) call these already: an application only bootstraps a tracer. Another transport
    /// calls ``withProducerSpan(sending:destination:_:)-(CloudEvent,_,_)`` around a send and
    /// ``withConsumerSpan(processing:transportContext:destination:batch:_:)`` around a handler.
    ///
    /// With no tracer bootstrapped (or bound by `withTracer`), both run their operation directly:
    /// no span, no context, no allocation.
    public enum CloudEventTracing {
        /// The active tracer, or `nil` when it is the no-op one.
        static var activeTracer: (any Tracer)? {
            let tracer = InstrumentationSystem.tracer
            return tracer is NoOpTracer ? nil : tracer
        }

        /// The active instrument, or `nil` when none is bootstrapped.
        static var activeInstrument: (any Instrument)? {
            let instrument = InstrumentationSystem.instrument
            return instrument is NoOpInstrument || instrument is NoOpTracer ? nil : instrument
        }

        // MARK: Sending

        /// Runs `operation`, which sends `event`, inside a producer span named
        /// `CloudEvents Send <type>` with the `cloudevents.*` and messaging attributes.
        ///
        /// The event `operation` gets carries the span's context in its Distributed Tracing
        /// extension (`traceparent`, `tracestate`) if it had none: the extension records where
        /// the event was created, so an event that already has one keeps it on every hop. A
        /// malformed `traceparent` is neither used nor replaced (a span event records it).
        /// `operation` puts the span's context in the transport's own headers with
        /// ``CloudEventProducerTrace/inject(into:)``. A thrown error marks the span failed.
        public static func withProducerSpan<Result>(
            sending event: CloudEvent, destination: @autoclosure () -> CloudEventTraceDestination,
            _ operation: (CloudEvent, CloudEventProducerTrace) async throws -> Result
        ) async throws -> Result {
            guard let tracer = activeTracer else {
                return try await operation(event, CloudEventProducerTrace(span: nil, instrument: activeInstrument))
            }
            let span = tracer.startSpan("CloudEvents Send \(event.type)", ofKind: .producer)
            CloudEventSpanAttributes.setEvent(event, on: span)
            CloudEventSpanAttributes.setOperation("send", destination: destination(), on: span)
            let instrument = InstrumentationSystem.instrument
            let traced = recordingCreation(in: event, span: span, instrument: instrument)
            return try await run(span) {
                try await operation(traced, CloudEventProducerTrace(span: span, instrument: instrument))
            }
        }

        /// Runs `operation`, which sends `batch` as one message, inside a producer span named
        /// `CloudEvents Send batch` with `messaging.batch.message_count`; each event without a
        /// `traceparent` gets the span's context, as in ``withProducerSpan(sending:destination:_:)-(CloudEvent,_,_)``.
        public static func withProducerSpan<Result>(
            sending batch: [CloudEvent], destination: @autoclosure () -> CloudEventTraceDestination,
            _ operation: ([CloudEvent], CloudEventProducerTrace) async throws -> Result
        ) async throws -> Result {
            guard let tracer = activeTracer else {
                return try await operation(batch, CloudEventProducerTrace(span: nil, instrument: activeInstrument))
            }
            let span = tracer.startSpan("CloudEvents Send batch", ofKind: .producer)
            CloudEventSpanAttributes.setOperation("send", destination: destination(), on: span)
            CloudEventSpanAttributes.setBatchCount(batch.count, on: span)
            let instrument = InstrumentationSystem.instrument
            let traced = batch.map { recordingCreation(in: $0, span: span, instrument: instrument) }
            return try await run(span) {
                try await operation(traced, CloudEventProducerTrace(span: span, instrument: instrument))
            }
        }

        /// `event` with the span's context as its creation context when it has none.
        private static func recordingCreation(
            in event: CloudEvent, span: any Span, instrument: any Instrument
        ) -> CloudEvent {
            guard !event.hasTraceParent else {
                do {
                    _ = try event.traceContext()
                } catch let error as CloudEventError {
                    CloudEventSpanAttributes.addInvalidTraceContext(error, on: span)
                } catch {}
                return event
            }
            let snapshot = TracePropagationSnapshot(span.context, instrument: instrument)
            // Only a W3C propagator gives a traceparent; the extension carries nothing else.
            guard let parent = snapshot.traceParent, let context = try? TraceContext(traceParentHeaderValue: parent)
            else { return event }
            var traced = event
            traced.setTraceContext(context)
            if traced[extension: CloudEvent.traceStateAttribute] == nil, let state = snapshot.traceState,
                (try? TraceContext(traceParentHeaderValue: parent, traceStateHeaderValue: state)) != nil
            {
                traced[extension: CloudEvent.traceStateAttribute] = .string(state)
            }
            return traced
        }

        // MARK: Receiving

        /// The trace context a transport's headers carry, through the bootstrapped instrument;
        /// `nil` when no instrument is bootstrapped or the headers carry none (or a malformed one,
        /// which the instrument ignores).
        public static func extractContext<Carrier: CloudEventHeaderCarrier>(from headers: Carrier) -> ServiceContext? {
            extractContext(from: headers, using: HeaderCarrierTraceExtractor<Carrier>())
        }

        /// The trace context any carrier holds, through the bootstrapped instrument and
        /// `extractor`; `nil` when there is none.
        public static func extractContext<Carrier, Extract: Extractor>(
            from carrier: Carrier, using extractor: Extract
        ) -> ServiceContext? where Extract.Carrier == Carrier {
            guard let instrument = activeInstrument else { return nil }
            var context = ServiceContext.topLevel
            instrument.extract(carrier, into: &context, using: extractor)
            return TracePropagationSnapshot(context, instrument: instrument).isEmpty ? nil : context
        }

        /// Runs `operation`, which handles `event`, inside a consumer span named
        /// `CloudEvents Process <type>` with the `cloudevents.*` and messaging attributes; the
        /// operation sees the span's `ServiceContext` as `ServiceContext.current`.
        ///
        /// The span's parent is the first of: the current context (a server span a tracing
        /// middleware started), `transportContext` (from the transport's headers), the event's
        /// creation context (its Distributed Tracing extension, so a trace survives a hop that
        /// dropped the headers). When the creation context is not the parent and differs from
        /// `transportContext`, the span links to it. A malformed extension is not used, and a span
        /// event records why. A thrown error marks the span failed.
        public static func withConsumerSpan<Result>(
            processing event: CloudEvent, transportContext: ServiceContext?,
            destination: @autoclosure () -> CloudEventTraceDestination, batch: (index: Int, count: Int)? = nil,
            _ operation: () async throws -> Result
        ) async throws -> Result {
            guard let tracer = activeTracer else { return try await operation() }
            let instrument = InstrumentationSystem.instrument
            var creation: ServiceContext?
            var invalid: CloudEventError?
            do {
                if let context = try event.traceContext() {
                    creation = extractContext(
                        from: W3CTraceValues(
                            traceParent: context.traceParentHeaderValue, traceState: context.traceStateHeaderValue),
                        using: W3CValuesExtractor())
                }
            } catch let error as CloudEventError {
                invalid = error
            }
            let current = ServiceContext.current.flatMap {
                TracePropagationSnapshot($0, instrument: instrument).isEmpty ? nil : $0
            }
            let parent = current ?? transportContext ?? creation ?? .topLevel
            let span = tracer.startSpan("CloudEvents Process \(event.type)", context: parent, ofKind: .consumer)
            CloudEventSpanAttributes.setEvent(event, on: span)
            CloudEventSpanAttributes.setOperation("process", destination: destination(), on: span)
            if let batch { CloudEventSpanAttributes.setBatchCount(batch.count, on: span) }
            if let invalid { CloudEventSpanAttributes.addInvalidTraceContext(invalid, on: span) }
            if let creation, current != nil || transportContext != nil {
                let creationSnapshot = TracePropagationSnapshot(creation, instrument: instrument)
                let transportSnapshot = transportContext.map { TracePropagationSnapshot($0, instrument: instrument) }
                if creationSnapshot != transportSnapshot {
                    span.addLink(SpanLink(context: creation, attributes: ["cloudevents.link": "creation"]))
                }
            }
            return try await run(span, operation)
        }

        /// Runs `operation` with `span` as the current context, ends the span, and records a thrown
        /// error on it.
        private static func run<Result>(_ span: any Span, _ operation: () async throws -> Result) async throws
            -> Result
        {
            defer { span.end() }
            do {
                return try await ServiceContext.withValue(span.context) { try await operation() }
            } catch {
                CloudEventSpanAttributes.setFailure(error, on: span)
                throw error
            }
        }
    }

    /// What a transport does inside a producer span: put the span's context in its own headers
    /// and record the peer's answer.
    public struct CloudEventProducerTrace: Sendable {
        let span: (any Span)?
        let instrument: (any Instrument)?

        /// Writes the producer span's context (or, without a tracer, the current context) into a
        /// transport's headers through the bootstrapped instrument: the W3C `traceparent` and
        /// `tracestate` with a W3C propagator. Does nothing when no instrument is bootstrapped.
        public func inject<Carrier: CloudEventHeaderCarrier>(into headers: inout Carrier) {
            inject(into: &headers, using: HeaderCarrierTraceInjector<Carrier>())
        }

        /// Writes the context into any carrier through the bootstrapped instrument and `injector`.
        public func inject<Carrier, Inject: Injector>(into carrier: inout Carrier, using injector: Inject)
        where Inject.Carrier == Carrier {
            guard let instrument, let context = span?.context ?? ServiceContext.current else { return }
            instrument.inject(context, into: &carrier, using: injector)
        }

        /// Records the successful answer: `http.response.status_code` when it has a status (HTTP),
        /// and `http.request.resend_count` when it took more than one attempt.
        public func recordAnswer(status: Int?, attempts: Int) {
            guard let span else { return }
            if let status { span.attributes["http.response.status_code"] = status }
            if attempts > 1 { span.attributes["http.request.resend_count"] = attempts - 1 }
        }

        /// The span, when a tracer is active, for a transport's own attributes.
        public var activeSpan: (any Span)? { span }
    }
#endif
