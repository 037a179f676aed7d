#if NATS
    /// Why a client operation failed: a value a program can switch on (``code``) and a person can
    /// read (``message``).
    public struct NATSClientError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What went wrong, stable for a program to switch on.
        public enum Code: String, Sendable, Hashable {
            /// The client has not connected yet (call ``NATSClient/connect()`` first).
            case notConnected
            /// The client is closed, or closing after ``NATSClient/drain(timeout:)``.
            case closed
            /// No server of the list could be reached, or the reconnect attempts ran out.
            case noServerAvailable
            /// The connection was lost before the server confirmed the operation: it may or may not
            /// have reached the server.
            case connectionLost
            /// The server refused the credentials (`-ERR 'Authorization Violation'`).
            case authorizationViolation
            /// The server sent another `-ERR` during the handshake.
            case serverError
            /// The server requires TLS, which this client does not speak.
            case tlsRequired
            /// A publish is larger than the `max_payload` the server announced.
            case payloadTooLarge
            /// The client is disconnected and its reconnect buffer cannot take the publish.
            case reconnectBufferFull
            /// The operation did not complete in time.
            case timeout
            /// The task waiting for the operation was cancelled; what was published may still
            /// reach the server.
            case cancelled
            /// A request was published to a subject that no subscriber listens on.
            case noResponders
            /// A subject, queue group or header is not valid in the protocol.
            case invalidArgument
            /// A server URL does not parse, or names a scheme other than `nats`.
            case invalidURL
            /// The server sent bytes that break the protocol (see ``NATSProtocolError``).
            case protocolViolation
        }

        /// What went wrong.
        public var code: Code
        /// A sentence a person can read.
        public var message: String

        /// Creates an error.
        public init(_ code: Code, _ message: String) {
            self.code = code
            self.message = message
        }

        /// The code and the message.
        public var description: String { "\(code.rawValue): \(message)" }
    }
#endif
