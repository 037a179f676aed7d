#if NATS
    import NIOConcurrencyHelpers
    import NIOCore

    /// What a subscription's record shares with its ``NATSSubscription``: the dropped count, which
    /// outlives the record, and whether the consumer has read to the end, which a drain waits for.
    final class NATSSubscriptionProgress: Sendable {
        private struct Progress {
            var dropped = 0
            var isIterated = false
            var isConsumed = false
            var waiters: [CheckedContinuation<Void, Never>] = []
        }

        private let progress = NIOLockedValueBox(Progress())

        /// The messages dropped so far.
        var dropped: Int { progress.withLockedValue { $0.dropped } }

        /// Counts one more drop, and returns the total.
        func recordDrop() -> Int {
            progress.withLockedValue { progress in
                progress.dropped += 1
                return progress.dropped
            }
        }

        /// A consumer started reading.
        func markIterated() {
            progress.withLockedValue { $0.isIterated = true }
        }

        /// The consumer read the end of the sequence.
        func markConsumed() {
            let waiters = progress.withLockedValue { progress in
                progress.isConsumed = true
                defer { progress.waiters = [] }
                return progress.waiters
            }
            for waiter in waiters { waiter.resume() }
        }

        /// Returns once a consumer that started reading has read to the end (at once if none
        /// started), or when `release` is called.
        func waitUntilConsumed() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = progress.withLockedValue { progress in
                    guard progress.isIterated && !progress.isConsumed else { return true }
                    progress.waiters.append(continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        }

        /// Stops every wait: the drain's time is up.
        func release() {
            let waiters = progress.withLockedValue { progress in
                defer { progress.waiters = [] }
                return progress.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
    }

    /// Everything a client shares between its callers and its event loop, behind one lock.
    struct NATSClientState: Sendable {
        enum Phase: Sendable {
            /// `connect()` has not been called.
            case idle
            /// The first connection is being made.
            case connecting
            /// Connected over `channel`.
            case connected
            /// The connection is lost and the client is reconnecting.
            case reconnecting
            /// `drain()` has unsubscribed everything; publishes are still taken.
            case draining
            /// `drain()` has ended the subscriptions and no longer takes publishes.
            case closing
            /// Closed for good.
            case closed
        }

        /// A `PING` written or about to be written, and the flush waiting for its `PONG` (none for
        /// a keep-alive `PING`).
        struct PingWaiter: Sendable {
            var id: UInt64
            var continuation: CheckedContinuation<Void, any Error>?
            /// The flush's timeout, cancelled when the `PONG` comes first.
            var deadline: Scheduled<Void>?
        }

        /// A subscription the client delivers to.
        struct Subscription: Sendable {
            var subject: String
            var queueGroup: String?
            var continuation: AsyncStream<NATSReceivedMessage>.Continuation
            var delivered = 0
            /// The message count after which the server and client stop delivering (`UNSUB sid max`).
            var maximum: Int?
            /// Shared with the ``NATSSubscription``.
            var progress: NATSSubscriptionProgress
            /// Whether the consumer is currently behind (messages are being dropped).
            var isSlow = false
        }

        /// The request/reply inbox: one wildcard subscription for every request of the client.
        struct Inbox: Sendable {
            var prefix: String
            var sid: UInt64
            var nextToken: UInt64 = 0
            var waiters: [String: CheckedContinuation<NATSReceivedMessage, any Error>] = [:]
            /// The requests' timeouts, cancelled when the reply comes first.
            var deadlines: [String: Scheduled<Void>] = [:]
        }

        var phase = Phase.idle
        var channel: (any Channel)?
        var server: NATSServerAddress?
        var info: NATSServerInfo?
        /// Bytes for the server not yet handed to the channel: while connected, what the next
        /// flush writes; while disconnected, the reconnect buffer.
        var outbound = ByteBuffer()
        var flushScheduled = false
        /// Every `PING` in flight, in order: the first `sentPings` are on the current connection,
        /// the rest are still in `outbound`.
        var pings = CircularBuffer<PingWaiter>()
        var sentPings = 0
        var nextPingID: UInt64 = 0
        var outstandingKeepAlives = 0
        var subscriptions: [UInt64: Subscription] = [:]
        var nextSID: UInt64 = 1
        var inbox: Inbox?
        var servers: [NATSServerAddress] = []
        var reconnectTask: Task<Void, Never>?
        var keepAlive: RepeatedTask?
        var statistics = NATSClient.Statistics()

        /// Adds a `PING` to `outbound` and a waiter for its `PONG`.
        mutating func appendPing(_ continuation: CheckedContinuation<Void, any Error>?) -> UInt64 {
            nextPingID += 1
            outbound.writeString("PING\r\n")
            pings.append(PingWaiter(id: nextPingID, continuation: continuation))
            return nextPingID
        }

        /// Removes the waiters whose `PING` went out on a connection that is now lost, and returns
        /// them to fail: that connection may have lost what was written before them.
        mutating func takeSentPings() -> [CheckedContinuation<Void, any Error>] {
            var lost: [CheckedContinuation<Void, any Error>] = []
            for _ in 0..<min(sentPings, pings.count) {
                if let continuation = pings.removeFirst().continuation { lost.append(continuation) }
            }
            sentPings = 0
            return lost
        }
    }
#endif
