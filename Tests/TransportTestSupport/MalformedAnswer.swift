/// Answers no HTTP/1.1 client can make sense of, for a ``FaultServer`` to send.
public enum MalformedAnswer: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Bytes that are not an HTTP response at all.
    case notHTTP
    /// A status line cut off in the middle, then the connection closes.
    case truncatedStatusLine
    /// A `202` whose `Content-Length` is not a number.
    case invalidContentLength
    /// A `202` promising 100 bytes of body, sending 5 and closing.
    case bodyShorterThanContentLength

    /// The answer's bytes.
    public var bytes: [UInt8] {
        switch self {
        case .notHTTP: Array("SSH-2.0-OpenSSH_9.6 \u{1}\u{2}\u{3}\r\n\r\n".utf8)
        case .truncatedStatusLine: Array("HTTP/1.1 20".utf8)
        case .invalidContentLength: Array("HTTP/1.1 202 Accepted\r\nContent-Length: twelve\r\n\r\n".utf8)
        case .bodyShorterThanContentLength: Array("HTTP/1.1 202 Accepted\r\nContent-Length: 100\r\n\r\nshort".utf8)
        }
    }

    /// The case's name.
    public var description: String { rawValue }
}
