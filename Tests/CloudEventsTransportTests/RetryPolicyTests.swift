import CloudEvents
import CloudEventsHTTP
import CloudEventsTransport
import CoreTestSupport
import Testing

@Suite("Delivery: retry policy, Retry-After, shutdown bookkeeping", .timeLimit(.minutes(10)))
struct RetryPolicyTests {
    @Test("only connection errors and 408, 429, 502, 503, 504 are retried")
    func retryableStatuses() {
        let retried = (100...599).filter { HTTPRetryableStatuses.contains($0) }
        #expect(retried == [408, 429, 502, 503, 504])
    }

    @Test("back-off caps double from the initial value and stop at the maximum; jitter stays under the cap")
    func backoff() {
        let policy = RetryPolicy(
            maximumAttempts: 10, initialBackoff: .milliseconds(100), maximumBackoff: .seconds(1))
        #expect(
            (1...6).map { policy.backoffCap(afterAttempt: $0) } == [
                .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1),
                .seconds(1),
            ])
        for attempt in 1...8 {
            for _ in 0..<50 {
                let wait = policy.backoff(afterAttempt: attempt)
                #expect(wait >= .zero && wait <= policy.backoffCap(afterAttempt: attempt))
            }
        }
        #expect(RetryPolicy(maximumAttempts: 0).maximumAttempts == 1)
        #expect(RetryPolicy(initialBackoff: .zero).backoff(afterAttempt: 3) == .zero)
    }

    @Test("Retry-After in seconds and in all three HTTP-date forms")
    func retryAfter() throws {
        let now = try #require(RetryAfter.epochSeconds(httpDate: "Sun, 06 Nov 1994 08:49:37 GMT", nowEpochSeconds: 0))
        #expect(now == 784_111_777)
        #expect(RetryAfter.delay(headerValue: "120", nowEpochSeconds: now) == .seconds(120))
        #expect(RetryAfter.delay(headerValue: " 0 ", nowEpochSeconds: now) == .zero)
        #expect(RetryAfter.delay(headerValue: "Sun, 06 Nov 1994 08:50:07 GMT", nowEpochSeconds: now) == .seconds(30))
        #expect(RetryAfter.delay(headerValue: "Sunday, 06-Nov-94 08:50:37 GMT", nowEpochSeconds: now) == .seconds(60))
        #expect(RetryAfter.delay(headerValue: "Sun Nov  6 08:51:37 1994", nowEpochSeconds: now) == .seconds(120))
        #expect(RetryAfter.delay(headerValue: "Sat, 05 Nov 1994 08:49:37 GMT", nowEpochSeconds: now) == .zero)
        for invalid in [
            "", "soon", "-5", "1.5", "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 31 Feb 1994 08:49:37 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
        ] {
            #expect(RetryAfter.delay(headerValue: invalid, nowEpochSeconds: now) == nil, "\(invalid)")
        }
    }

    @Test("an RFC 850 year more than 50 years ahead is read as the past century")
    func rfc850Century() throws {
        let now2026 = try Timestamp(year: 2026, month: 1, day: 1).epochSeconds
        let past = try #require(
            RetryAfter.epochSeconds(httpDate: "Sunday, 06-Nov-94 08:49:37 GMT", nowEpochSeconds: now2026))
        #expect(past == 784_111_777)
        let soon = try #require(
            RetryAfter.epochSeconds(httpDate: "Monday, 06-Jan-30 00:00:00 GMT", nowEpochSeconds: now2026))
        #expect(soon == (try Timestamp(year: 2030, month: 1, day: 6).epochSeconds))
    }

    @Test("after shutdown, a send is refused with shutDown before it starts")
    func refusedAfterShutdown() async throws {
        let sends = InFlightSends(target: "http://peer")
        #expect(try await sends.run { CloudEvent?.none } == nil)
        await sends.shutdown(gracePeriod: .seconds(1))
        let error = await #expect(throws: CloudEventError.self) { _ = try await sends.run { CloudEvent?.none } }
        #expect(error?.code == .shutDown)
        #expect(error?.attempts == 0)
    }

    @Test("shutdown waits for running sends within the grace period, then cancels the rest with shutDown")
    func shutdownGraceThenCancel() async throws {
        // Waits: a send still running when shutdown begins finishes, and shutdown waits for it.
        let waiting = InFlightSends(target: "http://peer")
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        let gate = Gate()
        let quick = Task {
            try await waiting.run {
                startedContinuation.yield()
                await gate.wait()
                return CloudEvent(id: "done", source: "/s", type: "t")
            }
        }
        var startedIterator = started.makeAsyncIterator()
        _ = await startedIterator.next()
        let shutdown = Task { await waiting.shutdown(gracePeriod: .seconds(300)) }
        // Open the gate only once shutdown has begun: a new send is refused then.
        while await Self.isAdmitted(waiting) { await Task.yield() }
        #expect(await waiting.count == 1, "the quick send is still running while shutdown waits")
        await gate.open()
        await shutdown.value
        #expect(try await quick.value.id == "done")
        #expect(await waiting.count == 0)

        // Then cancels: a send still running after the grace period is cancelled, and throws shutDown.
        let cancelling = InFlightSends(target: "http://peer")
        let (stuckStarted, stuckContinuation) = AsyncStream<Void>.makeStream()
        let stuck = Task {
            try await cancelling.run {
                stuckContinuation.yield()
                do {
                    // Far longer than the test may last: only a cancellation ends it.
                    try await Task.sleep(for: .seconds(3600))
                } catch {
                    throw DeliveryCancelled(attempts: 2)
                }
                return CloudEvent?.none
            }
        }
        var stuckIterator = stuckStarted.makeAsyncIterator()
        _ = await stuckIterator.next()
        await cancelling.shutdown(gracePeriod: .milliseconds(300))
        #expect(await cancelling.count == 0)
        let error = await #expect(throws: CloudEventError.self) { _ = try await stuck.value }
        #expect(error?.code == .shutDown)
        #expect(error?.attempts == 2)
    }

    @Test("a caller's cancellation reaches its send and surfaces as CancellationError")
    func callerCancellation() async throws {
        let sends = InFlightSends(target: "http://peer")
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        let task = Task {
            try await sends.run {
                startedContinuation.yield()
                do {
                    // Far longer than the test may last: only the cancellation ends it.
                    try await Task.sleep(for: .seconds(3600))
                } catch {
                    throw DeliveryCancelled(attempts: 1)
                }
                return CloudEvent?.none
            }
        }
        var iterator = started.makeAsyncIterator()
        _ = await iterator.next()  // the send is running: the cancellation reaches it, not its admission
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        #expect(await sends.count == 0)
    }

    /// Whether `sends` still admits a send (a probe that returns at once); `false` once a
    /// shutdown has begun.
    private static func isAdmitted(_ sends: InFlightSends) async -> Bool {
        do {
            _ = try await sends.run { CloudEvent?.none }
            return true
        } catch {
            return false
        }
    }
}
