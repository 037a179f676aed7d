#if NATS
    /// An error the JetStream API answered with (`{"error":{"code":..,"err_code":..,"description":..}}`).
    public struct JetStreamError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The HTTP-like status: 400 for a bad request, 404 for something not found, 503 when
        /// JetStream is temporarily unavailable (no leader yet, for example).
        public var code: Int
        /// The server's own error code (`10059` is "stream not found"), `0` if it sent none.
        public var errorCode: Int
        /// The server's description.
        public var message: String

        /// Creates an error.
        public init(code: Int, errorCode: Int, message: String) {
            self.code = code
            self.errorCode = errorCode
            self.message = message
        }

        /// Whether trying again later may succeed: JetStream was temporarily unavailable.
        public var isTemporary: Bool { code == 503 || code == 408 }

        /// The stream does not exist.
        public static let streamNotFound = 10059
        /// The consumer does not exist.
        public static let consumerNotFound = 10014
        /// A stream of that name exists with another configuration.
        public static let streamNameInUse = 10058

        /// The code, the server's code and the description.
        public var description: String { "JetStream error \(code) (\(errorCode)): \(message)" }
    }
#endif
