/// Dispatches each event to the first of its routes that matches, in registration order.
///
/// A router is a handler for any receiver: pass ``handle(_:_:)`` (or ``handler``) where a
/// ``CloudEventHandler`` goes.
///
/// ```swift
/// var router = CloudEventRouter()
/// router.on(type: "com.example.order.created") { event, context in ... }
/// router.on(typePrefix: "com.example.refund.") { event, context in ... }
/// router.on(try CESQLExpression(parsing: "source LIKE '/legacy/%'")) { event, context in ... }
/// let receiver = HummingbirdCloudEventReceiver(path: "/events", handler: router.handler)
/// ```
///
/// **The rule: the first route that matches, in the order the routes were registered, handles
/// the event**, whatever kind the routes are; later routes are not tried. An event no route
/// matches goes to the ``fallback``: refused by default, with
/// ``CloudEventError/Code/noRoute`` (over HTTP a `400` naming the event's type), so that no event
/// is dropped without anyone noticing. A route's reply and errors are the handler's, as if it had
/// been the receiver's handler.
///
/// Exact types are found by a hash of the type's bytes and prefixes by comparing bytes, so
/// routing allocates nothing; only the routes registered before the matching exact-type route
/// are tried in order (see the RouterBenchmarks for 50 routes).
public struct CloudEventRouter: Sendable {
    /// What the router does with an event no route matches.
    public enum Fallback: Sendable {
        /// Accept it and do nothing: HTTP answers `202 Accepted`.
        case accept
        /// Refuse it with ``CloudEventError/Code/noRoute``: HTTP answers `400` with a problem body
        /// naming the type. The default.
        case refuse
        /// Hand it to this handler.
        case handler(CloudEventHandler)
    }

    /// What the router does with an event no route matches. Default ``Fallback/refuse``.
    public var fallback: Fallback

    private var routes: [Route] = []
    /// The exact-type routes by the hash of their type: the indices of the routes, in order.
    private var exactRoutes: [UInt64: [Int]] = [:]
    /// The indices of the other routes, in order.
    private var otherRoutes: [Int] = []

    private struct Route: Sendable {
        var rule: Rule
        var handler: CloudEventHandler
    }

    private enum Rule: Sendable {
        case type([UInt8])
        case typePrefix([UInt8])
        case matcher(any CloudEventMatcher)
        case predicate(@Sendable (CloudEvent) -> Bool)
    }

    /// Creates a router without routes.
    public init(fallback: Fallback = .refuse) {
        self.fallback = fallback
    }

    /// The number of routes.
    public var count: Int { routes.count }

    /// Routes events whose `type` is exactly `type`.
    public mutating func on(type: String, _ handler: @escaping CloudEventHandler) {
        let bytes = Array(type.utf8)
        exactRoutes[Self.hash(bytes), default: []].append(routes.count)
        routes.append(Route(rule: .type(bytes), handler: handler))
    }

    /// Routes events whose `type` starts with `prefix` (`com.example.order.` takes
    /// `com.example.order.created` and `com.example.order.shipped`).
    public mutating func on(typePrefix prefix: String, _ handler: @escaping CloudEventHandler) {
        append(.typePrefix(Array(prefix.utf8)), handler)
    }

    /// Routes events a matcher matches: a CESQL expression or a Subscriptions API filter of
    /// CloudEventsSQL, or a matcher of your own. An evaluation error is no match.
    public mutating func on(_ matcher: some CloudEventMatcher, _ handler: @escaping CloudEventHandler) {
        append(.matcher(matcher), handler)
    }

    /// Routes events for which `predicate` is true.
    public mutating func on(
        where predicate: @escaping @Sendable (CloudEvent) -> Bool, _ handler: @escaping CloudEventHandler
    ) {
        append(.predicate(predicate), handler)
    }

    private mutating func append(_ rule: Rule, _ handler: @escaping CloudEventHandler) {
        otherRoutes.append(routes.count)
        routes.append(Route(rule: rule, handler: handler))
    }

    /// The router as a ``CloudEventHandler``.
    public var handler: CloudEventHandler {
        let router = self
        return { event, context in try await router.handle(event, context) }
    }

    /// Hands `event` to the first route that matches, or to the ``fallback``.
    ///
    /// - Throws: What the route's handler throws; ``CloudEventError/Code/noRoute`` when no route
    ///   matches and the fallback is ``Fallback/refuse``.
    public func handle(_ event: CloudEvent, _ context: CloudEventContext) async throws -> CloudEvent? {
        if let index = route(for: event) {
            return try await routes[index].handler(event, context)
        }
        switch fallback {
        case .accept:
            return nil
        case .refuse:
            throw CloudEventError(
                .noRoute, attribute: "type", message: "no route for event \(event.id) of type \(event.type)")
        case .handler(let handler):
            return try await handler(event, context)
        }
    }

    /// The index of the route that handles `event`: the first in registration order that matches.
    func route(for event: CloudEvent) -> Int? {
        let storage = event.storage
        return storage.withBytes(storage.type) { type in
            var exact = Int.max
            if let candidates = exactRoutes[Self.hash(type)] {
                for index in candidates {
                    guard case .type(let expected) = routes[index].rule else { continue }
                    if expected.withUnsafeBufferPointer({ ByteComparison.equal($0, type) }) {
                        exact = index
                        break
                    }
                }
            }
            for index in otherRoutes {
                guard index < exact else { break }
                if matches(routes[index].rule, event, type) { return index }
            }
            return exact == Int.max ? nil : exact
        }
    }

    private func matches(_ rule: Rule, _ event: CloudEvent, _ type: UnsafeBufferPointer<UInt8>) -> Bool {
        switch rule {
        case .type(let expected):
            return expected.withUnsafeBufferPointer { ByteComparison.equal($0, type) }
        case .typePrefix(let prefix):
            guard type.count >= prefix.count else { return false }
            return prefix.withUnsafeBufferPointer {
                ByteComparison.equal($0, UnsafeBufferPointer(rebasing: type[0..<prefix.count]))
            }
        case .matcher(let matcher):
            return matcher.matches(event)
        case .predicate(let predicate):
            return predicate(event)
        }
    }

    /// FNV-1a over the bytes of a type.
    private static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}
