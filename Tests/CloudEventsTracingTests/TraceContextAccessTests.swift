#if Tracing
    import CloudEvents
    import CloudEventsTracing
    import Testing
    import W3CTraceContext

    @Suite("Distributed Tracing extension: typed access to traceparent and tracestate")
    struct TraceContextAccessTests {
        let parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

        func event(_ extensions: [String: CloudEventAttributeValue]) -> CloudEvent {
            var event = CloudEvent(id: "1", source: "/s", type: "t")
            for (name, value) in extensions { event[extension: name] = value }
            return event
        }

        @Test("an event without traceparent has no trace context")
        func absent() throws {
            #expect(try event([:]).traceContext() == nil)
            #expect(!event([:]).hasTraceParent)
        }

        @Test("traceparent and tracestate parse into the W3C trace context")
        func valid() throws {
            let context = try #require(
                try event(["traceparent": .string(parent), "tracestate": .string("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE")])
                    .traceContext())
            #expect(context.traceID.description == "4bf92f3577b34da6a3ce929d0e0e4736")
            #expect(context.spanID.description == "00f067aa0ba902b7")
            #expect(context.flags.contains(.sampled))
            #expect(context.state.count == 2)
        }

        @Test(
            "a malformed traceparent is an error naming traceparent, and the event keeps it",
            arguments: [
                "", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
                "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            ])
        func malformedParent(_ value: String) {
            let event = event(["traceparent": .string(value)])
            let error = #expect(throws: CloudEventError.self) { try event.traceContext() }
            #expect(error?.code == .invalidAttributeValue)
            #expect(error?.attribute == "traceparent")
            #expect(error?.message.contains("\"\(value)\"") ?? false)
            #expect(event[extension: "traceparent"] == .string(value))
        }

        @Test("a malformed tracestate is an error naming tracestate")
        func malformedState() {
            let event = event(["traceparent": .string(parent), "tracestate": .string("Rojo=1")])
            let error = #expect(throws: CloudEventError.self) { try event.traceContext() }
            #expect(error?.attribute == "tracestate")
        }

        @Test("a traceparent that is not a String is an error naming its type")
        func notAString() {
            let error = #expect(throws: CloudEventError.self) { try event(["traceparent": .integer(1)]).traceContext() }
            #expect(error?.attribute == "traceparent")
            #expect(error?.message.contains("Integer") ?? false)
        }

        @Test("setTraceContext writes both attributes, and nil removes them")
        func set() throws {
            var event = event([:])
            let context = try TraceContext(traceParentHeaderValue: parent, traceStateHeaderValue: "rojo=1")
            event.setTraceContext(context)
            #expect(event[extension: "traceparent"] == .string(parent))
            #expect(event[extension: "tracestate"] == .string("rojo=1"))
            #expect(try event.traceContext() == context)
            try event.validate()
            event.setTraceContext(nil)
            #expect(event[extension: "traceparent"] == nil)
            #expect(event[extension: "tracestate"] == nil)
        }
    }
#endif
