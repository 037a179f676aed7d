import CloudEvents
import CloudEventsHTTP
import CloudEventsTransport
import CoreTestSupport
import HTTPTypes
import Logging
import Testing

/// The framework-independent endpoint, driven with request heads and bodies directly: what every
/// server adapter (Hummingbird today) is glue around.
@Suite("HTTPCloudEventEndpoint: request head and body in, response out", .timeLimit(.minutes(10)))
struct HTTPCloudEventEndpointTests {
    static let event = CloudEvent(id: "1", source: "/s", type: "com.example.t")

    static func request(_ message: EncodedHTTPMessage, path: String = "/events?x=1") -> HTTPRequest {
        message.request(authority: "127.0.0.1", path: path)
    }

    @Test("the handler's context has the content mode, the request head, the adapter's logger and values")
    func context() async throws {
        let seen = Seen()
        let endpoint = HTTPCloudEventEndpoint { _, context in
            await seen.set(context)
            return nil
        }
        var adapterContext = CloudEventContext(transport: "http")
        adapterContext.logger = Logger(label: "request-logger")
        adapterContext[AdapterKey.self] = "from the adapter"
        let message = try HTTPEventEncoder(mode: .structured).encode(Self.event)
        let response = try await endpoint.respond(
            to: Self.request(message), body: message.body, context: adapterContext)
        #expect(response.head.status == .accepted)
        let context = try #require(await seen.context)
        #expect(context.contentMode == .structured)
        #expect(context.httpRequest?.path == "/events?x=1")
        #expect(context.metadata["http.target"] == "/events")
        #expect(context.logger.label == "request-logger")
        #expect(context[AdapterKey.self] == "from the adapter")
    }

    @Test("decoding goes by Content-Type over the configured formats, and the reply goes back in the request's format")
    func formats() async throws {
        var options = HTTPReceiverOptions()
        options.decoder.formats = [TestEventFormat(), JSONEventFormat()]
        let endpoint = HTTPCloudEventEndpoint(options: options) { event, _ in
            CloudEvent(id: "reply-\(event.id)", source: "/s", type: "com.example.reply")
        }
        let message = try HTTPEventEncoder(mode: .structured, format: TestEventFormat()).encode(Self.event)
        let response = try await endpoint.respond(
            to: Self.request(message), body: message.body, context: CloudEventContext(transport: "http"))
        #expect(response.head.status == .ok)
        #expect(response.head.headerFields[.contentType] == message.headerFields[.contentType])
        #expect(try TestEventFormat().decode(response.body[...]).id == "reply-1")
    }

    @Test("an error the adapter passes through is rethrown; any other is a generic 500")
    func passThrough() async throws {
        let message = try HTTPEventEncoder().encode(Self.event)
        let passing = HTTPCloudEventEndpoint(passingThrough: { $0 is FrameworkError }) { _, _ in throw FrameworkError()
        }
        await #expect(throws: FrameworkError.self) {
            _ = try await passing.respond(
                to: Self.request(message), body: message.body, context: CloudEventContext(transport: "http"))
        }
        let generic = HTTPCloudEventEndpoint { _, _ in throw FrameworkError() }
        let response = try await generic.respond(
            to: Self.request(message), body: message.body, context: CloudEventContext(transport: "http"))
        #expect(response.head.status == .internalServerError)
        #expect(String(decoding: response.body, as: UTF8.self).contains("internal_error"))
    }

    @Test("a body over the limit: 413 with a problem body naming the limit, before or after reading it")
    func tooLarge() throws {
        let endpoint = HTTPCloudEventEndpoint(options: HTTPReceiverOptions(maximumBodySize: 10)) { _, _ in nil }
        var head = HTTPRequest(method: .post, scheme: "http", authority: "h", path: "/")
        head.headerFields[.contentLength] = "11"
        #expect(endpoint.declaredSizeOverLimit(head) == 11)
        let answer = endpoint.bodyTooLarge(declaredSize: 11)
        #expect(answer.head.status == .contentTooLarge)
        #expect(String(decoding: answer.body, as: UTF8.self).contains("of 11 bytes exceeds the limit of 10 bytes"))
        head.headerFields[.contentLength] = "10"
        #expect(endpoint.declaredSizeOverLimit(head) == nil)
    }

    @Test("with maximumConcurrentHandlers 1, a second request's handler starts only after the first ends")
    func handlerLimit() async throws {
        let log = Seen()
        let gate = Gate()
        let endpoint = HTTPCloudEventEndpoint(options: HTTPReceiverOptions(maximumConcurrentHandlers: 1)) {
            event, _ in
            await log.append("\(event.id) start")
            if event.id == "a" { await gate.wait() }
            await log.append("\(event.id) end")
            return nil
        }
        let first = try HTTPEventEncoder().encode(CloudEvent(id: "a", source: "/s", type: "t"))
        let second = try HTTPEventEncoder().encode(CloudEvent(id: "b", source: "/s", type: "t"))
        let a = Task {
            try await endpoint.respond(
                to: Self.request(first), body: first.body, context: CloudEventContext(transport: "http"))
        }
        while await log.lines.isEmpty { await Task.yield() }
        let b = Task {
            try await endpoint.respond(
                to: Self.request(second), body: second.body, context: CloudEventContext(transport: "http"))
        }
        for _ in 0..<200 { await Task.yield() }  // room for b to (wrongly) start while a holds the slot
        await gate.open()
        #expect(try await a.value.head.status == .accepted)
        #expect(try await b.value.head.status == .accepted)
        #expect(await log.lines == ["a start", "a end", "b start", "b end"])
    }
}

private enum AdapterKey: CloudEventContextKey {
    typealias Value = String
}

private struct FrameworkError: Error {}

private actor Seen {
    var context: CloudEventContext?
    var lines: [String] = []
    func set(_ context: CloudEventContext) { self.context = context }
    func append(_ line: String) { lines.append(line) }
}
