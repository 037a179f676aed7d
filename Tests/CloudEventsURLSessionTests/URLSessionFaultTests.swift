#if Hummingbird
    import CloudEvents
    import CloudEventsURLSession
    import Testing
    import TransportTestSupport

    /// The shared fault scenarios (TransportTestSupport's `SenderScenarios+Faults.swift`) for the
    /// URLSession sender.
    @Suite("URLSession sender: faulty peers")
    struct URLSessionFaultTests {
        /// Long, so that a slow machine never turns the expected error into deadlineExceeded; a
        /// send that hung would still end in deadlineExceeded, failing the test.
        static let deadline = Duration.seconds(60)

        @Test("a peer that resets the connection mid-body: connectionFailed after the retry budget, no hang")
        func resetMidBody() async throws {
            try await withFaultServer(.resetAfterBody(bytes: 64 << 10)) { server in
                try await withURLSessionSender(port: server.port, deadline: Self.deadline) { sender in
                    try await SenderScenarios.resetMidBody(
                        sender, server: server, maximumAttempts: testRetries.maximumAttempts, deadline: Self.deadline)
                }
            }
        }

        @Test(
            "a malformed answer: connectionFailed after the retry budget, no hang", arguments: MalformedAnswer.allCases)
        func malformedAnswer(answer: MalformedAnswer) async throws {
            try await withFaultServer(.answer(answer.bytes)) { server in
                try await withURLSessionSender(port: server.port, deadline: Self.deadline) { sender in
                    try await SenderScenarios.malformedAnswer(
                        sender, server: server, answer: answer, maximumAttempts: testRetries.maximumAttempts,
                        deadline: Self.deadline)
                }
            }
        }

        @Test("200 sends in a storm of 500, 502 and 503: each acknowledged or rejectedByPeer; counts reconcile")
        func serverErrorStorm() async throws {
            let log = StormLog(pattern: [503, 202, 502, 500, 503, 202, 202, 503, 502, 202])
            try await withTestServer(stormRouter(log)) { port in
                try await withURLSessionSender(port: port, deadline: Self.deadline) { sender in
                    try await SenderScenarios.serverErrorStorm(
                        sender, log: log, maximumAttempts: testRetries.maximumAttempts)
                }
            }
        }

        @Test("500 sends while the receiver restarts on its port: acknowledged ⊆ received ⊆ sent; all accounted for")
        func receiverRestart() async throws {
            let receiver = try await RestartingReceiver.start()
            let outcome = try await withURLSessionSender(
                port: receiver.port, deadline: Self.deadline, retryPolicy: SenderScenarios.restartRetryPolicy
            ) { sender in
                try await SenderScenarios.sendThroughRestart(sender, receiver: receiver)
            }
            await receiver.stop()
            #expect(outcome.acknowledged >= 475, "\(outcome)")
        }
    }
#endif
