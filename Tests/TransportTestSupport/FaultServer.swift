#if Hummingbird
    import NIOConcurrencyHelpers
    import NIOCore
    import NIOPosix

    #if canImport(Glibc)
        import Glibc
    #elseif canImport(Darwin)
        import Darwin
    #endif

    /// What a ``FaultServer`` does to each request it reads, instead of answering it properly.
    public enum Fault: Sendable {
        /// Reads the request head and `bodyBytes` bytes of the body (all of it, when shorter), then
        /// resets the connection (`SO_LINGER` 0, so the peer gets a TCP RST, not a FIN).
        case resetAfterBody(bytes: Int)
        /// Reads the whole request (head and `Content-Length` bytes of body), writes these bytes
        /// as the answer, and closes the connection.
        case answer([UInt8])
        /// Reads each whole request and writes these bytes as its answer, keeping the connection
        /// open: a well-behaved keep-alive peer, whose ``FaultServer/Counts/closed`` shows when the
        /// client closed its connections.
        case answerKeepingAlive([UInt8])

        /// Answers `text` (as UTF-8), then closes.
        public static func answer(_ text: String) -> Fault { .answer(Array(text.utf8)) }
    }

    /// A raw TCP server on 127.0.0.1 that speaks just enough HTTP/1.1 to misbehave at a chosen
    /// moment: what no well-behaved HTTP server library can be made to do.
    ///
    /// It reads each request's head, answers `Expect: 100-continue` (curl, under URLSession, asks
    /// for it before large bodies), counts connections and requests, and then applies its
    /// ``Fault``.
    public final class FaultServer: Sendable {
        /// The port it listens on.
        public let port: Int
        private let channel: any Channel
        private let counts: NIOLockedValueBox<Counts>

        /// What the server has seen so far.
        public struct Counts: Sendable, Equatable {
            /// Connections accepted.
            public var connections = 0
            /// Request heads read completely.
            public var requests = 0
            /// Faults applied (resets done or answers written).
            public var faults = 0
            /// Connections closed, by either side.
            public var closed = 0
        }

        /// What the server has seen so far.
        public var seen: Counts { counts.withLockedValue { $0 } }

        private init(port: Int, channel: any Channel, counts: NIOLockedValueBox<Counts>) {
            self.port = port
            self.channel = channel
            self.counts = counts
        }

        /// Starts a server applying `fault` to every request.
        public static func start(_ fault: Fault) async throws -> FaultServer {
            let counts = NIOLockedValueBox(Counts())
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    counts.withLockedValue { $0.connections += 1 }
                    return channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(FaultHandler(fault: fault, counts: counts))
                    }
                }
                .bind(host: "127.0.0.1", port: 0).get()
            return FaultServer(port: channel.localAddress?.port ?? 0, channel: channel, counts: counts)
        }

        /// Stops listening (connections still open are left to their peers).
        public func stop() async {
            try? await channel.close()
        }
    }

    /// Runs a ``FaultServer`` applying `fault` for the duration of `body`.
    public func withFaultServer<Result: Sendable>(
        _ fault: Fault, _ body: (FaultServer) async throws -> Result
    ) async throws -> Result {
        let server = try await FaultServer.start(fault)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// One connection of a ``FaultServer``: buffers the request until its fault is due.
    private final class FaultHandler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        let fault: Fault
        let counts: NIOLockedValueBox<FaultServer.Counts>
        private var received: [UInt8] = []
        /// Where the body starts, once the head is complete.
        private var bodyStart: Int?
        private var contentLength = 0
        private var done = false

        init(fault: Fault, counts: NIOLockedValueBox<FaultServer.Counts>) {
            self.fault = fault
            self.counts = counts
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard !done else { return }
            received.append(contentsOf: unwrapInboundIn(data).readableBytesView)
            if bodyStart == nil, let end = Self.headEnd(received) {
                bodyStart = end
                counts.withLockedValue { $0.requests += 1 }
                let head = String(decoding: received[..<end], as: UTF8.self).lowercased()
                contentLength = Self.headerValue("content-length", in: head).flatMap { Int($0) } ?? 0
                if Self.headerValue("expect", in: head) == "100-continue" {
                    context.writeAndFlush(
                        wrapOutboundOut(ByteBuffer(string: "HTTP/1.1 100 Continue\r\n\r\n")), promise: nil)
                }
            }
            guard let bodyStart else { return }
            let bodyReceived = received.count - bodyStart
            switch fault {
            case .resetAfterBody(let bytes):
                guard bodyReceived >= min(bytes, contentLength) else { return }
                done = true
                counts.withLockedValue { $0.faults += 1 }
                guard let socket = context.channel as? any SocketOptionProvider else {
                    context.close(promise: nil)
                    return
                }
                let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
                socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in
                    boundContext.value.close(promise: nil)
                }
            case .answer(let bytes):
                guard bodyReceived >= contentLength else { return }
                done = true
                counts.withLockedValue { $0.faults += 1 }
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: bytes)), promise: nil)
                context.close(promise: nil)
            case .answerKeepingAlive(let bytes):
                guard bodyReceived >= contentLength else { return }
                counts.withLockedValue { $0.faults += 1 }
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: bytes)), promise: nil)
                // Ready for the next request on this connection (pipelined bytes are kept).
                received.removeFirst(bodyStart + contentLength)
                self.bodyStart = nil
                contentLength = 0
                if !received.isEmpty { channelRead(context: context, data: NIOAny(ByteBuffer())) }
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            counts.withLockedValue { $0.closed += 1 }
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }

        /// The index just after the blank line ending the head, if it has arrived.
        private static func headEnd(_ bytes: [UInt8]) -> Int? {
            guard bytes.count >= 4 else { return nil }
            for index in 3..<bytes.count
            where bytes[index] == 0x0A && bytes[index - 1] == 0x0D && bytes[index - 2] == 0x0A
                && bytes[index - 3] == 0x0D
            {
                return index + 1
            }
            return nil
        }

        /// The value of the first header field `name` in a lower-cased head.
        private static func headerValue(_ name: String, in head: String) -> String? {
            for line in head.split(separator: "\r\n").dropFirst() {
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingSpaces == name else { continue }
                return String(parts[1].trimmingSpaces)
            }
            return nil
        }
    }

    extension Substring {
        fileprivate var trimmingSpaces: Substring {
            var text = self
            while text.first == " " || text.first == "\t" { text = text.dropFirst() }
            while text.last == " " || text.last == "\t" { text = text.dropLast() }
            return text
        }
    }
#endif
