#if NATS
    import NIOConcurrencyHelpers

    /// Tells a JetStream receiver's fetch loop that a fetch is done (or that it should stop).
    ///
    /// A signal given while nobody waits is kept for the next ``wait(timeout:)``.
    final class FetchSignal: Sendable {
        private struct State {
            var pending = false
            var stopped = false
            var waiter: (id: UInt64, continuation: CheckedContinuation<Bool, Never>)?
            var nextID: UInt64 = 0
        }

        private let state = NIOLockedValueBox(State())

        /// Whether ``stop()`` was called.
        var isStopped: Bool { state.withLockedValue { $0.stopped } }

        /// Wakes the waiter (or the next one).
        func signal() {
            let waiter = state.withLockedValue { state in
                guard let waiter = state.waiter else {
                    state.pending = true
                    return nil as CheckedContinuation<Bool, Never>?
                }
                state.waiter = nil
                return waiter.continuation
            }
            waiter?.resume(returning: true)
        }

        /// Wakes the waiter, and every later wait returns at once.
        func stop() {
            state.withLockedValue { $0.stopped = true }
            signal()
        }

        /// Waits for a signal, at most `timeout`; returns whether one came (or the signal
        /// stopped). Returns `true` at once when the task is cancelled.
        func wait(timeout: Duration) async -> Bool {
            await withTaskGroup(of: Bool.self) { group in
                group.addTask { await self.waitForSignal() }
                group.addTask {
                    do {
                        try await Task.sleep(for: timeout)
                        return false
                    } catch {
                        return true
                    }
                }
                let first = await group.next() ?? true
                group.cancelAll()
                return first
            }
        }

        private func waitForSignal() async -> Bool {
            let id = state.withLockedValue { state in
                state.nextID += 1
                return state.nextID
            }
            return await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                    let now = state.withLockedValue { state -> Bool in
                        if state.pending || state.stopped || Task.isCancelled {
                            state.pending = false
                            return true
                        }
                        state.waiter = (id, continuation)
                        return false
                    }
                    if now { continuation.resume(returning: true) }
                }
            } onCancel: {
                let waiter = state.withLockedValue { state -> CheckedContinuation<Bool, Never>? in
                    guard let waiter = state.waiter, waiter.id == id else { return nil }
                    state.waiter = nil
                    return waiter.continuation
                }
                waiter?.resume(returning: false)
            }
        }
    }
#endif

#if NATS
    /// Lets callers wait until a receiver is ready (subscribed); opens once, for good.
    final class ReadinessGate: Sendable {
        private struct State {
            var isOpen = false
            var waiters: [CheckedContinuation<Void, Never>] = []
        }

        private let state = NIOLockedValueBox(State())

        /// Opens the gate: every waiter, and every later ``wait()``, goes on.
        func open() {
            let waiters = state.withLockedValue { state in
                state.isOpen = true
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
        }

        /// Returns once the gate is open.
        func wait() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLockedValue { state in
                    if state.isOpen { return true }
                    state.waiters.append(continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        }
    }
#endif
