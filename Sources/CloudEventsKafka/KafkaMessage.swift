/// A Kafka record as the CloudEvents Kafka binding sees it: key, headers in order, value.
///
/// It is independent of any client library: a producer copies these fields into its own record
/// type, a consumer builds one from the record it received (see the module's article).
public struct KafkaMessage: Sendable, Hashable {
    /// One record header: Kafka allows repeated names and keeps their order.
    public struct Header: Sendable, Hashable {
        /// The header's name (Kafka header names are case-sensitive).
        public var name: String
        /// The header's value bytes.
        public var value: [UInt8]

        /// Creates a header.
        public init(name: String, value: [UInt8]) {
            self.name = name
            self.value = value
        }

        /// Creates a header with a text value, as UTF-8.
        public init(name: String, text: String) {
            self.init(name: name, value: Array(text.utf8))
        }
    }

    /// The record key; `nil` for a record without one.
    public var key: [UInt8]?
    /// The headers, in the order they are written.
    public var headers: [Header]
    /// The record value; `nil` for a record without one (binary mode's event without data: a
    /// tombstone on a compacted topic).
    public var value: [UInt8]?

    /// Creates a message.
    public init(key: [UInt8]? = nil, headers: [Header] = [], value: [UInt8]? = nil) {
        self.key = key
        self.headers = headers
        self.value = value
    }

    /// The value of the first header named `name`, as UTF-8 text when it is; `nil` otherwise.
    public func headerText(_ name: String) -> String? {
        headers.first { $0.name == name }.flatMap { String(validating: $0.value, as: UTF8.self) }
    }
}
