public import HTTPTypes

/// An event (or batch) encoded for HTTP: header fields and body, and the mode actually used.
public struct EncodedHTTPMessage: Sendable {
    /// The header fields to send: `ce-` fields and `Content-Type` in binary mode, `Content-Type`
    /// in structured and batch mode.
    public var headerFields: HTTPFields
    /// The body bytes.
    public var body: [UInt8]
    /// The mode the message uses.
    public var mode: HTTPContentMode
    /// Set when binary mode was asked for but the event exceeded the header budget and the
    /// budget's policy chose structured mode: why, in words a log line can carry.
    public var structuredModeFallback: String?

    /// Creates a message.
    public init(headerFields: HTTPFields, body: [UInt8], mode: HTTPContentMode, structuredModeFallback: String? = nil) {
        self.headerFields = headerFields
        self.body = body
        self.mode = mode
        self.structuredModeFallback = structuredModeFallback
    }

    /// An HTTP request head carrying this message.
    public func request(method: HTTPRequest.Method = .post, scheme: String? = "http", authority: String?, path: String?)
        -> HTTPRequest
    {
        HTTPRequest(method: method, scheme: scheme, authority: authority, path: path, headerFields: headerFields)
    }

    /// An HTTP response head carrying this message.
    public func response(status: HTTPResponse.Status = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headerFields: headerFields)
    }
}
