import Benchmark
import BenchmarkInputs
import CloudEvents
import CloudEventsSQL

// CloudEventRouter with 50 routes (40 exact types, 7 type prefixes, 3 CESQL expressions, in that
// registration order) dispatching the reference medium event retyped to hit each kind, beside
// hand-written dispatch (a dictionary of the 40 types, `hasPrefix` checks), in the same run.
// 1,000 dispatches per measured iteration. The claims: dispatches per second, the ratio to the
// hand-written dispatch, and allocations per dispatch (target: none for type and prefix routes).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        tags: ["dispatches": "1000"],
        warmupIterations: 5,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )
    let router: CloudEventRouter
    let base: CloudEvent
    do {
        router = try fiftyRoutes()
        base = try JSONEventFormat().decode(BenchmarkInputs.mediumEvent)
    } catch {
        fatalError("preparing the router benchmarks: \(error)")
    }
    let context = CloudEventContext(transport: "benchmark")
    let cases: [(String, String)] = [
        ("the 40th exact type", "com.example.type39.happened"),
        ("a prefix route", "com.example.refund.issued"),
        ("a CESQL route", "org.other.audit"),
    ]
    for (name, type) in cases {
        var event = base
        event.type = type
        Benchmark("router, 50 routes: \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try await router.handle(event, context))
            }
        }
        Benchmark("hand-written dispatch: \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(handWritten(event))
            }
        }
    }
}

/// 40 exact types, 7 prefixes, then 3 CESQL expressions; every handler accepts without a reply.
func fiftyRoutes() throws -> CloudEventRouter {
    var router = CloudEventRouter(fallback: .accept)
    let accept: CloudEventHandler = { _, _ in nil }
    for index in 0..<40 { router.on(type: "com.example.type\(index).happened", accept) }
    for prefix in ["refund", "invoice", "shipment", "customer", "stock", "payment", "review"] {
        router.on(typePrefix: "com.example.\(prefix).", accept)
    }
    for expression in [
        "type LIKE 'org.other.%' AND source LIKE '/orders/%'", "subject = 'nothing'", "retrycount > 100",
    ] {
        router.on(try CESQLExpression(parsing: expression), accept)
    }
    return router
}

/// The 40 types and 7 prefixes, prepared once, as a careful hand-written dispatch would have them.
let exactTypes = Dictionary(uniqueKeysWithValues: (0..<40).map { ("com.example.type\($0).happened", $0) })
let typePrefixes = ["refund", "invoice", "shipment", "customer", "stock", "payment", "review"].map {
    "com.example.\($0)."
}

/// The routing written by hand: what a service writes without a router (a dictionary for the
/// exact types, `hasPrefix` for the prefixes, the first CESQL expression's checks in Swift).
@inline(never)
func handWritten(_ event: CloudEvent) -> Int {
    let type = event.type
    if let index = exactTypes[type] { return index }
    for (offset, prefix) in typePrefixes.enumerated() where type.hasPrefix(prefix) { return 40 + offset }
    if type.hasPrefix("org.other."), event.source.hasPrefix("/orders/") { return 47 }
    return -1
}
