#if NATS
    /// How a stream stores its messages, what it holds and how many servers replicate it (the
    /// subset of the server's stream configuration this client sets).
    public struct JetStreamStreamConfiguration: Sendable, Hashable, Codable {
        /// Where the messages are kept.
        public enum Storage: String, Sendable, Hashable, Codable {
            /// On disk (the server's store directory).
            case file
            /// In memory.
            case memory
        }

        /// The stream's name.
        public var name: String
        /// The subjects it captures (wildcards allowed).
        public var subjects: [String]
        /// Where the messages are kept.
        public var storage: Storage
        /// How many servers of a cluster hold a copy (1, 3 or 5).
        public var replicas: Int
        /// How long the server remembers `Nats-Msg-Id`s to deduplicate publishes, in nanoseconds.
        public var duplicateWindowNanoseconds: Int64

        /// Creates a configuration; the duplicate window is the server's default of two minutes.
        public init(
            name: String, subjects: [String], storage: Storage = .file, replicas: Int = 1,
            duplicateWindow: Duration = .seconds(120)
        ) {
            self.name = name
            self.subjects = subjects
            self.storage = storage
            self.replicas = replicas
            self.duplicateWindowNanoseconds = duplicateWindow.nanoseconds
        }

        enum CodingKeys: String, CodingKey {
            case name, subjects, storage
            case replicas = "num_replicas"
            case duplicateWindowNanoseconds = "duplicate_window"
        }

        /// Decodes the server's configuration, which may leave out what it keeps at a default.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            subjects = try container.decodeIfPresent([String].self, forKey: .subjects) ?? []
            storage = try container.decodeIfPresent(Storage.self, forKey: .storage) ?? .file
            replicas = try container.decodeIfPresent(Int.self, forKey: .replicas) ?? 1
            duplicateWindowNanoseconds =
                try container.decodeIfPresent(Int64.self, forKey: .duplicateWindowNanoseconds) ?? 0
        }
    }

    /// What the server says about a stream.
    public struct JetStreamStreamInfo: Sendable, Hashable, Decodable {
        /// The counts of a stream.
        public struct State: Sendable, Hashable, Decodable {
            /// How many messages it holds.
            public var messages: UInt64
            /// The sequence of the last message.
            public var lastSequence: UInt64

            enum CodingKeys: String, CodingKey {
                case messages
                case lastSequence = "last_seq"
            }
        }

        /// The stream's configuration, as the server keeps it.
        public var configuration: JetStreamStreamConfiguration
        /// Its counts.
        public var state: State

        enum CodingKeys: String, CodingKey {
            case configuration = "config"
            case state
        }
    }

    /// How a durable pull consumer delivers: explicit acks, the time an unacked message waits
    /// before redelivery, and the bounds (the subset of the server's consumer configuration this
    /// client sets).
    public struct JetStreamConsumerConfiguration: Sendable, Hashable, Codable {
        /// The durable name: the consumer survives its clients, and clients that use the name
        /// share it.
        public var durableName: String
        /// Only messages on this subject (wildcards allowed); all of the stream's when `nil`.
        public var filterSubject: String?
        /// How long the server waits for an ack before it delivers the message again, in
        /// nanoseconds.
        public var ackWaitNanoseconds: Int64
        /// How many times a message is delivered at most; `-1` for no limit.
        public var maximumDeliveries: Int
        /// How many delivered messages may await their ack at once.
        public var maximumAckPending: Int

        /// Creates a configuration.
        public init(
            durableName: String, filterSubject: String? = nil, ackWait: Duration = .seconds(30),
            maximumDeliveries: Int = -1, maximumAckPending: Int = 1000
        ) {
            self.durableName = durableName
            self.filterSubject = filterSubject
            self.ackWaitNanoseconds = ackWait.nanoseconds
            self.maximumDeliveries = maximumDeliveries
            self.maximumAckPending = maximumAckPending
        }

        enum CodingKeys: String, CodingKey {
            case durableName = "durable_name"
            case filterSubject = "filter_subject"
            case ackWaitNanoseconds = "ack_wait"
            case maximumDeliveries = "max_deliver"
            case maximumAckPending = "max_ack_pending"
            case ackPolicy = "ack_policy"
            case deliverPolicy = "deliver_policy"
        }

        /// Encodes the configuration with explicit acks, from the stream's first message.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(durableName, forKey: .durableName)
            try container.encodeIfPresent(filterSubject, forKey: .filterSubject)
            try container.encode(ackWaitNanoseconds, forKey: .ackWaitNanoseconds)
            try container.encode(maximumDeliveries, forKey: .maximumDeliveries)
            try container.encode(maximumAckPending, forKey: .maximumAckPending)
            try container.encode("explicit", forKey: .ackPolicy)
            try container.encode("all", forKey: .deliverPolicy)
        }

        /// Decodes the server's configuration, which may leave out what it keeps at a default.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            durableName = try container.decodeIfPresent(String.self, forKey: .durableName) ?? ""
            filterSubject = try container.decodeIfPresent(String.self, forKey: .filterSubject)
            ackWaitNanoseconds = try container.decodeIfPresent(Int64.self, forKey: .ackWaitNanoseconds) ?? 0
            maximumDeliveries = try container.decodeIfPresent(Int.self, forKey: .maximumDeliveries) ?? -1
            maximumAckPending = try container.decodeIfPresent(Int.self, forKey: .maximumAckPending) ?? 0
        }
    }

    /// What the server says about a consumer.
    public struct JetStreamConsumerInfo: Sendable, Hashable, Decodable {
        /// The stream the consumer reads.
        public var streamName: String
        /// The consumer's name.
        public var name: String
        /// Its configuration, as the server keeps it.
        public var configuration: JetStreamConsumerConfiguration
        /// How many delivered messages await their ack.
        public var ackPending: Int
        /// How many messages of the stream are not delivered yet.
        public var pending: UInt64

        enum CodingKeys: String, CodingKey {
            case streamName = "stream_name"
            case name
            case configuration = "config"
            case ackPending = "num_ack_pending"
            case pending = "num_pending"
        }
    }

    /// The server's answer to a JetStream publish: the stream has the message.
    public struct JetStreamPublishAck: Sendable, Hashable, Decodable {
        /// The stream that stored it.
        public var stream: String
        /// Its sequence number in the stream.
        public var sequence: UInt64
        /// Whether the stream already had a message with this `Nats-Msg-Id` (within its duplicate
        /// window), so this publish stored nothing.
        public var duplicate: Bool

        /// Creates an ack.
        public init(stream: String, sequence: UInt64, duplicate: Bool) {
            self.stream = stream
            self.sequence = sequence
            self.duplicate = duplicate
        }

        enum CodingKeys: String, CodingKey {
            case stream
            case sequence = "seq"
            case duplicate
        }

        /// Decodes an ack; `duplicate` is absent when false.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            stream = try container.decode(String.self, forKey: .stream)
            sequence = try container.decode(UInt64.self, forKey: .sequence)
            duplicate = try container.decodeIfPresent(Bool.self, forKey: .duplicate) ?? false
        }
    }

    extension Duration {
        /// The duration in whole nanoseconds, as JetStream's JSON writes durations.
        var nanoseconds: Int64 {
            let (seconds, attoseconds) = components
            return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        }
    }
#endif
