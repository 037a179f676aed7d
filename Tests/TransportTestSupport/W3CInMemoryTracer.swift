#if Tracing
    public import InMemoryTracing
    public import Tracing
    import W3CTraceContext

    /// swift-distributed-tracing's `InMemoryTracer` with W3C Trace Context propagation.
    ///
    /// `InMemoryTracer` propagates its own keys (`in-memory-trace-id`, `in-memory-span-id`); the
    /// Distributed Tracing extension is W3C Trace Context, which a production tracer such as
    /// swift-otel propagates. This tracer keeps the in-memory spans and ids (random, W3C-sized hex)
    /// and reads and writes `traceparent` as swift-otel's W3C propagator does; malformed headers
    /// are ignored, as W3C Trace Context requires.
    public struct W3CInMemoryTracer: Tracer {
        /// The in-memory tracer holding the spans.
        public let spans = InMemoryTracer(
            idGenerator: InMemoryTracer.IDGenerator(
                nextTraceID: { TraceID.random().description }, nextSpanID: { SpanID.random().description }))

        /// A tracer with no spans yet.
        public init() {}

        public func startSpan<Instant: TracerInstant>(
            _ operationName: String, context: @autoclosure () -> ServiceContext, ofKind kind: SpanKind,
            at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
        ) -> InMemorySpan {
            spans.startSpan(
                operationName, context: context(), ofKind: kind, at: instant(), function: function, file: fileID,
                line: line)
        }

        public func activeSpan(identifiedBy context: ServiceContext) -> InMemorySpan? {
            spans.activeSpan(identifiedBy: context)
        }

        public func forceFlush() {}

        public func inject<Carrier, Inject: Injector>(
            _ context: ServiceContext, into carrier: inout Carrier, using injector: Inject
        ) where Inject.Carrier == Carrier {
            guard let span = context.inMemorySpanContext else { return }
            injector.inject("00-\(span.traceID)-\(span.spanID)-01", forKey: "traceparent", into: &carrier)
        }

        public func extract<Carrier, Extract: Extractor>(
            _ carrier: Carrier, into context: inout ServiceContext, using extractor: Extract
        ) where Extract.Carrier == Carrier {
            guard let value = extractor.extract(key: "traceparent", from: carrier),
                let parsed = try? TraceContext(traceParentHeaderValue: value)
            else { return }
            context.inMemorySpanContext = InMemorySpanContext(
                traceID: parsed.traceID.description, spanID: parsed.spanID.description, parentSpanID: nil)
        }

        /// The spans that ended, in the order they ended.
        public var finishedSpans: [FinishedInMemorySpan] { spans.finishedSpans }
    }
#endif
