#if NATS
    import NIOCore

    /// The operations a client writes, appended to a `ByteBuffer`.
    enum NATSClientOperations {
        /// Whether `subject` is a valid NATS subject (or queue group): non-empty, and without
        /// spaces, tabs or line breaks.
        static func isValidToken(_ subject: String) -> Bool {
            !subject.isEmpty
                && !subject.utf8.contains {
                    $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r")
                        || $0 == UInt8(ascii: "\n")
                }
        }

        /// Checks a subject, reply subject or queue group.
        static func validate(_ token: String, as what: String) throws(NATSClientError) {
            guard isValidToken(token) else {
                throw NATSClientError(.invalidArgument, "the \(what) \"\(token)\" is empty or has white space")
            }
        }

        /// The header block of `HPUB`, or `nil` without headers: `NATS/1.0\r\n`, a line per
        /// header, an empty line.
        static func headerBlock(_ headers: [NATSHeader]) throws(NATSClientError) -> [UInt8]? {
            guard !headers.isEmpty else { return nil }
            var block = Array("NATS/1.0\r\n".utf8)
            for header in headers {
                let nameIsValid =
                    !header.name.isEmpty
                    && header.name.utf8.allSatisfy { $0 > 32 && $0 < 127 && $0 != UInt8(ascii: ":") }
                guard nameIsValid else {
                    throw NATSClientError(
                        .invalidArgument, "the header name \"\(header.name)\" is not printable ASCII without ':'")
                }
                guard !header.value.utf8.contains(where: { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") })
                else {
                    throw NATSClientError(.invalidArgument, "the value of header \(header.name) has a line break")
                }
                block.append(contentsOf: header.name.utf8)
                block.append(contentsOf: ": ".utf8)
                block.append(contentsOf: header.value.utf8)
                block.append(contentsOf: "\r\n".utf8)
            }
            block.append(contentsOf: "\r\n".utf8)
            return block
        }

        /// `PUB subject [reply] size` or `HPUB subject [reply] headerSize totalSize`, the header
        /// block and payload, and `\r\n`.
        static func writePublish(
            into buffer: inout ByteBuffer, subject: String, replyTo: String?, headerBlock: [UInt8]?,
            payload: some Collection<UInt8>
        ) {
            if let headerBlock {
                buffer.writeString("HPUB ")
                buffer.writeString(subject)
                if let replyTo {
                    buffer.writeString(" ")
                    buffer.writeString(replyTo)
                }
                buffer.writeString(" \(headerBlock.count) \(headerBlock.count + payload.count)\r\n")
                buffer.writeBytes(headerBlock)
            } else {
                buffer.writeString("PUB ")
                buffer.writeString(subject)
                if let replyTo {
                    buffer.writeString(" ")
                    buffer.writeString(replyTo)
                }
                buffer.writeString(" \(payload.count)\r\n")
            }
            buffer.writeBytes(payload)
            buffer.writeString("\r\n")
        }

        /// `SUB subject [queue] sid`.
        static func writeSubscribe(into buffer: inout ByteBuffer, subject: String, queueGroup: String?, sid: UInt64) {
            if let queueGroup {
                buffer.writeString("SUB \(subject) \(queueGroup) \(sid)\r\n")
            } else {
                buffer.writeString("SUB \(subject) \(sid)\r\n")
            }
        }

        /// `UNSUB sid [max]`.
        static func writeUnsubscribe(into buffer: inout ByteBuffer, sid: UInt64, after maximum: Int? = nil) {
            if let maximum {
                buffer.writeString("UNSUB \(sid) \(maximum)\r\n")
            } else {
                buffer.writeString("UNSUB \(sid)\r\n")
            }
        }
    }
#endif
