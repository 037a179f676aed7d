#if NATS
    import CloudEvents
    import CloudEventsNATS
    import CloudEventsNATSClient
    import CloudEventsNATSTransport
    import CoreTestSupport
    import Foundation
    import Logging
    import NATSTestSupport
    import Testing

    /// The Python peer (`Tests/Peers/nats_peer.py`, on nats-py), as a process whose standard
    /// output arrives line by line.
    final class NATSPeer: @unchecked Sendable {
        // @unchecked: the process and pipes are set once, in `init`; the line buffer is locked.
        private let process: Process
        let lines: AsyncStream<String>
        private let errors: Pipe
        private let exits: AsyncStream<Int32>

        init(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", TestMaterial.packageRoot + "/Tests/Peers/nats_peer.py"] + arguments
            let output = Pipe()
            errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            let (lines, continuation) = AsyncStream.makeStream(of: String.self)
            self.lines = lines
            let pending = NSLock()
            nonisolated(unsafe) var buffer = ""
            output.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                if data.isEmpty {
                    handle.readabilityHandler = nil
                    continuation.finish()
                    return
                }
                let complete: [String] = pending.withLock {
                    buffer += String(decoding: data, as: UTF8.self)
                    var complete: [String] = []
                    while let newline = buffer.firstIndex(of: "\n") {
                        complete.append(String(buffer[..<newline]))
                        buffer = String(buffer[buffer.index(after: newline)...])
                    }
                    return complete
                }
                for line in complete { continuation.yield(line) }
            }
            let (exits, exited) = AsyncStream.makeStream(of: Int32.self)
            self.exits = exits
            process.terminationHandler = { process in
                exited.yield(process.terminationStatus)
                exited.finish()
            }
            try process.run()
            self.process = process
        }

        /// Waits for the peer to exit; throws with its standard error if it failed.
        func finish() async throws {
            var statuses = exits.makeAsyncIterator()
            let status = await statuses.next() ?? -1
            guard status == 0 else {
                let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                throw NATSServerError("the Python peer failed (\(status)): \(text)")
            }
        }
    }

    @Suite("NATS interop with Python's nats-py", .timeLimit(.minutes(2)))
    struct PythonNATSInteropTests {
        @Test("events that Python publishes in both modes reach the Swift receiver")
        func pythonToSwift() async throws {
            try await withNATSServer { server in
                let client = NATSClient(configuration: try .init(urls: [server.url], name: "swift-receiver"))
                try await client.connect()
                let (events, arrived) = AsyncStream.makeStream(of: CloudEvent.self)
                var logger = Logger(label: "nats-interop")
                logger.logLevel = .warning
                let receiver = NATSCloudEventReceiver(client: client, subject: "interop.py", logger: logger) {
                    event, _ in
                    arrived.yield(event)
                    return nil
                }
                let run = Task { try await receiver.run() }
                await receiver.waitUntilSubscribed()
                let peer = try NATSPeer(["publish", server.url, "interop.py"])
                try await peer.finish()
                var iterator = events.makeAsyncIterator()
                let binary = try #require(await iterator.next())
                #expect(binary.id == "py-1")
                #expect(binary.source == "/python")
                #expect(binary.subject == "Grüße 🌍")
                #expect(binary.dataContentType == "application/json")
                #expect(binary.data == .json(#"{"from":"python"}"#))
                #expect(try binary[extension: "count"]?.integerValue(attribute: "count") == 7)
                let structured = try #require(await iterator.next())
                #expect(structured.id == "py-2")
                #expect(structured.dataContentType == "application/json")
                receiver.shutdown()
                try await run.value
                #expect(receiver.invalidMessages == 0)
                try await client.drain()
            }
        }

        @Test("events the Swift sender publishes in both modes read as the binding says in Python")
        func swiftToPython() async throws {
            try await withNATSServer { server in
                let peer = try NATSPeer(["receive", server.url, "interop.swift", "2"])
                var lines = peer.lines.makeAsyncIterator()
                #expect(await lines.next() == "ready")
                let client = NATSClient(configuration: try .init(urls: [server.url], name: "swift-sender"))
                try await client.connect()
                var event = CloudEvent(id: "swift-1", source: "/swift", type: "com.example.swift", subject: "Grüße 🌍")
                event.data = .json(#"{"from":"swift"}"#)
                try await NATSCloudEventSender(client: client, subject: "interop.swift").send(event)
                event.id = "swift-2"
                try await NATSCloudEventSender(
                    client: client, subject: "interop.swift",
                    configuration: .init(encoder: NATSEventEncoder(mode: .structured))
                ).send(event)
                let line = try #require(await lines.next())
                try await peer.finish()
                let messages = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [[String: Any]])
                #expect(messages.count == 2)
                let binaryHeaders = try #require(messages[0]["headers"] as? [String: String])
                #expect(binaryHeaders["ce-specversion"] == "1.0")
                #expect(binaryHeaders["ce-id"] == "swift-1")
                #expect(binaryHeaders["ce-subject"] == "Gr%C3%BC%C3%9Fe%20%F0%9F%8C%8D")
                #expect(binaryHeaders["ce-datacontenttype"] == "application/json")
                let binaryPayload = (messages[0]["payload"] as? String).flatMap { Data(base64Encoded: $0) }
                #expect(binaryPayload.map { String(decoding: $0, as: UTF8.self) } == #"{"from":"swift"}"#)
                let structuredHeaders = try #require(messages[1]["headers"] as? [String: String])
                #expect(structuredHeaders["Content-Type"] == "application/cloudevents+json; charset=utf-8")
                let structuredPayload = try #require(
                    (messages[1]["payload"] as? String).flatMap { Data(base64Encoded: $0) })
                let object = try #require(try JSONSerialization.jsonObject(with: structuredPayload) as? [String: Any])
                #expect(object["id"] as? String == "swift-2")
                #expect(object["subject"] as? String == "Grüße 🌍")
                try await client.drain()
            }
        }
    }
#endif
