public import CloudEvents

/// The sends a sender has under way, so that shutting it down can refuse new sends, let the
/// running ones finish within a grace period, and then cancel the rest, each of which then throws
/// ``/CloudEvents/CloudEventError/Code/shutDown``.
///
/// Each send runs in a task of its own (inheriting the caller's priority and task-local values)
/// because a shutdown must be able to cancel it; the caller's cancellation is passed on to it.
///
/// ```swift
/// let inFlight = InFlightSends(target: "nats://127.0.0.1:4222 orders")
/// let reply = try await inFlight.run { try await loop.deliver(until: deadline, attempt: publish, judge: judge) }
/// await inFlight.shutdown(gracePeriod: .seconds(10))
/// ```
public actor InFlightSends {
    private struct Entry {
        var cancel: (@Sendable () -> Void)?
        var isCancelledByShutdown = false
    }

    private let target: String
    private var isClosed = false
    private var nextID: UInt64 = 0
    private var entries: [UInt64: Entry] = [:]
    private var drainWaiters: [UInt64: CheckedContinuation<Void, Never>] = [:]

    /// Creates an empty set; `target` names the peer in error messages.
    public init(target: String) {
        self.target = target
    }

    /// The number of sends under way.
    public var count: Int { entries.count }

    /// Runs `operation` as a tracked send.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError/Code/shutDown`` when the sender is shut down
    ///   (before anything is sent), or when a shutdown cancels the send; `CancellationError` when
    ///   the caller's task is cancelled; otherwise whatever `operation` throws.
    public nonisolated func run<Result: Sendable>(_ operation: @escaping @Sendable () async throws -> Result)
        async throws -> Result
    {
        let id = try await admit()
        let task = Task {
            let result: Swift.Result<Result, any Error>
            do {
                result = .success(try await operation())
            } catch {
                result = .failure(error)
            }
            let cancelledByShutdown = await finish(id)
            switch result {
            case .failure(let cancelled as DeliveryCancelled) where cancelledByShutdown:
                throw Self.shutDownError(attempts: cancelled.attempts, target: target)
            case .failure(is CancellationError) where cancelledByShutdown:
                throw Self.shutDownError(attempts: 1, target: target)
            case .failure(is DeliveryCancelled):
                throw CancellationError()
            default:
                return try result.get()
            }
        }
        await attach({ task.cancel() }, to: id)
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }

    /// Refuses new sends, waits up to `gracePeriod` for the running ones, then cancels the rest
    /// and waits until they have ended. Calling it again waits again; it never throws.
    public func shutdown(gracePeriod: Duration) async {
        isClosed = true
        if !entries.isEmpty {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.waitUntilDrained(cancellable: true) }
                group.addTask { try? await Task.sleep(for: gracePeriod) }
                _ = await group.next()
                group.cancelAll()
            }
        }
        for id in entries.keys {
            entries[id]?.isCancelledByShutdown = true
            entries[id]?.cancel?()
        }
        await waitUntilDrained(cancellable: false)
    }

    private func admit() throws -> UInt64 {
        guard !isClosed else { throw Self.shutDownError(attempts: 0, target: target) }
        defer { nextID &+= 1 }
        entries[nextID] = Entry()
        return nextID
    }

    /// Records the task of a send; cancels it at once if a shutdown got there first.
    private func attach(_ cancel: @escaping @Sendable () -> Void, to id: UInt64) {
        guard entries[id] != nil else { return }  // already finished
        entries[id]?.cancel = cancel
        if entries[id]?.isCancelledByShutdown == true { cancel() }
    }

    /// Forgets a finished send; returns whether a shutdown cancelled it.
    private func finish(_ id: UInt64) -> Bool {
        let entry = entries.removeValue(forKey: id)
        if entries.isEmpty {
            for waiter in drainWaiters.values { waiter.resume() }
            drainWaiters.removeAll()
        }
        return entry?.isCancelledByShutdown ?? false
    }

    private func waitUntilDrained(cancellable: Bool) async {
        let waiterID = nextID
        nextID &+= 1
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                if entries.isEmpty || (cancellable && Task.isCancelled) {
                    continuation.resume()
                } else {
                    drainWaiters[waiterID] = continuation
                }
            }
        } onCancel: {
            if cancellable {
                Task { await self.resumeDrainWaiter(waiterID) }
            }
        }
    }

    private func resumeDrainWaiter(_ id: UInt64) {
        drainWaiters.removeValue(forKey: id)?.resume()
    }

    /// The error a send ends with when a shutdown refuses it (`attempts` 0) or cancels it after
    /// `attempts` attempts.
    public static func shutDownError(attempts: Int, target: String) -> CloudEventError {
        var error = CloudEventError(
            .shutDown,
            message: attempts == 0
                ? "the sender is shut down; nothing was sent to \(target)"
                : "the sender shut down before \(target) answered (after \(attempts) attempt(s)); the peer may or may"
                    + " not have received the event")
        error.attempts = attempts
        return error
    }
}
