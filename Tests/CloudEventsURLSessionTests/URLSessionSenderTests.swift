#if Hummingbird
    import CloudEvents
    import CoreTestSupport
    import CloudEventsHTTP
    import CloudEventsHummingbird
    import CloudEventsURLSession
    import Foundation
    import Hummingbird
    import Testing
    import TransportTestSupport

    /// What only the URLSession sender does, against the Hummingbird receiver, both real, on
    /// 127.0.0.1. The scenarios every HTTP sender shares are in CloudEventsSenderTests.
    @Suite("URLSession sender × Hummingbird receiver", .timeLimit(.minutes(10)))
    struct URLSessionSenderTests {
        @Test("binary mode: data without datacontenttype is refused, since URLSession would label it a form")
        func noDataContentType() async throws {
            let recorder = EventRecorder()
            let withData = CloudEvent(source: "/s", type: "t", data: .binary([1, 2, 3]))
            let withoutData = CloudEvent(source: "/s", type: "t")
            let error = try await withTestServer(recordingRouter(recorder)) { port in
                try await withURLSessionSender(port: port) { sender in
                    _ = try await sender.send(withoutData)
                    return await cloudEventError { _ = try await sender.send(withData) }
                }
            }
            #expect(error?.code == .unsupportedFormat)
            #expect(error?.attribute == "datacontenttype")
            #expect(await recorder.events == [withoutData])
        }

        @Test("a redirect is not followed: the 3xx is an error, not a request that lost its body")
        func redirectRefused() async throws {
            let recorder = EventRecorder()
            let router = recordingRouter(recorder)
            router.post("/moved") { _, _ in Response(status: .found, headers: [.location: "/events"]) }
            let error = try await withTestServer(router) { port in
                try await withURLSessionSender(port: port, path: "/moved") { sender in
                    await cloudEventError { _ = try await sender.send(TestEvents.small()) }
                }
            }
            #expect(error?.code == .rejectedByPeer)
            #expect(error?.status == 302)
            #expect(await recorder.count == 0)
        }
    }

    /// Retries with short waits, so the retry tests stay fast.
    let testRetries = RetryPolicy(
        maximumAttempts: 3, initialBackoff: .milliseconds(10), maximumBackoff: .milliseconds(50))

    /// Runs `body` with a URLSession sender to `http://127.0.0.1:<port><path>`, shut down afterwards.
    /// Its deadline is five minutes: no test here is about deadlines, and none should be decided
    /// by one on a busy machine.
    func withURLSessionSender<Result: Sendable>(
        port: Int, path: String = "/events", mode: HTTPContentMode = .binary, deadline: Duration = .seconds(300),
        retryPolicy: RetryPolicy = testRetries, _ body: (URLSessionCloudEventSender) async throws -> Result
    ) async throws -> Result {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
        let sender = URLSessionCloudEventSender(
            url: url, configuration: HTTPSenderConfiguration(mode: mode, timeout: deadline, retryPolicy: retryPolicy))
        do {
            let result = try await body(sender)
            await sender.shutdown()
            return result
        } catch {
            await sender.shutdown()
            throw error
        }
    }
#endif
