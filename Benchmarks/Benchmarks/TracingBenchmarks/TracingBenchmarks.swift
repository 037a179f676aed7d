import Benchmark
import BenchmarkInputs
import CloudEvents
import CloudEventsHTTP
import CloudEventsTracing

// What tracing costs a send and a receive when the application bootstrapped no tracer: each
// path on the reference medium event, 1,000 events per measured iteration, once as the
// transports run it (inside CloudEventTracing) and once without it, in the same run. The
// claim is the allocation count: equal per event, so no tracer means no tracing allocations.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        tags: ["events": "1000"],
        warmupIterations: 5,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )
    let format = JSONEventFormat()
    let event = prepared("decoding the medium event") { try format.decode(BenchmarkInputs.mediumEvent) }
    let encoder = HTTPEventEncoder(mode: .binary)
    let decoder = HTTPEventDecoder()
    let message = prepared("encoding in binary mode") { try encoder.encode(event) }
    let url = "http://127.0.0.1:8080/events"

    // Sending: what a sender does before its HTTP client takes over.
    Benchmark("send binary medium, no tracing code") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await prepareRequest(event, encoder))
        }
    }

    Benchmark("send binary medium, tracing on, no tracer") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                try await CloudEventTracing.withProducerSpan(
                    sending: event, destination: CloudEventTraceDestination(httpURL: url)
                ) { event, trace in
                    var request = try await prepareRequest(event, encoder)
                    trace.inject(into: &request.headerFields)
                    trace.recordAnswer(status: 202, attempts: 1)
                    return request
                })
        }
    }

    // Receiving: decode the request and run the handler.
    Benchmark("receive binary medium, no tracing code") { benchmark in
        for _ in benchmark.scaledIterations {
            let decoded = try decoder.decodeEvent(headerFields: message.headerFields, body: message.body)
            blackHole(try await handle(decoded))
        }
    }

    Benchmark("receive binary medium, tracing on, no tracer") { benchmark in
        for _ in benchmark.scaledIterations {
            let decoded = try decoder.decodeEvent(headerFields: message.headerFields, body: message.body)
            let transport = CloudEventTracing.extractContext(from: message.headerFields)
            blackHole(
                try await CloudEventTracing.withConsumerSpan(
                    processing: decoded, transportContext: transport,
                    destination: CloudEventTraceDestination(name: "/events")
                ) { try await handle(decoded) })
        }
    }
}

/// The encoded request a sender hands to its HTTP client.
@inline(never)
func prepareRequest(_ event: CloudEvent, _ encoder: HTTPEventEncoder) async throws -> EncodedHTTPMessage {
    try encoder.encode(event)
}

/// A handler that reads the event and accepts it.
@inline(never)
func handle(_ event: CloudEvent) async throws -> Int {
    event.id.utf8.count
}
