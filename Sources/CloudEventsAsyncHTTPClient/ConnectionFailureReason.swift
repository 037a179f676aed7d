#if AsyncHTTPClient
    import AsyncHTTPClient
    import NIOCore
    import NIOPosix

    /// What a client or system error means, in the words of an error message: "the connection was
    /// refused", not `connection reset (error set): Connection refused (errno: 111)`. The original
    /// error stays available as the send's `underlyingError`.
    enum ConnectionFailureReason {
        static func describe(_ error: any Error) -> String {
            switch error {
            case let error as IOError: return describe(errno: error.errnoCode) ?? "\(error)"
            case let error as NIOConnectionError:
                if error.dnsAError != nil || error.dnsAAAAError != nil {
                    return "the host name \(error.host) could not be resolved"
                }
                return error.connectionErrors.last.map { describe($0.error) }
                    ?? "no address of \(error.host) accepted a connection"
            case let error as ChannelError:
                if case .connectTimeout = error { return "connecting timed out" }
                return "\(error)"
            case let error as HTTPClientError: return describe(error)
            default: return "\(error)"
            }
        }

        private static func describe(_ error: HTTPClientError) -> String {
            switch error {
            case .remoteConnectionClosed: "the peer closed the connection before answering"
            case .connectTimeout: "connecting timed out"
            case .readTimeout: "the peer stopped sending its answer"
            case .writeTimeout: "the peer stopped reading the request"
            case .tlsHandshakeTimeout: "the TLS handshake timed out"
            case .getConnectionFromPoolTimeout: "no connection became free in time"
            case .deadlineExceeded: "the deadline passed"
            default: "\(error)"
            }
        }

        private static func describe(errno: CInt) -> String? {
            switch errno {
            case 111, 61: "the connection was refused"  // ECONNREFUSED (Linux, Darwin)
            case 104, 54: "the peer reset the connection"  // ECONNRESET
            case 110, 60: "connecting timed out"  // ETIMEDOUT
            case 113, 65: "the host is unreachable"  // EHOSTUNREACH
            case 101, 51: "the network is unreachable"  // ENETUNREACH
            case 32: "the connection broke while sending"  // EPIPE
            default: nil
            }
        }
    }
#endif
