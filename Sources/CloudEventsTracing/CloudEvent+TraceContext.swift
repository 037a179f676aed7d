#if Tracing
    public import CloudEvents
    public import W3CTraceContext

    /// Typed access to the Distributed Tracing extension: the `traceparent` and `tracestate`
    /// attributes, which record the W3C trace context in which the event was created.
    extension CloudEvent {
        /// The extension attribute holding the W3C `traceparent` of the event's creation.
        public static let traceParentAttribute = "traceparent"
        /// The extension attribute holding the W3C `tracestate` that goes with `traceparent`.
        public static let traceStateAttribute = "tracestate"

        /// The W3C trace context in which the event was created, parsed from its `traceparent` and
        /// `tracestate` attributes; `nil` when the event has no `traceparent`.
        ///
        /// - Throws: ``/CloudEvents/CloudEventError`` with code
        ///   ``/CloudEvents/CloudEventError/Code/invalidAttributeValue`` naming `traceparent` or
        ///   `tracestate` when a value is not a String or is not valid W3C Trace Context (version
        ///   `00`). The event is never changed: a malformed value stays as it arrived.
        public func traceContext() throws -> TraceContext? {
            guard let parentValue = self[extension: Self.traceParentAttribute] else { return nil }
            let parent = try Self.traceString(parentValue, Self.traceParentAttribute)
            let parsedParent: TraceContext
            do {
                parsedParent = try TraceContext(traceParentHeaderValue: parent)
            } catch {
                throw CloudEventError(
                    .invalidAttributeValue, attribute: Self.traceParentAttribute,
                    message: "\"\(parent)\" is not a W3C traceparent (00-<32 hex trace id>-<16 hex span id>-<2 hex flags>,"
                        + " trace and span id not all zero): \(TraceContextProblem.describe(error))")
            }
            guard let stateValue = self[extension: Self.traceStateAttribute] else { return parsedParent }
            let state = try Self.traceString(stateValue, Self.traceStateAttribute)
            do {
                return try TraceContext(traceParentHeaderValue: parent, traceStateHeaderValue: state)
            } catch {
                throw CloudEventError(
                    .invalidAttributeValue, attribute: Self.traceStateAttribute,
                    message: "\"\(state)\" is not a W3C tracestate (comma-separated vendor=value members): "
                        + TraceContextProblem.describe(error))
            }
        }

        /// Records `context` as the event's creation context: sets `traceparent` and sets or
        /// removes `tracestate`. `nil` removes both.
        public mutating func setTraceContext(_ context: TraceContext?) {
            self[extension: Self.traceParentAttribute] = context.map { .string($0.traceParentHeaderValue) }
            self[extension: Self.traceStateAttribute] = context?.traceStateHeaderValue.map { .string($0) }
        }

        /// Whether the event carries a `traceparent`, valid or not.
        public var hasTraceParent: Bool {
            self[extension: Self.traceParentAttribute] != nil
        }

        private static func traceString(_ value: CloudEventAttributeValue, _ attribute: String) throws -> String {
            guard case .string(let text) = value else {
                throw CloudEventError(
                    .invalidAttributeValue, attribute: attribute,
                    message: "the Distributed Tracing extension's \(attribute) is a String, not \(value.type.rawValue)")
            }
            return text
        }
    }

    /// Readable reasons for the errors of swift-w3c-trace-context, whose error types are not public.
    enum TraceContextProblem {
        static func describe(_ error: any Error) -> String {
            // "TraceParentDecodingError(reason: ...Reason.invalidTraceParentLength(54))" → the reason.
            let text = String(describing: error)
            guard let start = text.firstRange(of: "reason: ") else { return text }
            var reason = text[start.upperBound...]
            if reason.hasSuffix(")") { reason = reason.dropLast() }
            if let lastDot = reason.firstRange(of: ".Reason.") { reason = reason[lastDot.upperBound...] }
            return String(reason)
        }
    }
#endif
