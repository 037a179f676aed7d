#if Tracing && Hummingbird && AsyncHTTPClient
    import CloudEvents
    import CloudEventsAsyncHTTPClient
    import CloudEventsTracing
    import InMemoryTracing
    import Logging
    import Testing
    import Tracing
    import TransportTestSupport

    /// One trace across real HTTP hops: sender → Hummingbird receiver → a second send → a second
    /// receiver, with W3C propagation (see ``W3CInMemoryTracer``). Each test binds its own tracer
    /// with `withTracer`, which the servers started inside it inherit, so tests run in parallel.
    @Suite("Tracing across HTTP hops")
    struct TraceAcrossHopsTests {
        struct Hops {
            var first: HandledEvent
            var second: HandledEvent
            var spans: [FinishedInMemorySpan]

            func spans(named name: String, kind: SpanKind) -> [FinishedInMemorySpan] {
                spans.filter { $0.operationName == name && $0.kind == kind }
            }
        }

        /// The span's transport parent: its parent, or the parent of the HTTP client span between
        /// them (AsyncHTTPClient with a tracer starts a `client` span and propagates that).
        func sendingSpanID(above span: FinishedInMemorySpan, in spans: [FinishedInMemorySpan]) -> String? {
            guard let parent = spans.first(where: { $0.spanID == span.parentSpanID }) else { return span.parentSpanID }
            return parent.kind == .client ? parent.parentSpanID : parent.spanID
        }

        /// Sends `event` with `kind` to a relay that sends it on (with the AsyncHTTPClient sender)
        /// to a final receiver, whose `traceparent` header is rewritten with `rewrite` (`.none`:
        /// left alone; `.some(nil)`: removed).
        func twoHops(
            _ event: CloudEvent, sender kind: SenderKind, mode: HTTPContentMode = .binary,
            rewrite: String?? = .none, tracer: W3CInMemoryTracer
        ) async throws -> Hops {
            let firstSeen = HandledEvents()
            let secondSeen = HandledEvents()
            try await withTracer(tracer) {
                try await withTestServer(tracedRecordingRouter(secondSeen, rewriteTraceParent: rewrite)) { finalPort in
                    let onward = AsyncHTTPClientCloudEventSender(url: "http://127.0.0.1:\(finalPort)/events")
                    do {
                        try await withTestServer(relayRouter(firstSeen) { _ = try await onward.send($0) }) { relayPort in
                            try await kind.withSender(url: "http://127.0.0.1:\(relayPort)/events", mode: mode) {
                                _ = try await $0.send(event)
                            }
                        }
                        await onward.shutdown()
                    } catch {
                        await onward.shutdown()
                        throw error
                    }
                }
            }
            let first = try #require(await firstSeen.all.first)
            let second = try #require(await secondSeen.all.first)
            return Hops(first: first, second: second, spans: tracer.finishedSpans)
        }

        @Test("one trace id end to end, with the right parents, links and attributes", arguments: SenderKind.allCases)
        func oneTrace(_ kind: SenderKind) async throws {
            let tracer = W3CInMemoryTracer()
            let event = CloudEvent(id: "order-1", source: "/shop", type: "com.example.order.created", subject: "o-1")
            let hops = try await twoHops(event, sender: kind, tracer: tracer)

            let producers = hops.spans(named: "CloudEvents Send com.example.order.created", kind: .producer)
            let consumers = hops.spans(named: "CloudEvents Process com.example.order.created", kind: .consumer)
            try #require(producers.count == 2 && consumers.count == 2)
            // The first producer is the root; every other span follows it in the same trace.
            let first = try #require(producers.first { $0.parentSpanID == nil })
            let relay = try #require(consumers.first { sendingSpanID(above: $0, in: hops.spans) == first.spanID })
            let onward = try #require(producers.first { $0.parentSpanID == relay.spanID })
            let final = try #require(consumers.first { sendingSpanID(above: $0, in: hops.spans) == onward.spanID })
            #expect(Set(hops.spans.map(\.traceID)) == [first.traceID])
            // AsyncHTTPClient adds its own client span per request (the URLSession sender does not).
            #expect(hops.spans.count == (kind == .asyncHTTPClient ? 6 : 5))

            // The event records where it was created: the first send, on both hops.
            let creation = "00-\(first.traceID)-\(first.spanID)-01"
            #expect(hops.first.event[extension: "traceparent"] == .string(creation))
            #expect(hops.second.event[extension: "traceparent"] == .string(creation))
            // Links: none where the transport context is the creation context (the URLSession
            // sender's first hop); otherwise one, to the creation context.
            #expect(relay.links.count == (relay.parentSpanID == first.spanID ? 0 : 1))
            #expect(final.links.count == 1)
            #expect(final.links.first?.context.inMemorySpanContext?.spanID == first.spanID)

            // The handlers ran inside the consumer spans, and their log lines carry the ids.
            #expect(hops.first.span?.spanID == relay.spanID)
            #expect(hops.second.span?.spanID == final.spanID)
            #expect(hops.second.logMetadata["trace_id"] == .string(first.traceID))
            #expect(hops.second.logMetadata["span_id"] == .string(final.spanID))

            for span in [first, relay, onward, final] {
                #expect(span.stringAttribute("cloudevents.event_id") == "order-1")
                #expect(span.stringAttribute("cloudevents.event_source") == "/shop")
                #expect(span.stringAttribute("cloudevents.event_spec_version") == "1.0")
                #expect(span.stringAttribute("cloudevents.event_type") == "com.example.order.created")
                #expect(span.stringAttribute("cloudevents.event_subject") == "o-1")
                #expect(span.stringAttribute("messaging.message.id") == "order-1")
                #expect(span.stringAttribute("messaging.destination.name") == "/events")
            }
            #expect(first.stringAttribute("messaging.operation.type") == "send")
            #expect(first.stringAttribute("server.address") == "127.0.0.1")
            #expect(first.intAttribute("server.port") != nil)
            #expect(first.intAttribute("http.response.status_code") == 202)
            #expect(final.stringAttribute("messaging.operation.type") == "process")
        }

        @Test("structured mode carries the same trace")
        func structured() async throws {
            let tracer = W3CInMemoryTracer()
            let hops = try await twoHops(
                CloudEvent(source: "/s", type: "t"), sender: .asyncHTTPClient, mode: .structured, tracer: tracer)
            #expect(Set(hops.spans.map(\.traceID)).count == 1)
            #expect(hops.spans.filter { $0.kind == .consumer }.count == 2)
            #expect(hops.spans.filter { $0.kind == .producer }.count == 2)
        }

        @Test("the creation context survives a hop that strips the traceparent header")
        func strippedHeader() async throws {
            let tracer = W3CInMemoryTracer()
            let hops = try await twoHops(
                CloudEvent(source: "/s", type: "t"), sender: .asyncHTTPClient, rewrite: .some(nil), tracer: tracer)
            let first = try #require(hops.spans.first { $0.kind == .producer && $0.parentSpanID == nil })
            let final = try #require(hops.spans.first { $0.spanID == hops.second.span?.spanID })
            #expect(hops.second.event[extension: "traceparent"] == .string("00-\(first.traceID)-\(first.spanID)-01"))
            // Without a transport context, the creation context is the parent: still one trace.
            #expect(final.parentSpanID == first.spanID)
            #expect(final.links.isEmpty)
            #expect(Set(hops.spans.map(\.traceID)) == [first.traceID])
        }

        @Test("a malformed traceparent header is ignored: the event's creation context takes over")
        func malformedHeader() async throws {
            let tracer = W3CInMemoryTracer()
            let hops = try await twoHops(
                CloudEvent(source: "/s", type: "t"), sender: .asyncHTTPClient, rewrite: "00-nothex-01", tracer: tracer)
            let first = try #require(hops.spans.first { $0.kind == .producer && $0.parentSpanID == nil })
            let final = try #require(hops.spans.first { $0.spanID == hops.second.span?.spanID })
            #expect(final.parentSpanID == first.spanID)
            #expect(final.traceID == first.traceID)
        }

        @Test("an event's existing traceparent is kept, never replaced, and linked", arguments: SenderKind.allCases)
        func existingTraceParent(_ kind: SenderKind) async throws {
            let tracer = W3CInMemoryTracer()
            let event = CloudEvent(
                source: "/s", type: "t", extensions: ["traceparent": .string(foreignTraceParent), "tracestate": .string("a=1")])
            let hops = try await twoHops(event, sender: kind, tracer: tracer)
            #expect(hops.first.event[extension: "traceparent"] == .string(foreignTraceParent))
            #expect(hops.second.event[extension: "traceparent"] == .string(foreignTraceParent))
            #expect(hops.second.event[extension: "tracestate"] == .string("a=1"))
            let consumers = hops.spans.filter { $0.kind == .consumer }
            #expect(consumers.count == 2)
            for consumer in consumers {
                #expect(consumer.links.map { $0.context.inMemorySpanContext?.spanID } == ["00f067aa0ba902b7"])
            }
        }

        @Test("a malformed traceparent in the event travels unchanged, unused, recorded on the spans")
        func malformedInEvent() async throws {
            let tracer = W3CInMemoryTracer()
            let event = CloudEvent(source: "/s", type: "t", extensions: ["traceparent": .string("00-garbage")])
            let hops = try await twoHops(event, sender: .asyncHTTPClient, tracer: tracer)
            #expect(hops.second.event[extension: "traceparent"] == .string("00-garbage"))
            #expect(Set(hops.spans.map(\.traceID)).count == 1)
            #expect(hops.spans.allSatisfy { $0.links.isEmpty })
            for span in hops.spans where span.kind != .client {
                let recorded = span.events.first { $0.name == "cloudevents.trace_context.invalid" }
                #expect(recorded?.attributes["cloudevents.attribute"]?.toSpanAttribute() == .string("traceparent"))
            }
        }

        @Test("a batch: one producer span, one consumer span per event, each event traced")
        func batch() async throws {
            let tracer = W3CInMemoryTracer()
            let seen = HandledEvents()
            let events = [
                CloudEvent(id: "a", source: "/s", type: "t"),
                CloudEvent(id: "b", source: "/s", type: "t", extensions: ["traceparent": .string(foreignTraceParent)]),
            ]
            _ = try await withTracer(tracer) {
                try await withTestServer(tracedRecordingRouter(seen)) { port in
                    try await SenderKind.asyncHTTPClient.withSender(url: "http://127.0.0.1:\(port)/events", mode: .batch) {
                        try await $0.send(batch: events)
                    }
                }
            }
            let producer = try #require(tracer.finishedSpans.first { $0.kind == .producer })
            #expect(producer.operationName == "CloudEvents Send batch")
            #expect(producer.intAttribute("messaging.batch.message_count") == 2)
            let received = await seen.all.map(\.event)
            #expect(received.map(\.id) == ["a", "b"])
            #expect(received.first?[extension: "traceparent"] == .string("00-\(producer.traceID)-\(producer.spanID)-01"))
            #expect(received.last?[extension: "traceparent"] == .string(foreignTraceParent))
            let consumers = tracer.finishedSpans.filter { $0.kind == .consumer }
            #expect(consumers.count == 2)
            #expect(consumers.allSatisfy { sendingSpanID(above: $0, in: tracer.finishedSpans) == producer.spanID })
            #expect(consumers.allSatisfy { $0.intAttribute("messaging.batch.message_count") == 2 })
            #expect(consumers.first { $0.stringAttribute("cloudevents.event_id") == "b" }?.links.count == 1)
        }

        @Test("without a tracer nothing is added: no traceparent in the event, no span context in the handler")
        func noTracer() async throws {
            let seen = HandledEvents()
            try await withTestServer(tracedRecordingRouter(seen)) { port in
                try await SenderKind.asyncHTTPClient.withSender(url: "http://127.0.0.1:\(port)/events") {
                    _ = try await $0.send(CloudEvent(source: "/s", type: "t"))
                }
            }
            let handled = try #require(await seen.all.first)
            #expect(handled.event[extension: "traceparent"] == nil)
            #expect(handled.span == nil)
            #expect(handled.logMetadata.isEmpty)
        }

        @Test("a failed send marks the producer span failed with the error code")
        func failedSend() async throws {
            let tracer = W3CInMemoryTracer()
            try await withClosedPort { port in
                await withTracer(tracer) {
                    let sender = AsyncHTTPClientCloudEventSender(
                        url: "http://127.0.0.1:\(port)/events",
                        configuration: HTTPSenderConfiguration(retryPolicy: RetryPolicy(maximumAttempts: 1)))
                    _ = try? await sender.send(CloudEvent(source: "/s", type: "t"))
                    await sender.shutdown()
                }
            }
            let producer = try #require(tracer.finishedSpans.first { $0.kind == .producer })
            #expect(producer.status?.code == .error)
            #expect(producer.stringAttribute("error.type") == "connection_failed")
            #expect(producer.errors.count == 1)
        }
    }
#endif
