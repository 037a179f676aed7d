#if WebSocket
    import CloudEvents
    import CloudEventsWebSocket
    import HTTPTypes
    import Logging
    import NIOWebSocket
    import WSClient

    /// How the client sender and receiver open a connection: swift-websocket's client, offering
    /// one subprotocol, with frames up to the message size limit.
    ///
    /// The client offers exactly one subprotocol because swift-websocket 1.6 does not show the
    /// handshake's response headers to the connection: with one offer, a server that accepts
    /// has chosen it. A server that supports none of it closes at once (this package's server,
    /// with 1002 and its reason) or refuses the upgrade.
    struct WebSocketClientConnector: Sendable {
        let url: String
        let subprotocol: WebSocketSubprotocol
        let limits: WebSocketLimits
        let logger: Logger

        var clientConfiguration: WebSocketClientConfiguration {
            WebSocketClientConfiguration(
                maxFrameSize: limits.maximumMessageSize, additionalHeaders: [.secWebSocketProtocol: subprotocol.name])
        }

        /// The server's close frame as a refusal of the subprotocol: a server closes with 1002
        /// (protocol error) a connection whose subprotocol it does not support.
        func refusal(in close: WebSocketCloseFrame?) -> CloudEventError? {
            guard let close, close.closeCode == .protocolError else { return nil }
            return CloudEventError(
                .unsupportedFormat,
                message: "\(url) refused \(subprotocol.name): \(close.reason ?? "no reason given")")
        }

        /// Connects once and runs `session` on the connection; returns the server's close frame.
        func connect(
            session: @escaping @Sendable (WebSocketInboundStream, WebSocketOutboundWriter) async throws -> Void
        ) async throws -> WebSocketCloseFrame? {
            try await WebSocketClient.connect(url: url, configuration: clientConfiguration, logger: logger) {
                inbound, outbound, _ in
                try await session(inbound, outbound)
            }
        }
    }
#endif
