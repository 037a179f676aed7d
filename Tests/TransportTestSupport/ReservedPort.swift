import CloudEvents

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP port on 127.0.0.1 that a test holds for as long as it keeps this value: a socket bound
/// to it that never listens.
///
/// A connection to it is refused (`ECONNREFUSED`: nothing listens), and no other test can be
/// given the port meanwhile: the kernel hands out ephemeral ports (`bind` or `connect` to port 0)
/// only where nothing is bound. That is what a port that was bound and then released does not
/// promise: another test may be given it at once.
///
/// With `allowingListener`, the socket has `SO_REUSEADDR`, so that a server that sets it too
/// (Hummingbird does) can listen on the port while it is held, and the port stays held after that
/// server stops: ``RestartingReceiver`` restarts on it. Without, nothing else can bind it at all.
public final class ReservedPort: Sendable {
    /// The port held.
    public let port: Int
    private let descriptor: Int32

    /// Binds a new socket to 127.0.0.1 and an ephemeral port.
    public init(allowingListener: Bool = false) throws {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Self.failure("socket") }
        if allowingListener {
            var one: Int32 = 1
            guard setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size)) == 0
            else {
                close(descriptor)
                throw Self.failure("setsockopt(SO_REUSEADDR)")
            }
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else {
            close(descriptor)
            throw Self.failure("bind")
        }
        var boundAddress = sockaddr_in()
        var boundLength = length
        let named = withUnsafeMutablePointer(to: &boundAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &boundLength) }
        }
        guard named == 0 else {
            close(descriptor)
            throw Self.failure("getsockname")
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: boundAddress.sin_port))
    }

    deinit {
        close(descriptor)
    }

    private static func failure(_ call: String) -> CloudEventError {
        CloudEventError(.transportFailed, message: "cannot reserve a port: \(call) failed (errno \(errno))")
    }
}

/// Runs `body` with a port on 127.0.0.1 that nothing listens on, held (``ReservedPort``) until
/// `body` returns, so that no other test's server can take it meanwhile.
public func withClosedPort<Result: Sendable>(_ body: (_ port: Int) async throws -> Result) async throws -> Result {
    let reservation = try ReservedPort()
    defer { withExtendedLifetime(reservation) {} }
    return try await body(reservation.port)
}
