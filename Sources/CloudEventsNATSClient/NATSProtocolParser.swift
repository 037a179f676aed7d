#if NATS
    /// Reads the operations a NATS server sends from a byte stream, incrementally.
    ///
    /// Feed it bytes as they arrive, split anywhere, with ``append(_:)``, then call ``next()``
    /// until it returns `nil` (it needs more bytes). A message is returned only once its payload is
    /// complete, and its control line is parsed only once, however the payload arrives.
    ///
    /// Every size is bounded by ``Limits``: a peer cannot make the parser hold more than a control
    /// line, a header block and a payload of the configured sizes. After it throws, the parser
    /// keeps throwing the same error: the stream cannot be resynchronised.
    public struct NATSProtocolParser: Sendable {
        /// The largest pieces the parser accepts.
        public struct Limits: Sendable, Hashable {
            /// The longest control line (an operation without its payload, up to `\r\n`), in bytes.
            ///
            /// `INFO` is a control line, and a cluster's `INFO` lists every server's URL, so this is
            /// larger than the server's own 4 KiB limit for client operations.
            public var maxControlLineLength: Int
            /// The largest header block of one message, in bytes.
            public var maxHeaderSize: Int
            /// The largest message, header block and payload together, in bytes.
            public var maxMessageSize: Int

            /// Creates limits.
            public init(
                maxControlLineLength: Int = 64 * 1024, maxHeaderSize: Int = 64 * 1024, maxMessageSize: Int = 64 << 20
            ) {
                self.maxControlLineLength = maxControlLineLength
                self.maxHeaderSize = maxHeaderSize
                self.maxMessageSize = maxMessageSize
            }
        }

        /// A `MSG`/`HMSG` control line, parsed, whose header block and payload are still arriving.
        private struct PendingMessage: Sendable {
            var subject: String
            var subscriptionID: UInt64
            var replyTo: String?
            var headerSize: Int
            var totalSize: Int
        }

        /// The limits this parser enforces.
        public let limits: Limits
        private var buffer: [UInt8] = []
        /// Where the unread bytes of `buffer` start.
        private var start = 0
        /// How far past `start` a line terminator has already been looked for.
        private var scanned = 0
        private var pending: PendingMessage?
        private var failure: NATSProtocolError?

        /// Creates a parser with the given limits.
        public init(limits: Limits = Limits()) {
            self.limits = limits
        }

        /// The number of bytes received but not yet returned as an operation.
        public var bufferedByteCount: Int { buffer.count - start }

        /// Adds bytes received from the server.
        public mutating func append(_ bytes: some Sequence<UInt8>) {
            if start > 0 && (start == buffer.count || start >= 64 * 1024) {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            buffer.append(contentsOf: bytes)
        }

        /// The next complete operation, or `nil` when more bytes are needed.
        public mutating func next() throws(NATSProtocolError) -> NATSServerOperation? {
            if let failure { throw failure }
            do {
                return try parseNext()
            } catch {
                failure = error
                throw error
            }
        }

        private mutating func parseNext() throws(NATSProtocolError) -> NATSServerOperation? {
            if let message = pending {
                return try completeMessage(message)
            }
            guard let (lineEnd, nextStart) = try findLine() else { return nil }
            let line = buffer[start..<lineEnd]
            start = nextStart
            scanned = 0
            let operation = try parseControlLine(line)
            if let message = pending { return try completeMessage(message) }
            return operation
        }

        /// The end of the line at `start` (before `\r\n` or `\n`) and where the next one starts.
        private mutating func findLine() throws(NATSProtocolError) -> (Int, Int)? {
            var index = start + scanned
            while index < buffer.count {
                if buffer[index] == UInt8(ascii: "\n") {
                    let length = index - start
                    guard length <= limits.maxControlLineLength + 1 else { throw lineTooLong() }
                    let end = length > 0 && buffer[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
                    return (end, index + 1)
                }
                index += 1
            }
            scanned = index - start
            guard scanned <= limits.maxControlLineLength + 1 else { throw lineTooLong() }
            return nil
        }

        private func lineTooLong() -> NATSProtocolError {
            NATSProtocolError(
                .lineTooLong, "a control line is longer than the limit of \(limits.maxControlLineLength) bytes")
        }

        /// Parses a control line; a `MSG`/`HMSG` line sets `pending` and returns `nil`.
        private mutating func parseControlLine(_ line: ArraySlice<UInt8>) throws(NATSProtocolError)
            -> NATSServerOperation?
        {
            let nameEnd = line.firstIndex { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } ?? line.endIndex
            let name = String(decoding: line[line.startIndex..<nameEnd], as: UTF8.self).uppercased()
            let rest = line[nameEnd...]
            switch name {
            case "MSG":
                let fields = Self.fields(rest)
                guard fields.count == 3 || fields.count == 4, let sid = UInt64(fields[1]),
                    let size = Int(fields[fields.count - 1]), size >= 0
                else { throw malformed(line) }
                try setPending(
                    subject: fields[0], sid: sid, reply: fields.count == 4 ? fields[2] : nil, headerSize: 0,
                    totalSize: size)
                return nil
            case "HMSG":
                let fields = Self.fields(rest)
                guard fields.count == 4 || fields.count == 5, let sid = UInt64(fields[1]),
                    let headerSize = Int(fields[fields.count - 2]), let total = Int(fields[fields.count - 1]),
                    headerSize >= 0, total >= headerSize
                else { throw malformed(line) }
                try setPending(
                    subject: fields[0], sid: sid, reply: fields.count == 5 ? fields[2] : nil, headerSize: headerSize,
                    totalSize: total)
                return nil
            case "PING":
                return .ping
            case "PONG":
                return .pong
            case "+OK":
                return .ok
            case "-ERR":
                var text = String(decoding: rest, as: UTF8.self).trimmingSpaces()
                if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") {
                    text = String(text.dropFirst().dropLast())
                }
                return .error(text)
            case "INFO":
                return .info(try NATSServerInfo(json: rest))
            default:
                let shown = String(decoding: line.prefix(32), as: UTF8.self)
                throw NATSProtocolError(.unknownOperation, "unknown operation in line \"\(shown)\"")
            }
        }

        private mutating func setPending(
            subject: String, sid: UInt64, reply: String?, headerSize: Int, totalSize: Int
        ) throws(NATSProtocolError) {
            guard headerSize <= limits.maxHeaderSize else {
                throw NATSProtocolError(
                    .headersTooLarge,
                    "a message's header block of \(headerSize) bytes is larger than the limit of \(limits.maxHeaderSize)"
                )
            }
            guard totalSize <= limits.maxMessageSize else {
                throw NATSProtocolError(
                    .payloadTooLarge,
                    "a message of \(totalSize) bytes is larger than the limit of \(limits.maxMessageSize)")
            }
            pending = PendingMessage(
                subject: subject, subscriptionID: sid, replyTo: reply, headerSize: headerSize, totalSize: totalSize)
        }

        private func malformed(_ line: ArraySlice<UInt8>) -> NATSProtocolError {
            let shown = String(decoding: line.prefix(200), as: UTF8.self)
            return NATSProtocolError(.malformedOperation, "malformed operation \"\(shown)\"")
        }

        /// Returns the pending message once its bytes and their `\r\n` have all arrived.
        private mutating func completeMessage(_ message: PendingMessage) throws(NATSProtocolError)
            -> NATSServerOperation?
        {
            guard buffer.count - start >= message.totalSize + 2 else { return nil }
            let payloadEnd = start + message.totalSize
            guard buffer[payloadEnd] == UInt8(ascii: "\r"), buffer[payloadEnd + 1] == UInt8(ascii: "\n") else {
                throw NATSProtocolError(
                    .missingPayloadTerminator, "the payload of a message on \(message.subject) is not followed by CRLF")
            }
            var received = NATSReceivedMessage(
                subject: message.subject, subscriptionID: message.subscriptionID, replyTo: message.replyTo)
            if message.headerSize > 0 {
                try Self.parseHeaders(buffer[start..<(start + message.headerSize)], into: &received)
            }
            received.payload = Array(buffer[(start + message.headerSize)..<payloadEnd])
            start = payloadEnd + 2
            pending = nil
            return .message(received)
        }

        /// Parses `NATS/1.0[ status[ description]]` and the `name: value` lines after it.
        static func parseHeaders(
            _ block: ArraySlice<UInt8>, into message: inout NATSReceivedMessage
        ) throws(NATSProtocolError) {
            var lines = String(decoding: block, as: UTF8.self).split(
                separator: "\r\n", omittingEmptySubsequences: false
            )
            .map(Substring.init)
            // The block ends with an empty line: "...\r\n\r\n".
            guard lines.count >= 2, lines.last == "", lines[lines.count - 2] == "" else {
                throw NATSProtocolError(.malformedHeaders, "a header block does not end with an empty line")
            }
            lines.removeLast(2)
            guard let first = lines.first, first.hasPrefix("NATS/1.0") else {
                throw NATSProtocolError(.malformedHeaders, "a header block does not start with NATS/1.0")
            }
            let statusLine = first.dropFirst("NATS/1.0".count).trimmingSpaces()
            if !statusLine.isEmpty {
                let parts = statusLine.split(separator: " ", maxSplits: 1)
                guard let code = Int(parts[0]) else {
                    throw NATSProtocolError(
                        .malformedHeaders, "a header block's status \"\(statusLine)\" is not a number")
                }
                message.status = code
                if parts.count == 2 { message.statusDescription = String(parts[1]).trimmingSpaces() }
            }
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                    throw NATSProtocolError(.malformedHeaders, "the header line \"\(line.prefix(200))\" has no name")
                }
                let name = String(line[line.startIndex..<colon])
                let value = String(line[line.index(after: colon)...]).trimmingSpaces()
                message.headers.append(NATSHeader(name: name, value: value))
            }
        }

        /// The fields of a control line after its name, split at runs of spaces and tabs.
        private static func fields(_ rest: ArraySlice<UInt8>) -> [String] {
            rest.split { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.map {
                String(decoding: $0, as: UTF8.self)
            }
        }
    }

    extension StringProtocol {
        /// The text without leading and trailing spaces and tabs.
        func trimmingSpaces() -> String {
            let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
            guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
                return ""
            }
            return String(self[first...last])
        }
    }
#endif
