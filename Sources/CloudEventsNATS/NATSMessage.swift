/// A NATS message as the CloudEvents NATS binding sees it: headers in order, and the payload.
///
/// It is independent of any client library: a publisher copies these fields into its own
/// message (with the subject it publishes to), a subscriber builds one from the message it
/// received (see the module's article).
public struct NATSMessage: Sendable, Hashable {
    /// One header: NATS allows repeated names, keeps their order, and compares names without
    /// regard to case.
    public struct Header: Sendable, Hashable {
        /// The header's name.
        public var name: String
        /// The header's value: printable ASCII (a NATS header line cannot hold other bytes,
        /// which is why the binding percent-encodes attribute values).
        public var value: String

        /// Creates a header.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The headers, in the order they are written; empty for a message without headers (`PUB`
    /// rather than `HPUB`, or a server before NATS 2.2).
    public var headers: [Header]
    /// The payload.
    public var payload: [UInt8]

    /// Creates a message.
    public init(headers: [Header] = [], payload: [UInt8] = []) {
        self.headers = headers
        self.payload = payload
    }

    /// The value of the first header named `name`, compared without regard to ASCII case.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}
