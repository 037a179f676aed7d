#if NATS
    /// One header of a NATS message (`HPUB`/`HMSG`).
    ///
    /// NATS headers are a multimap: a name may repeat, order is kept, and names compare without
    /// regard to ASCII case. A name is printable ASCII without `:`; a value is a single line.
    public struct NATSHeader: Sendable, Hashable {
        /// The header's name.
        public var name: String
        /// The header's value.
        public var value: String

        /// Creates a header.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    extension Array where Element == NATSHeader {
        /// The value of the first header named `name`, compared without regard to ASCII case.
        public func value(of name: String) -> String? {
            let lowered = name.lowercased()
            return first { $0.name.lowercased() == lowered }?.value
        }
    }
#endif
