#if Hummingbird
    import CloudEvents
    import CloudEventsTransport
    import Testing
    import TransportTestSupport

    /// The shared fault scenarios (TransportTestSupport's `SenderScenarios+Faults.swift`) for each
    /// HTTP sender. Their senders have the ``SenderKind/unhurried`` deadline, so that a slow
    /// machine never turns the expected error into deadlineExceeded; a send that hung would still
    /// end in deadlineExceeded, or fail by the time limit.
    @Suite("HTTP senders: faulty peers", .timeLimit(.minutes(10)))
    struct SenderFaultTests {
        @Test(
            "a peer that resets the connection mid-body: connectionFailed after the retry budget, no hang",
            arguments: SenderKind.all)
        func resetMidBody(kind: SenderKind) async throws {
            try await withFaultServer(.resetAfterBody(bytes: 64 << 10)) { server in
                try await kind.withSender(port: server.port) { sender in
                    try await SenderScenarios.resetMidBody(
                        sender, server: server, maximumAttempts: SenderKind.fastRetries.maximumAttempts)
                }
            }
        }

        @Test(
            "a malformed answer: connectionFailed after the retry budget, no hang",
            arguments: SenderKind.all, MalformedAnswer.allCases)
        func malformedAnswer(kind: SenderKind, answer: MalformedAnswer) async throws {
            try await withFaultServer(.answer(answer.bytes)) { server in
                try await kind.withSender(port: server.port) { sender in
                    try await SenderScenarios.malformedAnswer(
                        sender, server: server, answer: answer,
                        maximumAttempts: SenderKind.fastRetries.maximumAttempts)
                }
            }
        }

        @Test(
            "200 sends in a storm of 500, 502 and 503: each acknowledged or rejectedByPeer; counts reconcile",
            arguments: SenderKind.all)
        func serverErrorStorm(kind: SenderKind) async throws {
            let log = StormLog(pattern: [503, 202, 502, 500, 503, 202, 202, 503, 502, 202])
            try await withTestServer(stormRouter(log)) { port in
                try await kind.withSender(port: port) { sender in
                    try await SenderScenarios.serverErrorStorm(
                        sender, log: log, maximumAttempts: SenderKind.fastRetries.maximumAttempts)
                }
            }
        }

        @Test(
            "500 sends while the receiver restarts on its port: acknowledged ⊆ received ⊆ sent; all accounted for",
            arguments: SenderKind.all)
        func receiverRestart(kind: SenderKind) async throws {
            let receiver = try await RestartingReceiver.start()
            let outcome = try await kind.withSender(
                port: receiver.port, retryPolicy: SenderScenarios.restartRetryPolicy
            ) { sender in
                try await SenderScenarios.sendThroughRestart(sender, receiver: receiver)
            }
            await receiver.stop()
            // The retry policy outlasts the restart, so every send gets through it.
            #expect(outcome.acknowledged == 500, "\(outcome)")
        }
    }
#endif
