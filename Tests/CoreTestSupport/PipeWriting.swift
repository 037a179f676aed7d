public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileHandle {
    /// Writes `bytes` to a child process's standard input, and closes it. A child that exited
    /// without reading it all (a peer that failed at start, a tool that refused its flags) makes
    /// the write fail with `EPIPE`, which is ignored here: the child's exit status and standard
    /// error tell what went wrong. Without this, the write would raise `SIGPIPE`, which ends the
    /// whole test process.
    public func writeToChild(_ bytes: [UInt8]) {
        Self.ignoreBrokenPipes
        try? write(contentsOf: bytes)
        try? close()
    }

    /// `SIGPIPE` ignored in this process, once: a write to a closed pipe returns `EPIPE` instead.
    private static let ignoreBrokenPipes: Void = {
        _ = signal(SIGPIPE, SIG_IGN)
    }()
}
