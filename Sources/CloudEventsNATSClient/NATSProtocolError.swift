#if NATS
    /// A byte stream from a NATS server that breaks the protocol or one of the parser's limits.
    ///
    /// The connection that produced it cannot continue: the client closes it and reconnects.
    public struct NATSProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What went wrong, stable for a program to switch on.
        public enum Code: String, Sendable, Hashable {
            /// A control line (an operation up to its `\r\n`) is longer than the parser allows.
            case lineTooLong
            /// A message's payload is larger than the parser allows.
            case payloadTooLarge
            /// A message's header block is larger than the parser allows.
            case headersTooLarge
            /// A line starts with an operation the protocol does not define.
            case unknownOperation
            /// An operation has the wrong number of fields, or a field that does not parse.
            case malformedOperation
            /// A message's header block is not `NATS/1.0` followed by `name: value` lines.
            case malformedHeaders
            /// A message's payload is not followed by `\r\n`.
            case missingPayloadTerminator
            /// An `INFO` operation whose JSON does not decode.
            case malformedInfo
        }

        /// What went wrong.
        public var code: Code
        /// A sentence a person can read, with the offending text where it helps.
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
