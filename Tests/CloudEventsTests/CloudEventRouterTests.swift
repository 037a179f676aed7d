import CloudEvents
import CoreTestSupport
import Synchronization
import Testing

@Suite("CloudEventRouter: the first matching route in registration order; the fallback")
struct CloudEventRouterTests {
    static func event(_ type: String, source: String = "/s") -> CloudEvent {
        CloudEvent(id: "e-1", source: source, type: type)
    }

    /// A handler that answers with an event whose type names the route.
    static func answer(_ name: String) -> CloudEventHandler {
        { event, _ in CloudEvent(id: event.id, source: "/router", type: name) }
    }

    static func routed(_ router: CloudEventRouter, _ event: CloudEvent) async throws -> String? {
        try await router.handle(event, CloudEventContext(transport: "test"))?.type
    }

    @Test("exact types, prefixes and predicates route to their handlers")
    func kinds() async throws {
        var router = CloudEventRouter()
        router.on(type: "com.example.order.created", Self.answer("created"))
        router.on(typePrefix: "com.example.refund.", Self.answer("refund"))
        router.on(where: { $0.source.hasPrefix("/legacy/") }, Self.answer("legacy"))
        #expect(router.count == 3)
        #expect(try await Self.routed(router, Self.event("com.example.order.created")) == "created")
        #expect(try await Self.routed(router, Self.event("com.example.refund.issued")) == "refund")
        #expect(try await Self.routed(router, Self.event("x", source: "/legacy/a")) == "legacy")
        // An exact type is exact: a longer type is not it.
        let longer = await cloudEventError {
            _ = try await router.handle(
                Self.event("com.example.order.created.v2"), CloudEventContext(transport: "test"))
        }
        #expect(longer?.code == .noRoute)
    }

    @Test("the first match in registration order wins, whatever the kinds of the routes")
    func registrationOrder() async throws {
        var prefixFirst = CloudEventRouter()
        prefixFirst.on(typePrefix: "com.example.", Self.answer("prefix"))
        prefixFirst.on(type: "com.example.order.created", Self.answer("exact"))
        #expect(try await Self.routed(prefixFirst, Self.event("com.example.order.created")) == "prefix")

        var exactFirst = CloudEventRouter()
        exactFirst.on(type: "com.example.order.created", Self.answer("exact"))
        exactFirst.on(typePrefix: "com.example.", Self.answer("prefix"))
        exactFirst.on(type: "com.example.order.created", Self.answer("second exact"))
        #expect(try await Self.routed(exactFirst, Self.event("com.example.order.created")) == "exact")
        #expect(try await Self.routed(exactFirst, Self.event("com.example.other")) == "prefix")

        var predicateFirst = CloudEventRouter()
        predicateFirst.on(where: { _ in true }, Self.answer("any"))
        predicateFirst.on(type: "t", Self.answer("exact"))
        #expect(try await Self.routed(predicateFirst, Self.event("t")) == "any")
    }

    @Test("later routes are not tried once one matches")
    func laterRoutesNotTried() async throws {
        let tried = Mutex(0)
        var router = CloudEventRouter()
        router.on(type: "t", Self.answer("t"))
        router.on(
            where: { _ in
                tried.withLock { $0 += 1 }; return true
            }, Self.answer("any"))
        #expect(try await Self.routed(router, Self.event("t")) == "t")
        #expect(tried.withLock { $0 } == 0)
    }

    @Test("the fallback: refuse by default with no_route naming the type, accept, or a handler")
    func fallback() async throws {
        let refusing = CloudEventRouter()
        let error = try #require(
            await cloudEventError {
                _ = try await refusing.handle(Self.event("com.example.unknown"), CloudEventContext(transport: "test"))
            })
        #expect(error.code == .noRoute)
        #expect(error.attribute == "type")
        #expect(error.message == "no route for event e-1 of type com.example.unknown")

        let accepting = CloudEventRouter(fallback: .accept)
        #expect(try await Self.routed(accepting, Self.event("x")) == nil)

        let handing = CloudEventRouter(fallback: .handler(Self.answer("fallback")))
        #expect(try await Self.routed(handing, Self.event("x")) == "fallback")
    }

    @Test("a route's reply and errors are its handler's; the router is a handler for any receiver")
    func handlerOutcome() async throws {
        var router = CloudEventRouter()
        router.on(type: "bad") { _, _ in throw CloudEventError(.invalidData, attribute: "data", message: "no") }
        router.on(type: "quiet") { _, _ in nil }
        let handler: CloudEventHandler = router.handler
        let context = CloudEventContext(transport: "test")
        let error = await cloudEventError { _ = try await handler(Self.event("bad"), context) }
        #expect(error?.code == .invalidData)
        #expect(try await handler(Self.event("quiet"), context) == nil)
    }

    @Test("many exact types with the same routing cost: every one finds its own route")
    func manyTypes() async throws {
        var router = CloudEventRouter()
        for index in 0..<200 { router.on(type: "com.example.type\(index)", Self.answer("r\(index)")) }
        for index in [0, 1, 57, 199] {
            #expect(try await Self.routed(router, Self.event("com.example.type\(index)")) == "r\(index)")
        }
    }
}
