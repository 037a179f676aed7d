#if NATS
    /// Where a NATS server listens, and the credentials a URL may carry.
    public struct NATSServerAddress: Sendable, Hashable, CustomStringConvertible {
        /// The host name or IP address (without brackets for IPv6).
        public var host: String
        /// The TCP port; 4222 unless the URL names another.
        public var port: Int
        /// The user of `nats://user:password@host`, or the token of `nats://token@host`.
        public var user: String?
        /// The password of `nats://user:password@host`.
        public var password: String?

        /// Creates an address.
        public init(host: String, port: Int = 4222, user: String? = nil, password: String? = nil) {
            self.host = host
            self.port = port
            self.user = user
            self.password = password
        }

        /// Parses `nats://[user[:password]@]host[:port]`, or `host[:port]` as a server announces it
        /// in `connect_urls`.
        ///
        /// `tls://` is refused: this client does not speak TLS.
        public init(url: String) throws(NATSClientError) {
            var rest = Substring(url)
            if let schemeEnd = rest.firstRange(of: "://") {
                let scheme = rest[rest.startIndex..<schemeEnd.lowerBound].lowercased()
                guard scheme == "nats" else {
                    throw NATSClientError(
                        .invalidURL, "the server URL \(url) has the scheme \(scheme); only nats:// is supported")
                }
                rest = rest[schemeEnd.upperBound...]
            }
            if let slash = rest.firstIndex(of: "/") { rest = rest[rest.startIndex..<slash] }
            if let at = rest.lastIndex(of: "@") {
                let userInfo = rest[rest.startIndex..<at]
                if let colon = userInfo.firstIndex(of: ":") {
                    user = String(userInfo[userInfo.startIndex..<colon]).removingPercentEncoding()
                    password = String(userInfo[userInfo.index(after: colon)...]).removingPercentEncoding()
                } else {
                    user = String(userInfo).removingPercentEncoding()
                    password = nil
                }
                rest = rest[rest.index(after: at)...]
            } else {
                user = nil
                password = nil
            }
            var hostPart = rest
            var portPart: Substring?
            if rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]") else {
                    throw NATSClientError(.invalidURL, "the server URL \(url) has an unclosed IPv6 address")
                }
                hostPart = rest[rest.index(after: rest.startIndex)..<close]
                let after = rest[rest.index(after: close)...]
                if after.hasPrefix(":") {
                    portPart = after.dropFirst()
                } else if !after.isEmpty {
                    throw NATSClientError(.invalidURL, "the server URL \(url) has text after its IPv6 address")
                }
            } else if let colon = rest.lastIndex(of: ":") {
                hostPart = rest[rest.startIndex..<colon]
                portPart = rest[rest.index(after: colon)...]
            }
            guard !hostPart.isEmpty else { throw NATSClientError(.invalidURL, "the server URL \(url) has no host") }
            host = String(hostPart)
            if let portPart {
                guard let number = Int(portPart), (1...65535).contains(number) else {
                    throw NATSClientError(.invalidURL, "the server URL \(url) has an invalid port \(portPart)")
                }
                port = number
            } else {
                port = 4222
            }
        }

        /// `nats://host:port`, without the credentials.
        public var description: String {
            host.contains(":") ? "nats://[\(host)]:\(port)" : "nats://\(host):\(port)"
        }
    }

    extension String {
        /// The text with `%XY` sequences decoded, or the text itself if they do not form UTF-8.
        func removingPercentEncoding() -> String {
            guard contains("%") else { return self }
            var bytes: [UInt8] = []
            var utf8 = Array(self.utf8)[...]
            while let byte = utf8.popFirst() {
                if byte == UInt8(ascii: "%"), utf8.count >= 2,
                    let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
                {
                    bytes.append(value)
                    utf8 = utf8.dropFirst(2)
                } else {
                    bytes.append(byte)
                }
            }
            return String(validating: bytes, as: UTF8.self) ?? self
        }
    }
#endif
