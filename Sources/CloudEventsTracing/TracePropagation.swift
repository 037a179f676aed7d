#if Tracing
    public import CloudEventsTransport
    public import Tracing

    /// Injects an instrument's trace context into any ``/CloudEventsTransport/CloudEventHeaderCarrier``
    /// (HTTP header fields, NATS or Kafka headers, an event's extensions): the W3C `traceparent`
    /// and `tracestate` with a W3C propagator such as swift-otel's, replacing values of the same name.
    public struct HeaderCarrierTraceInjector<Carrier: CloudEventHeaderCarrier>: Injector {
        /// Creates the injector.
        public init() {}

        /// Sets the header `key` to `value`.
        public func inject(_ value: String, forKey key: String, into carrier: inout Carrier) {
            carrier.setHeaderValue(value, named: key)
        }
    }

    /// Extracts an instrument's trace context from any ``/CloudEventsTransport/CloudEventHeaderCarrier``.
    public struct HeaderCarrierTraceExtractor<Carrier: CloudEventHeaderCarrier>: Extractor {
        /// Creates the extractor.
        public init() {}

        /// The value of the header `key`.
        public func extract(key: String, from carrier: Carrier) -> String? {
            carrier.headerValue(named: key)
        }
    }

    /// What an instrument writes for a context, as key–value pairs: lets the library read the W3C
    /// `traceparent` an instrument produces without knowing the instrument, and compare two contexts.
    struct TracePropagationSnapshot: Equatable {
        var values: [String: String] = [:]

        init(_ context: ServiceContext, instrument: any Instrument) {
            instrument.inject(context, into: &values, using: DictionaryInjector())
        }

        var isEmpty: Bool { values.isEmpty }
        var traceParent: String? { values["traceparent"] }
        var traceState: String? { values["tracestate"].flatMap { $0.isEmpty ? nil : $0 } }
    }

    private struct DictionaryInjector: Injector {
        func inject(_ value: String, forKey key: String, into carrier: inout [String: String]) {
            carrier[key.lowercased()] = value
        }
    }

    /// An event's Distributed Tracing extension as the instrument's carrier.
    struct W3CTraceValues: Sendable {
        var traceParent: String
        var traceState: String?
    }

    /// Reads `traceparent`/`tracestate` from W3C strings, so that the instrument turns an event's
    /// Distributed Tracing extension into its own context.
    struct W3CValuesExtractor: Extractor {
        func extract(key: String, from carrier: W3CTraceValues) -> String? {
            switch key.lowercased() {
            case "traceparent": carrier.traceParent
            case "tracestate": carrier.traceState
            default: nil
            }
        }
    }
#endif
