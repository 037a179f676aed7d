#if NATS
    /// The messages of one subscription, as an `AsyncSequence`.
    ///
    /// Iterate it once (it has a single consumer). It ends after ``unsubscribe()``, ``drain()``,
    /// the client's drain or close, or the maximum given to ``unsubscribe(after:)``. When the
    /// consumer's task stops iterating (or is cancelled), the client unsubscribes.
    ///
    /// The client holds at most ``NATSClient/Configuration/subscriptionBufferLimit`` messages
    /// (or the limit given to ``NATSClient/subscribe(to:queueGroup:bufferLimit:)``) that the
    /// consumer has not taken; further messages are dropped, counted in ``droppedMessageCount``,
    /// logged and reported as ``NATSClient/Event/slowConsumer(subscriptionID:subject:droppedMessages:)``.
    public struct NATSSubscription: AsyncSequence, Sendable {
        /// Each element is a message.
        public typealias Element = NATSReceivedMessage
        /// The sequence does not throw.
        public typealias Failure = Never

        /// The id the client gave the subscription (`SUB ... sid`).
        public let id: UInt64
        /// The subject, possibly with wildcards (`*`, `>`).
        public let subject: String
        /// The queue group, if the subscription is a member of one.
        public let queueGroup: String?
        let client: NATSClient
        let stream: AsyncStream<NATSReceivedMessage>
        let progress: NATSSubscriptionProgress

        /// Reads the messages.
        public struct AsyncIterator: AsyncIteratorProtocol {
            var base: AsyncStream<NATSReceivedMessage>.AsyncIterator
            let progress: NATSSubscriptionProgress

            /// The next message, or `nil` once the subscription ended.
            public mutating func next() async -> NATSReceivedMessage? {
                let message = await base.next()
                if message == nil { progress.markConsumed() }
                return message
            }

            /// The next message, or `nil` once the subscription ended.
            public mutating func next(isolation actor: isolated (any Actor)?) async -> NATSReceivedMessage? {
                let message = await base.next(isolation: actor)
                if message == nil { progress.markConsumed() }
                return message
            }
        }

        /// Returns the iterator.
        public func makeAsyncIterator() -> AsyncIterator {
            progress.markIterated()
            return AsyncIterator(base: stream.makeAsyncIterator(), progress: progress)
        }

        /// How many messages were dropped because the consumer did not take them in time.
        public var droppedMessageCount: Int {
            progress.dropped
        }

        /// Ends the subscription now: the server stops delivering, messages already received stay
        /// readable, and the sequence ends after them. Messages still in flight are discarded;
        /// ``drain()`` waits for them instead.
        public func unsubscribe() {
            client.unsubscribe(id)
        }

        /// Asks the server to stop after `maximum` messages in all (counting those delivered so
        /// far); the sequence ends after the last.
        public func unsubscribe(after maximum: Int) {
            client.unsubscribe(id, after: maximum)
        }

        /// Stops taking messages and ends the sequence after every message the server sent before
        /// the `UNSUB`: nothing in flight is lost.
        public func drain() async throws(NATSClientError) {
            try await client.drainSubscription(id)
        }
    }
#endif
