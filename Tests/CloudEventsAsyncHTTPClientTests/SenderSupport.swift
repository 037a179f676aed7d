#if AsyncHTTPClient && Hummingbird
    import CloudEvents
    import CloudEventsAsyncHTTPClient
    import CloudEventsHTTP

    /// Retries with short waits, so the retry tests stay fast.
    let fastRetries = RetryPolicy(
        maximumAttempts: 3, initialBackoff: .milliseconds(10), maximumBackoff: .milliseconds(50))

    /// The deadline of a test that is not about deadlines: so long that no machine, however busy,
    /// decides the test's outcome by it (a send that hangs still fails by the suite's time limit).
    let unhurried = Duration.seconds(300)

    /// Runs `body` with a sender to `http://127.0.0.1:<port>/events`, and shuts the sender (and its
    /// own HTTP client) down afterwards, whatever happens.
    func withSender<Result: Sendable>(
        port: Int, path: String = "/events", mode: HTTPContentMode = .binary,
        retryPolicy: RetryPolicy = fastRetries,
        deadline: Duration = unhurried, headerFields: HTTPFields = [:], shutdownGracePeriod: Duration = unhurried,
        _ body: (AsyncHTTPClientCloudEventSender) async throws -> Result
    ) async throws -> Result {
        let sender = AsyncHTTPClientCloudEventSender(
            url: "http://127.0.0.1:\(port)\(path)",
            configuration: HTTPSenderConfiguration(
                mode: mode, timeout: deadline, retryPolicy: retryPolicy, headerFields: headerFields),
            shutdownGracePeriod: shutdownGracePeriod)
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
