#if NATS
    #if canImport(FoundationEssentials)
        import FoundationEssentials
    #else
        import Foundation
    #endif

    /// JetStream, the persistence layer of nats-server, through its request/reply API
    /// (`$JS.API.>`) on a ``NATSClient``: streams, durable consumers, and publishes that the server
    /// acknowledges once the stream stored them.
    ///
    /// ```swift
    /// let jetStream = JetStream(client: client)
    /// try await jetStream.ensureStream(.init(name: "ORDERS", subjects: ["orders.>"]))
    /// let ack = try await jetStream.publish(payload, subject: "orders.new", messageID: "order-1")
    /// ```
    ///
    /// The API calls throw ``JetStreamError`` when the server answers with an error,
    /// ``NATSClientError`` when the request did not get an answer (``NATSClientError/Code/noResponders``
    /// when JetStream is not enabled, or no stream captures a publish's subject), and
    /// ``NATSClientError/Code/protocolViolation`` for an answer that is not the expected JSON.
    public struct JetStream: Sendable {
        /// The client the API is called through.
        public let client: NATSClient
        /// The API's subject prefix: `$JS.API` (another for a JetStream domain).
        public let apiPrefix: String
        /// How long an API call waits for its answer.
        public var timeout: Duration

        /// Creates a context.
        public init(client: NATSClient, apiPrefix: String = "$JS.API", timeout: Duration = .seconds(5)) {
            self.client = client
            self.apiPrefix = apiPrefix
            self.timeout = timeout
        }

        // MARK: Streams

        /// The stream named `name`, or `nil` if there is none.
        public func streamInfo(_ name: String) async throws -> JetStreamStreamInfo? {
            do {
                return try await call("STREAM.INFO.\(name)", body: [UInt8](), as: JetStreamStreamInfo.self)
            } catch let error as JetStreamError where error.errorCode == JetStreamError.streamNotFound {
                return nil
            }
        }

        /// Creates a stream.
        public func createStream(_ configuration: JetStreamStreamConfiguration) async throws -> JetStreamStreamInfo {
            try await call(
                "STREAM.CREATE.\(configuration.name)", body: try JSONEncoder().encode(configuration),
                as: JetStreamStreamInfo.self)
        }

        /// The stream named as `configuration` says if it exists (whatever its configuration),
        /// else a new one created with `configuration`.
        @discardableResult
        public func ensureStream(_ configuration: JetStreamStreamConfiguration) async throws -> JetStreamStreamInfo {
            if let existing = try await streamInfo(configuration.name) { return existing }
            do {
                return try await createStream(configuration)
            } catch let error as JetStreamError where error.errorCode == JetStreamError.streamNameInUse {
                // Another client created it meanwhile.
                if let existing = try await streamInfo(configuration.name) { return existing }
                throw error
            }
        }

        // MARK: Consumers

        /// The consumer `name` of `stream`, or `nil` if there is none.
        public func consumerInfo(stream: String, name: String) async throws -> JetStreamConsumerInfo? {
            do {
                return try await call(
                    "CONSUMER.INFO.\(stream).\(name)", body: [UInt8](), as: JetStreamConsumerInfo.self)
            } catch let error as JetStreamError where error.errorCode == JetStreamError.consumerNotFound {
                return nil
            }
        }

        /// Creates a durable consumer on `stream` (`CONSUMER.DURABLE.CREATE`, which every server
        /// since 2.2 knows).
        public func createConsumer(
            stream: String, _ configuration: JetStreamConsumerConfiguration
        ) async throws -> JetStreamConsumerInfo {
            struct Request: Encodable {
                var stream_name: String
                var config: JetStreamConsumerConfiguration
            }
            return try await call(
                "CONSUMER.DURABLE.CREATE.\(stream).\(configuration.durableName)",
                body: try JSONEncoder().encode(Request(stream_name: stream, config: configuration)),
                as: JetStreamConsumerInfo.self)
        }

        /// The durable consumer of `stream` named as `configuration` says if it exists (whatever
        /// its configuration), else a new one created with `configuration`.
        @discardableResult
        public func ensureConsumer(
            stream: String, _ configuration: JetStreamConsumerConfiguration
        ) async throws -> JetStreamConsumerInfo {
            if let existing = try await consumerInfo(stream: stream, name: configuration.durableName) {
                return existing
            }
            return try await createConsumer(stream: stream, configuration)
        }

        /// The subject a pull consumer's fetch requests go to.
        public func nextMessageSubject(stream: String, consumer: String) -> String {
            "\(apiPrefix).CONSUMER.MSG.NEXT.\(stream).\(consumer)"
        }

        /// The body of a pull consumer's fetch request: up to `batch` messages, the request
        /// expiring on the server after `expires` (the server then sends a `408` status).
        public static func fetchRequest(batch: Int, expires: Duration) -> [UInt8] {
            Array("{\"batch\":\(batch),\"expires\":\(expires.nanoseconds)}".utf8)
        }

        // MARK: Publishing

        /// Publishes a message to a stream's subject and returns the server's ack once the stream
        /// stored it.
        ///
        /// `messageID` goes in the `Nats-Msg-Id` header: a publish with an id the stream saw within
        /// its duplicate window stores nothing and answers with
        /// ``JetStreamPublishAck/duplicate`` set, so a retried publish is stored once.
        @discardableResult
        public func publish(
            _ payload: some Collection<UInt8> & Sendable, subject: String, headers: [NATSHeader] = [],
            messageID: String? = nil, timeout: Duration? = nil
        ) async throws -> JetStreamPublishAck {
            var headers = headers
            if let messageID { headers.append(NATSHeader(name: "Nats-Msg-Id", value: messageID)) }
            let answer = try await client.request(
                payload, subject: subject, headers: headers, timeout: timeout ?? self.timeout)
            return try Self.decodeAnswer(answer.payload, as: JetStreamPublishAck.self)
        }

        // MARK: The API

        private func call<Answer: Decodable>(
            _ operation: String, body: some Collection<UInt8> & Sendable, as: Answer.Type
        ) async throws -> Answer {
            let answer = try await client.request(body, subject: "\(apiPrefix).\(operation)", timeout: timeout)
            return try Self.decodeAnswer(answer.payload, as: Answer.self)
        }

        /// Decodes an API answer: its `error` as a ``JetStreamError``, or else the answer.
        static func decodeAnswer<Answer: Decodable>(_ payload: [UInt8], as: Answer.Type) throws -> Answer {
            let data = Data(payload)
            do {
                if let error = try JSONDecoder().decode(JetStreamErrorAnswer.self, from: data).error {
                    throw JetStreamError(
                        code: error.code, errorCode: error.err_code ?? 0, message: error.description ?? "")
                }
                return try JSONDecoder().decode(Answer.self, from: data)
            } catch let error as JetStreamError {
                throw error
            } catch {
                throw NATSClientError(
                    .protocolViolation,
                    "the JetStream answer is not the expected JSON (\(error)): \(String(decoding: payload.prefix(200), as: UTF8.self))"
                )
            }
        }
    }

    /// An API answer's `error` member, if it has one.
    private struct JetStreamErrorAnswer: Decodable {
        struct Body: Decodable {
            var code: Int
            var err_code: Int?
            var description: String?
        }
        var error: Body?
    }
#endif
