/// A bound on how many handlers run at once: a receiver takes a permit around each handler call,
/// and a caller over the bound waits, first come first served, until one is returned.
///
/// A transport that pulls messages (a broker consumer) stops pulling while it waits, which is
/// the back-pressure it needs; a server holds the request. A waiting task that is cancelled stops
/// waiting and throws `CancellationError` without taking a permit.
///
/// ```swift
/// let limit = ConcurrencyLimit(maximum: 16)
/// let reply = try await limit.withPermit { try await handler(event, context) }
/// ```
public actor ConcurrencyLimit {
    /// The most handlers that run at once.
    public nonisolated let maximum: Int
    private var running = 0
    private var nextWaiter: UInt64 = 0
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []

    /// Creates a limit of `maximum` concurrent holders (at least 1).
    public init(maximum: Int) {
        self.maximum = max(1, maximum)
    }

    /// The number of permits held now.
    public var holders: Int { running }

    /// The number of callers waiting for a permit.
    public var waiting: Int { waiters.count }

    /// Runs `operation` holding a permit, waiting for one first if all are held.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while it waits; otherwise what
    ///   `operation` throws.
    public nonisolated func withPermit<Result: Sendable>(_ operation: () async throws -> Result) async throws -> Result
    {
        try await acquire()
        do {
            let result = try await operation()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async throws {
        if running < maximum && waiters.isEmpty {
            running += 1
            return
        }
        let id = nextWaiter
        nextWaiter &+= 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// Hands the permit to the first waiter, or returns it.
    private func release() {
        if waiters.isEmpty {
            running -= 1
        } else {
            waiters.removeFirst().continuation.resume()
        }
    }

    private func cancelWaiter(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
