#if Tracing
    public import Logging
    import Tracing
    import W3CTraceContext

    extension Logger.MetadataProvider {
        /// Adds `trace_id` and `span_id` (lowercase hex, as in W3C Trace Context) to every log line
        /// written where a traced `ServiceContext` is current, such as inside a CloudEvents handler
        /// run by a traced receiver.
        ///
        /// The ids come from the bootstrapped instrument's W3C propagation (`traceparent`), so
        /// they are the ids an exporter such as swift-otel reports. Outside a trace, or with an
        /// instrument that does not propagate W3C Trace Context, it adds nothing.
        ///
        /// ```swift
        /// LoggingSystem.bootstrap(StreamLogHandler.standardOutput, metadataProvider: .cloudEventsTraceIDs)
        /// ```
        public static var cloudEventsTraceIDs: Logger.MetadataProvider {
            Logger.MetadataProvider {
                guard let context = ServiceContext.current, let instrument = CloudEventTracing.activeInstrument,
                    let parent = TracePropagationSnapshot(context, instrument: instrument).traceParent,
                    let trace = try? TraceContext(traceParentHeaderValue: parent)
                else { return [:] }
                return ["trace_id": "\(trace.traceID)", "span_id": "\(trace.spanID)"]
            }
        }
    }
#endif
