#if WebSocket
    import CloudEvents
    import CloudEventsWebSocketTransport
    import CoreTestSupport
    import Foundation
    import Testing

    @Suite(
        "WebSocket interop with Python's websockets (Tests/Peers/websocket_peer.py)", .serialized,
        .timeLimit(.minutes(5)))
    struct WebSocketInteropTests {
        /// Runs the peer on a thread of its own, off the cooperative pool: it blocks until the
        /// Python process ends.
        static func peer(_ command: String, _ request: [String: Any]) async throws -> PeerAnswer {
            let input = Array(try JSONSerialization.data(withJSONObject: request))
            return try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(
                        with: Result { PeerAnswer(try PythonPeer.run("websocket_peer.py", command, input: input)) })
                }
            }
        }

        @Test("Python to Swift: the reference event and a 1 MiB event sent as text messages in cloudevents.json")
        func pythonSends() async throws {
            let collector = Collector()
            let running = try await RunningServer.start(
                WebSocketCloudEventServer(logger: silentLogger, handler: collector.handler))
            let reference = String(decoding: try TestMaterial.mediumEvent(), as: UTF8.self)
            let large = String(decoding: try JSONEventFormat().encode(event("large", dataSize: 1 << 20)), as: UTF8.self)
            let answer = try await Self.peer("send", ["url": running.url, "events": [reference, large]])
            #expect(answer.subprotocol == "cloudevents.json")
            await collector.wait(forCount: 2)
            #expect(
                await collector.events == [
                    try JSONEventFormat().decode(try TestMaterial.mediumEvent()[...]),
                    event("large", dataSize: 1 << 20),
                ])
            try await running.stop()
        }

        @Test("Swift to Python: pushed events arrive as text messages that decode to the events")
        func pythonReceives() async throws {
            let running = try await RunningServer.start(WebSocketCloudEventServer(logger: silentLogger) { _, _ in nil })
            let pushed = [
                try JSONEventFormat().decode(try TestMaterial.mediumEvent()[...]), event("large", dataSize: 1 << 20),
            ]
            let answer = Task { try await Self.peer("receive", ["url": running.url, "count": 2]) }
            await running.server.waitUntilConnected(count: 1)
            for event in pushed { try running.server.pushToAll(event) }
            let result = try await answer.value
            #expect(result.subprotocol == "cloudevents.json")
            #expect(result.kinds == ["text", "text"])
            let messages = result.messages
            #expect(try messages.map { try JSONEventFormat().decode(Array($0.utf8)[...]) } == pushed)
            try await running.stop()
        }

        @Test(
            "Python offering cloudevents.avro and chat only: no subprotocol in the answer, closed with 1002 and the reason"
        )
        func pythonRefused() async throws {
            let running = try await RunningServer.start(WebSocketCloudEventServer(logger: silentLogger) { _, _ in nil })
            let result = try await Self.peer(
                "offer", ["url": running.url, "subprotocols": ["cloudevents.avro", "chat"]])
            #expect(result.subprotocol == nil)
            #expect(result.code == 1002)
            #expect(
                result.reason
                    == "no CloudEvents subprotocol offered (offered: cloudevents.avro, chat); supported: cloudevents.json"
            )
            try await running.stop()
        }
    }

    /// What the peer answered.
    struct PeerAnswer: Sendable {
        var subprotocol: String?
        var messages: [String]
        var kinds: [String]
        var code: Int?
        var reason: String?

        init(_ object: [String: Any]) {
            subprotocol = object["subprotocol"] as? String
            messages = object["messages"] as? [String] ?? []
            kinds = object["kinds"] as? [String] ?? []
            code = object["code"] as? Int
            reason = object["reason"] as? String
        }
    }
#endif
