#if NATS
    #if canImport(FoundationEssentials)
        import FoundationEssentials
    #else
        import Foundation
    #endif
    import Logging
    import NIOCore

    /// The `CONNECT` options, as JSON.
    struct NATSConnectOptions: Encodable, Sendable {
        var verbose = false
        var pedantic = false
        var tlsRequired = false
        var name: String?
        var lang = "swift"
        var version = "0.1.0"
        var `protocol` = 1
        var echo: Bool
        var headers = true
        var noResponders = true
        var authToken: String?
        var user: String?
        var pass: String?

        enum CodingKeys: String, CodingKey {
            case verbose, pedantic, tlsRequired = "tls_required", name, lang, version, `protocol`, echo, headers
            case noResponders = "no_responders", authToken = "auth_token", user, pass
        }

        /// `CONNECT {...}\r\nPING\r\n`: the `PONG` confirms that the server accepted it.
        func handshake() -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let json = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            return "CONNECT \(json)\r\nPING\r\n"
        }
    }

    /// Reads one connection's bytes into operations: performs the handshake itself, answers the
    /// server's `PING`s, and hands everything else to the client.
    final class NATSConnectionHandler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        private enum Phase {
            case awaitingInfo
            case awaitingPong(NATSServerInfo)
            case ready
            case failed
        }

        private let client: NATSClient
        private let options: NATSConnectOptions
        private let handshake: EventLoopPromise<NATSServerInfo>
        private var parser: NATSProtocolParser
        private var phase = Phase.awaitingInfo
        /// Whether the handshake promise is completed (it must not be completed twice).
        private var handshakeCompleted = false
        /// Whether the client took the connection over, so that it must hear of its loss.
        private var established = false

        init(
            client: NATSClient, options: NATSConnectOptions, limits: NATSProtocolParser.Limits,
            handshake: EventLoopPromise<NATSServerInfo>
        ) {
            self.client = client
            self.options = options
            self.parser = NATSProtocolParser(limits: limits)
            self.handshake = handshake
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            parser.append(buffer.readableBytesView)
            do {
                while let operation = try parser.next() {
                    handle(operation, context: context)
                }
            } catch {
                fail(context: context, NATSClientError(.protocolViolation, "the server broke the protocol: \(error)"))
            }
        }

        private func handle(_ operation: NATSServerOperation, context: ChannelHandlerContext) {
            if case .ping = operation {
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "PONG\r\n")), promise: nil)
                return
            }
            switch phase {
            case .awaitingInfo:
                guard case .info(let info) = operation else {
                    fail(context: context, NATSClientError(.protocolViolation, "the server did not start with INFO"))
                    return
                }
                guard !info.tlsRequired else {
                    fail(
                        context: context,
                        NATSClientError(.tlsRequired, "the server requires TLS, which this client does not speak"))
                    return
                }
                phase = .awaitingPong(info)
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: options.handshake())), promise: nil)
            case .awaitingPong(let info):
                switch operation {
                case .pong:
                    phase = .ready
                    established = true
                    handshakeCompleted = true
                    handshake.succeed(info)
                case .error(let text):
                    let code: NATSClientError.Code =
                        text.lowercased().contains("authorization") || text.lowercased().contains("authentication")
                        ? .authorizationViolation : .serverError
                    fail(context: context, NATSClientError(code, "the server refused the connection: \(text)"))
                case .info(let newer):
                    phase = .awaitingPong(newer)
                default:
                    break
                }
            case .ready:
                client.received(operation, on: context.channel)
            case .failed:
                break
            }
        }

        private func fail(context: ChannelHandlerContext, _ error: NATSClientError) {
            if case .ready = phase {
                client.logger.error("closing the connection", metadata: ["error": "\(error)"])
            }
            phase = .failed
            if !handshakeCompleted {
                handshakeCompleted = true
                handshake.fail(error)
            }
            context.close(promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            phase = .failed
            if established {
                client.connectionLost(context.channel)
            } else if !handshakeCompleted {
                handshakeCompleted = true
                handshake.fail(
                    NATSClientError(.connectionLost, "the server closed the connection during the handshake"))
            }
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            client.logger.debug("connection error", metadata: ["error": "\(error)"])
            context.close(promise: nil)
        }
    }
#endif
