#if Tracing
    import CloudEvents
    import Tracing

    /// The span attributes this library sets: the OpenTelemetry semantic conventions for
    /// CloudEvents (`cloudevents.*`) and for messaging, server and HTTP spans.
    enum CloudEventSpanAttributes {
        static func setEvent(_ event: CloudEvent, on span: any Span) {
            span.updateAttributes { attributes in
                attributes["cloudevents.event_id"] = event.id
                attributes["cloudevents.event_source"] = event.source
                attributes["cloudevents.event_spec_version"] = event.specVersion.rawValue
                attributes["cloudevents.event_type"] = event.type
                if let subject = event.subject { attributes["cloudevents.event_subject"] = subject }
                attributes["messaging.message.id"] = event.id
            }
        }

        static func setOperation(_ operation: String, destination: CloudEventTraceDestination, on span: any Span) {
            span.updateAttributes { attributes in
                attributes["messaging.operation.type"] = operation
                attributes["messaging.operation.name"] = operation
                attributes["messaging.destination.name"] = destination.name
                attributes["network.protocol.name"] = destination.protocolName
                if let address = destination.serverAddress { attributes["server.address"] = address }
                if let port = destination.serverPort { attributes["server.port"] = port }
                if let url = destination.url { attributes["url.full"] = url }
            }
        }

        static func setBatchCount(_ count: Int, on span: any Span) {
            span.attributes["messaging.batch.message_count"] = count
        }

        /// Marks the span failed with `error`; a ``/CloudEvents/CloudEventError`` also gives its
        /// code as `error.type` and the peer's status, when there was one.
        static func setFailure(_ error: any Error, on span: any Span) {
            span.recordError(error)
            span.setStatus(SpanStatus(code: .error))
            guard let error = error as? CloudEventError else { return }
            span.attributes["error.type"] = error.code.rawValue
            if let status = error.status { span.attributes["http.response.status_code"] = status }
            if let attempts = error.attempts, attempts > 1 { span.attributes["http.request.resend_count"] = attempts - 1 }
        }

        /// A span event recording that the event's Distributed Tracing extension is malformed and
        /// was neither used nor replaced.
        static func addInvalidTraceContext(_ error: CloudEventError, on span: any Span) {
            span.addEvent(
                SpanEvent(
                    name: "cloudevents.trace_context.invalid",
                    attributes: [
                        "cloudevents.attribute": .string(error.attribute ?? CloudEvent.traceParentAttribute),
                        "exception.message": .string(error.message),
                    ]))
        }
    }
#endif
