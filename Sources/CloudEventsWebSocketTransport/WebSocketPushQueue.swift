#if WebSocket
    import CloudEventsWebSocket
    import NIOConcurrencyHelpers

    /// One server connection's outgoing messages: a bounded queue (an `AsyncStream` that keeps
    /// the oldest) that the connection's writer drains, so that a client that reads slowly holds
    /// at most ``capacity`` messages in memory.
    final class WebSocketPushQueue: Sendable {
        /// How the queue ends: drained and closed with a code, or discarded.
        struct Ending: Sendable {
            var closeCode: UInt16
            var reason: String
            var discard: Bool
        }

        private struct State {
            var ending: Ending?
            var deepest = 0
        }

        let capacity: Int
        let stream: AsyncStream<WebSocketEventMessage>
        private let continuation: AsyncStream<WebSocketEventMessage>.Continuation
        private let state = NIOLockedValueBox(State())

        init(capacity: Int) {
            self.capacity = max(1, capacity)
            (stream, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingOldest(self.capacity))
        }

        /// Queues a message; `false` when the queue is full (the message is dropped) or ended.
        func enqueue(_ message: WebSocketEventMessage) -> Bool {
            switch continuation.yield(message) {
            case .enqueued(let remaining):
                let depth = capacity - remaining
                state.withLockedValue { $0.deepest = max($0.deepest, depth) }
                return true
            case .dropped, .terminated:
                return false
            @unknown default:
                return false
            }
        }

        /// The most messages the queue held at once.
        var deepest: Int { state.withLockedValue { $0.deepest } }

        /// How the queue was ended, if it was.
        var ending: Ending? { state.withLockedValue { $0.ending } }

        /// Ends the queue: the writer writes what it holds (unless `discard`), then closes with
        /// `closeCode` and `reason`. The first ending wins.
        func end(closeCode: UInt16, reason: String, discard: Bool) {
            let first = state.withLockedValue { state in
                guard state.ending == nil else { return false }
                state.ending = Ending(closeCode: closeCode, reason: reason, discard: discard)
                return true
            }
            if first { continuation.finish() }
        }
    }
#endif
