#if NATS
    /// What a consumer tells the server about a message it was delivered, published to the
    /// message's reply subject (`$JS.ACK...`).
    public enum JetStreamAck: Sendable, Hashable {
        /// Handled: the server does not deliver it again (`+ACK`).
        case ack
        /// Not handled: deliver it again after `delay` (`-NAK {"delay":ns}`), at once if `nil`.
        case nak(delay: Duration?)
        /// Never deliver it again, handled or not (`+TERM`).
        case terminate
        /// Still working on it: the ack wait starts over (`+WPI`).
        case inProgress

        /// The bytes to publish.
        public var payload: [UInt8] {
            switch self {
            case .ack: Array("+ACK".utf8)
            case .nak(nil): Array("-NAK".utf8)
            case .nak(let delay?): Array("-NAK {\"delay\":\(max(0, delay.nanoseconds))}".utf8)
            case .terminate: Array("+TERM".utf8)
            case .inProgress: Array("+WPI".utf8)
            }
        }
    }

    /// Where a delivered JetStream message comes from, read from its reply subject
    /// (`$JS.ACK.<stream>.<consumer>.<delivered>.<stream seq>.<consumer seq>.<time>.<pending>`,
    /// or the longer form with a domain and account hash).
    public struct JetStreamMessageMetadata: Sendable, Hashable {
        /// The stream.
        public var stream: String
        /// The consumer.
        public var consumer: String
        /// How many times the message was delivered, this time included.
        public var deliveries: Int
        /// Its sequence in the stream.
        public var streamSequence: UInt64
        /// Its sequence in the consumer's deliveries.
        public var consumerSequence: UInt64

        /// Reads the reply subject of a delivered message; `nil` if it is not a JetStream ack subject.
        public init?(replySubject: String) {
            let tokens = replySubject.split(separator: ".", omittingEmptySubsequences: false)
            guard tokens.count >= 9, tokens[0] == "$JS", tokens[1] == "ACK" else { return nil }
            // The 2.9 form has 9 tokens; the newer one inserts domain and account hash.
            let base = tokens.count >= 12 ? 4 : 2
            guard tokens.count >= base + 7, let deliveries = Int(tokens[base + 2]),
                let streamSequence = UInt64(tokens[base + 3]), let consumerSequence = UInt64(tokens[base + 4])
            else { return nil }
            stream = String(tokens[base])
            consumer = String(tokens[base + 1])
            self.deliveries = deliveries
            self.streamSequence = streamSequence
            self.consumerSequence = consumerSequence
        }
    }
#endif
