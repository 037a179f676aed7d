#if WebSocket
    import CloudEvents
    import CloudEventsWebSocket
    import NIOConcurrencyHelpers

    /// The sender's messages waiting to be written, in order: `send` adds one and waits; the
    /// connection's writer takes the first, writes it, and completes it. A message whose write
    /// failed stays first, so that it is written first after a reconnect.
    final class WebSocketSendQueue: Sendable {
        private struct Pending {
            let id: UInt64
            let message: WebSocketEventMessage
            let continuation: CheckedContinuation<Void, any Error>
        }

        private struct State {
            var pending: [Pending] = []
            var nextID: UInt64 = 0
            var isClosed = false
            var closedError: CloudEventError?
            var writer: CheckedContinuation<Void, Never>?
            var workWaiter: CheckedContinuation<Void, Never>?
            var written = 0
            var failed = 0
        }

        private let state = NIOLockedValueBox(State())

        /// Queues `message` and returns once it is written.
        ///
        /// - Throws: what ``fail(with:)`` or ``close(with:)`` fails it with.
        func send(_ message: WebSocketEventMessage) async throws {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (refusal, wake) = state.withLockedValue {
                    state -> (CloudEventError?, [CheckedContinuation<Void, Never>]) in
                    if state.isClosed, let error = state.closedError {
                        state.failed += 1
                        return (error, [])
                    }
                    state.pending.append(Pending(id: state.nextID, message: message, continuation: continuation))
                    state.nextID += 1
                    let wake = [state.writer, state.workWaiter].compactMap { $0 }
                    state.writer = nil
                    state.workWaiter = nil
                    return (nil, wake)
                }
                for waiter in wake { waiter.resume() }
                if let refusal { continuation.resume(throwing: refusal) }
            }
        }

        /// The first message, once there is one; `nil` when the queue is closed and empty, or the
        /// task is cancelled.
        func first() async -> (id: UInt64, message: WebSocketEventMessage)? {
            while true {
                if Task.isCancelled { return nil }
                let found = state.withLockedValue { state -> (UInt64, WebSocketEventMessage)?? in
                    if let first = state.pending.first { return .some((first.id, first.message)) }
                    if state.isClosed { return .some(nil) }
                    return nil
                }
                if let found { return found.map { (id: $0.0, message: $0.1) } }
                await withTaskCancellationHandler {
                    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                        let now = state.withLockedValue { state in
                            if !state.pending.isEmpty || state.isClosed || Task.isCancelled { return true }
                            state.writer = continuation
                            return false
                        }
                        if now { continuation.resume() }
                    }
                } onCancel: {
                    state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
                        defer { state.writer = nil }
                        return state.writer
                    }?.resume()
                }
            }
        }

        /// Returns once there is a message to write (or the queue is closed).
        func waitForWork() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLockedValue { state in
                    if !state.pending.isEmpty || state.isClosed { return true }
                    state.workWaiter = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        }

        /// Completes the message `id`: it was written.
        func written(_ id: UInt64) {
            let done = state.withLockedValue { state -> Pending? in
                guard state.pending.first?.id == id else { return nil }
                state.written += 1
                return state.pending.removeFirst()
            }
            done?.continuation.resume()
        }

        /// Fails every waiting message with `error`; the queue stays open.
        func fail(with error: CloudEventError) {
            let failed = state.withLockedValue { state in
                defer { state.pending = [] }
                state.failed += state.pending.count
                return state.pending
            }
            for pending in failed { pending.continuation.resume(throwing: error) }
        }

        /// Closes the queue: new sends fail with `error` at once; waiting ones are still written
        /// until ``fail(with:)`` fails them.
        func close(with error: CloudEventError) {
            let wake = state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
                state.isClosed = true
                state.closedError = error
                defer {
                    state.writer = nil
                    state.workWaiter = nil
                }
                return [state.writer, state.workWaiter].compactMap { $0 }
            }
            for waiter in wake { waiter.resume() }
        }

        /// Whether the queue is closed.
        var isClosed: Bool { state.withLockedValue { $0.isClosed } }

        /// Messages waiting.
        var count: Int { state.withLockedValue { $0.pending.count } }

        /// Messages written, and sends that failed.
        var totals: (written: Int, failed: Int) { state.withLockedValue { ($0.written, $0.failed) } }
    }

#endif
