import CloudEventsTransport
import Testing

@Suite("ConcurrencyLimit: a bound on handlers at once", .timeLimit(.minutes(10)))
struct ConcurrencyLimitTests {
    @Test("over the bound a caller waits, first come first served, and runs when a permit returns")
    func waitsInOrder() async throws {
        let limit = ConcurrencyLimit(maximum: 1)
        let (started, startedContinuation) = AsyncStream<Int>.makeStream()
        let (release, releaseContinuation) = AsyncStream<Void>.makeStream()
        let first = Task {
            try await limit.withPermit {
                startedContinuation.yield(1)
                for await _ in release { break }
                return 1
            }
        }
        var startedIterator = started.makeAsyncIterator()
        #expect(await startedIterator.next() == 1)
        let second = Task {
            try await limit.withPermit {
                startedContinuation.yield(2); return 2
            }
        }
        let third = Task {
            try await limit.withPermit {
                startedContinuation.yield(3); return 3
            }
        }
        while await limit.waiting < 2 { await Task.yield() }
        #expect(await limit.holders == 1)
        releaseContinuation.yield()
        #expect(try await first.value == 1)
        #expect(await startedIterator.next() == 2)
        #expect(await startedIterator.next() == 3)
        #expect(try await second.value == 2)
        #expect(try await third.value == 3)
        #expect(await limit.holders == 0)
    }

    @Test("a waiter that is cancelled stops waiting with CancellationError and takes no permit")
    func cancelledWaiter() async throws {
        let limit = ConcurrencyLimit(maximum: 1)
        let (release, releaseContinuation) = AsyncStream<Void>.makeStream()
        let (held, heldContinuation) = AsyncStream<Void>.makeStream()
        let holder = Task {
            try await limit.withPermit {
                heldContinuation.yield()
                for await _ in release { break }
            }
        }
        var heldIterator = held.makeAsyncIterator()
        _ = await heldIterator.next()
        let waiter = Task { try await limit.withPermit { Issue.record("the cancelled waiter ran") } }
        while await limit.waiting < 1 { await Task.yield() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(await limit.waiting == 0)
        releaseContinuation.yield()
        try await holder.value
        #expect(await limit.holders == 0)
    }
}
