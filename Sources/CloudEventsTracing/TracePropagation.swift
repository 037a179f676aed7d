#if Tracing
    public import HTTPTypes
    public import Tracing

    /// Injects an instrument's trace context into HTTP header fields (the W3C `traceparent` and
    /// `tracestate` with a W3C propagator such as swift-otel's), replacing fields of the same name.
    public struct HTTPFieldsTraceInjector: Injector {
        /// Creates the injector.
        public init() {}

        /// Sets the field `key` to `value`.
        public func inject(_ value: String, forKey key: String, into carrier: inout HTTPFields) {
            guard let name = HTTPField.Name(key) else { return }
            carrier[name] = value
        }
    }

    /// Extracts an instrument's trace context from HTTP header fields.
    public struct HTTPFieldsTraceExtractor: Extractor {
        /// Creates the extractor.
        public init() {}

        /// The value of the field `key`; repeated fields joined with `, ` as HTTP defines.
        public func extract(key: String, from carrier: HTTPFields) -> String? {
            guard let name = HTTPField.Name(key) else { return nil }
            return carrier[name]
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
