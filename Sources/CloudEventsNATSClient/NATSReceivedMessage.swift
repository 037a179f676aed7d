#if NATS
    /// A message the server delivered to a subscription (`MSG` or `HMSG`).
    public struct NATSReceivedMessage: Sendable, Hashable {
        /// The subject it was published to.
        public var subject: String
        /// The subscription id it was delivered for.
        public var subscriptionID: UInt64
        /// The subject to send a reply to, if the publisher asked for one.
        public var replyTo: String?
        /// The headers, in order; empty for a `MSG` without headers.
        public var headers: [NATSHeader]
        /// The status code in the header block's first line (`NATS/1.0 503`), used by the server
        /// for control messages such as "no responders"; `nil` for an ordinary message.
        public var status: Int?
        /// The description after the status code (`No Responders`), if any.
        public var statusDescription: String?
        /// The payload.
        public var payload: [UInt8]

        /// Creates a message.
        public init(
            subject: String, subscriptionID: UInt64, replyTo: String? = nil, headers: [NATSHeader] = [],
            status: Int? = nil, statusDescription: String? = nil, payload: [UInt8] = []
        ) {
            self.subject = subject
            self.subscriptionID = subscriptionID
            self.replyTo = replyTo
            self.headers = headers
            self.status = status
            self.statusDescription = statusDescription
            self.payload = payload
        }
    }
#endif
