#if WebSocket
    import CloudEventsWebSocket
    import NIOCore
    import NIOWebSocket
    import WSCore

    extension WebSocketOutboundWriter {
        /// Writes one binding message: a text message for text frames, a binary one otherwise;
        /// returns once the frames are written to the channel.
        func write(_ message: WebSocketEventMessage) async throws {
            switch message.kind {
            case .text: try await writeTextMessage(String(decoding: message.bytes, as: UTF8.self))
            case .binary: try await writeBinaryMessage(ByteBuffer(bytes: message.bytes))
            }
        }
    }

    extension WebSocketEventMessage {
        /// The binding message a received WebSocket message holds.
        init(_ message: WSCore.WebSocketMessage) {
            switch message {
            case .text(let text): self.init(kind: .text, bytes: Array(text.utf8))
            case .binary(let buffer): self.init(kind: .binary, bytes: Array(buffer.readableBytesView))
            }
        }
    }

    /// The close handshake's one bound, shared by the server and the clients.
    enum WebSocketCloseHandshake {
        /// How long a side that sent a close frame waits for the other's reply before it leaves
        /// the connection.
        static let replyTimeout = Duration.seconds(10)
    }

    extension WebSocketErrorCode {
        /// The code for one of ``/CloudEventsWebSocket/WebSocketCloseCode``'s values.
        init(closeCode: UInt16) {
            self.init(codeNumber: Int(closeCode))
        }
    }
#endif
