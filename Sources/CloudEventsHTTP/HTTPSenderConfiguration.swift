public import CloudEvents
public import CloudEventsTracing
public import CloudEventsTransport
public import HTTPTypes

/// How an HTTP sender encodes, delivers and retries events; the same for every HTTP client
/// library (AsyncHTTPClient, URLSession).
///
/// ```swift
/// var configuration = HTTPSenderConfiguration(mode: .structured, timeout: .seconds(5))
/// configuration.headerFields[.authorization] = "Bearer \(token)"
/// ```
public struct HTTPSenderConfiguration: Sendable {
    /// Encodes each event: its ``/CloudEventsHTTP/HTTPEventEncoder/mode`` (binary by default) for
    /// single events, its header budget for binary mode, and its event format. Batches always
    /// travel in batch mode.
    public var encoder: HTTPEventEncoder
    /// The longest one send may take, all attempts and waits between them included. A send
    /// given an absolute deadline ends at the earlier of the two.
    public var timeout: Duration
    /// When to try again, and how long to wait first. HTTP retries connection errors and
    /// ``/CloudEventsHTTP/HTTPRetryableStatuses``.
    public var retryPolicy: RetryPolicy
    /// Fields added to every request, such as `Authorization`. The binding's own fields
    /// (`Content-Type`, `ce-…`) win over these.
    public var headerFields: HTTPFields
    /// Decodes a reply event; its body-size limit also bounds how much of any answer is read.
    public var replyDecoder: HTTPEventDecoder
    /// The request method. Default `POST`, as the HTTP binding specifies.
    public var method: HTTPRequest.Method
    /// Where the sender's metrics go. Default the bootstrapped metrics backend, if any.
    public var metrics: CloudEventMetrics

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - mode: The mode for single events. Default binary.
    ///   - headerBudget: The header budget for binary mode; it passes through to
    ///     ``/CloudEventsHTTP/HTTPEventEncoder``. Default 8 KiB, failing when exceeded.
    ///   - timeout: The longest one send may take, retries included. Default 30 s.
    ///   - retryPolicy: When to retry. Default ``/CloudEventsTransport/RetryPolicy/default``.
    ///   - headerFields: Fields added to every request. Default none.
    ///   - replyDecoder: Decodes reply events. Default limits (16 MiB body).
    public init(
        mode: HTTPContentMode = .binary,
        headerBudget: HTTPHeaderBudget = HTTPHeaderBudget(),
        timeout: Duration = .seconds(30),
        retryPolicy: RetryPolicy = .default,
        headerFields: HTTPFields = [:],
        replyDecoder: HTTPEventDecoder = HTTPEventDecoder()
    ) {
        self.encoder = HTTPEventEncoder(mode: mode, headerBudget: headerBudget)
        self.timeout = timeout
        self.retryPolicy = retryPolicy
        self.headerFields = headerFields
        self.replyDecoder = replyDecoder
        self.method = .post
        self.metrics = .bootstrapped
    }

    /// The header fields of a request carrying `message`: the message's own fields, then
    /// ``headerFields`` for every name the message does not set.
    public func requestHeaderFields(for message: EncodedHTTPMessage) -> HTTPFields {
        var fields = message.headerFields
        let ownNames = Set(fields.map(\.name))
        for field in headerFields where !ownNames.contains(field.name) {
            fields.append(field)
        }
        return fields
    }

    /// The largest answer body a sender reads.
    public var maximumAnswerBodySize: Int { replyDecoder.limits.maximumBodySize }
}
