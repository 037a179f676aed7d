#if NATS
    import CloudEventsNATSClient
    import Testing

    @Suite("NATS protocol parser")
    struct NATSProtocolParserTests {
        /// A stream with every operation a server sends, headers, a status line, an empty
        /// payload, a payload holding CRLF and protocol words, lower-case names and tabs.
        static let stream = Array(
            ("INFO {\"server_id\":\"S1\",\"version\":\"2.9.20\",\"proto\":1,\"headers\":true,\"max_payload\":1048576,"
                + "\"connect_urls\":[\"10.0.0.2:4222\"]}\r\n"
                + "PING\r\n"
                + "MSG orders.new 1 5\r\nhello\r\n"
                + "MSG orders.new 2 _INBOX.abc.1 13\r\nMSG x 1 3\r\n\r\n\r\n"
                + "HMSG orders.new 3 _INBOX.abc.2 35 40\r\nNATS/1.0\r\nce-id: 1\r\nX: a\r\nX:  b\r\n\r\nworld\r\n"
                + "HMSG _INBOX.abc.3 4 30 30\r\nNATS/1.0 503 No Responders\r\n\r\n\r\n"
                + "msg\tempty\t5\t0\r\n\r\n"
                + "+OK\r\n"
                + "-ERR 'Permissions Violation for Publish to \"secret\"'\r\n"
                + "pong\r\n").utf8)

        static let expected: [NATSServerOperation] = [
            .info(
                NATSServerInfo(
                    serverID: "S1", serverName: "S1", version: "2.9.20", protocolVersion: 1, maxPayload: 1_048_576,
                    supportsHeaders: true, connectURLs: ["10.0.0.2:4222"])),
            .ping,
            .message(NATSReceivedMessage(subject: "orders.new", subscriptionID: 1, payload: Array("hello".utf8))),
            .message(
                NATSReceivedMessage(
                    subject: "orders.new", subscriptionID: 2, replyTo: "_INBOX.abc.1",
                    payload: Array("MSG x 1 3\r\n\r\n".utf8))),
            .message(
                NATSReceivedMessage(
                    subject: "orders.new", subscriptionID: 3, replyTo: "_INBOX.abc.2",
                    headers: [
                        NATSHeader(name: "ce-id", value: "1"), NATSHeader(name: "X", value: "a"),
                        NATSHeader(name: "X", value: "b"),
                    ],
                    payload: Array("world".utf8))),
            .message(
                NATSReceivedMessage(
                    subject: "_INBOX.abc.3", subscriptionID: 4, status: 503, statusDescription: "No Responders")),
            .message(NATSReceivedMessage(subject: "empty", subscriptionID: 5)),
            .ok,
            .error("Permissions Violation for Publish to \"secret\""),
            .pong,
        ]

        static func parse(_ chunks: [ArraySlice<UInt8>], limits: NATSProtocolParser.Limits = .init()) throws
            -> [NATSServerOperation]
        {
            var parser = NATSProtocolParser(limits: limits)
            var operations: [NATSServerOperation] = []
            for chunk in chunks {
                parser.append(chunk)
                while let operation = try parser.next() { operations.append(operation) }
            }
            #expect(parser.bufferedByteCount == 0)
            return operations
        }

        @Test("the whole stream at once")
        func wholeStream() throws {
            #expect(try Self.parse([Self.stream[...]]) == Self.expected)
        }

        @Test("every split of the stream into two pieces")
        func everyTwoPieceSplit() throws {
            for split in 0...Self.stream.count {
                let operations = try Self.parse([Self.stream[..<split], Self.stream[split...]])
                #expect(operations == Self.expected, "split at \(split)")
            }
        }

        @Test("every split into three pieces around each message")
        func everyThreePieceSplit() throws {
            // Splits inside the HMSG with headers and its neighbours, exhaustively.
            let start = Self.stream.count / 3
            for first in start..<(start + 120) {
                for second in first..<min(first + 60, Self.stream.count) {
                    let chunks = [Self.stream[..<first], Self.stream[first..<second], Self.stream[second...]]
                    #expect(try Self.parse(chunks) == Self.expected, "splits at \(first), \(second)")
                }
            }
        }

        @Test("one byte at a time")
        func byteByByte() throws {
            #expect(try Self.parse(Self.stream.indices.map { Self.stream[$0...$0] }) == Self.expected)
        }

        @Test("a 1 MiB payload fed in network-sized chunks")
        func largePayload() throws {
            let payload = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let bytes = Array("MSG big 9 \(payload.count)\r\n".utf8) + payload + Array("\r\nPONG\r\n".utf8)
            let chunks = stride(from: 0, to: bytes.count, by: 65_536).map { bytes[$0..<min($0 + 65_536, bytes.count)] }
            let operations = try Self.parse(chunks)
            #expect(
                operations == [
                    .message(NATSReceivedMessage(subject: "big", subscriptionID: 9, payload: payload)), .pong,
                ])
        }

        static func failure(_ text: String, limits: NATSProtocolParser.Limits = .init()) -> NATSProtocolError.Code? {
            var parser = NATSProtocolParser(limits: limits)
            parser.append(Array(text.utf8))
            do {
                while try parser.next() != nil {}
                return nil
            } catch {
                // The error sticks: the stream cannot be resynchronised.
                #expect(throws: error) { try parser.next() }
                return error.code
            }
        }

        @Test("limits and malformed input give typed errors")
        func errors() {
            let small = NATSProtocolParser.Limits(maxControlLineLength: 32, maxHeaderSize: 16, maxMessageSize: 64)
            #expect(Self.failure(String(repeating: "A", count: 40), limits: small) == .lineTooLong)
            #expect(
                Self.failure("MSG a 1 " + String(repeating: "1", count: 40) + "\r\n", limits: small) == .lineTooLong)
            #expect(Self.failure("MSG a 1 65\r\n", limits: small) == .payloadTooLarge)
            #expect(Self.failure("HMSG a 1 17 20\r\n", limits: small) == .headersTooLarge)
            #expect(Self.failure("MSG a 1\r\n") == .malformedOperation)
            #expect(Self.failure("MSG a x 1\r\nz\r\n") == .malformedOperation)
            #expect(Self.failure("MSG a 1 -1\r\n") == .malformedOperation)
            #expect(Self.failure("HMSG a 1 10 5\r\n") == .malformedOperation)
            #expect(Self.failure("HELLO\r\n") == .unknownOperation)
            #expect(Self.failure("MSG a 1 2\r\nabcd\r\n") == .missingPayloadTerminator)
            #expect(Self.failure("HMSG a 1 12 12\r\nHTTP/1.1\r\n\r\n\r\n") == .malformedHeaders)
            #expect(Self.failure("HMSG a 1 21 21\r\nNATS/1.0\r\nnocolon\r\n\r\n\r\n") == .malformedHeaders)
            #expect(Self.failure("INFO {not json}\r\n") == .malformedInfo)
            #expect(Self.failure("PING\r\nPONG\r\n+OK\r\n") == nil)
        }
    }
#endif
