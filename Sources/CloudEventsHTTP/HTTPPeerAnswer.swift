import CloudEvents
public import CloudEventsTransport
public import HTTPTypes

/// What the peer answered to one attempt: status, header fields and (the start of) the body.
///
/// An HTTP client adapter returns one from each attempt it makes for ``HTTPDelivery``.
public struct HTTPPeerAnswer: Sendable {
    /// The status code.
    public var status: Int
    /// The header fields.
    public var headerFields: HTTPFields
    /// The body, or its first bytes when ``isBodyTruncated``.
    public var body: [UInt8]
    /// Whether the body was longer than the adapter was willing to read.
    public var isBodyTruncated: Bool

    /// Creates an answer.
    public init(status: Int, headerFields: HTTPFields, body: [UInt8], isBodyTruncated: Bool = false) {
        self.status = status
        self.headerFields = headerFields
        self.body = body
        self.isBodyTruncated = isBodyTruncated
    }

    /// Whether the status is `2xx`.
    public var isSuccess: Bool { (200...299).contains(status) }

    /// How many body bytes an adapter reads of an answer: all of a success (up to
    /// `maximumSuccessBodySize`, which may carry a reply event), only enough of an error for
    /// ``snippet``.
    public static func bodyLimit(status: Int, maximumSuccessBodySize: Int) -> Int {
        (200...299).contains(status) ? maximumSuccessBodySize : errorBodyLimit
    }

    /// The most bytes of an error answer's body that are read.
    public static let errorBodyLimit = 4096

    /// The most bytes of the body that go into an error's ``/CloudEvents/CloudEventError/responseSnippet``.
    public static let snippetLimit = 512

    /// The beginning of the body as text (invalid UTF-8 replaced); `nil` when the body is empty.
    public var snippet: String? {
        guard !body.isEmpty else { return nil }
        let text = String(decoding: body.prefix(Self.snippetLimit), as: UTF8.self)
        return body.count > Self.snippetLimit || isBodyTruncated ? text + "…" : text
    }

    /// The answer as the delivery loop judges it: a `2xx` delivered the event; a status in
    /// ``HTTPRetryableStatuses`` is worth another attempt, after `Retry-After` when it has one.
    public var verdict: AnswerVerdict {
        guard !isSuccess else { return .delivered }
        let retryable = HTTPRetryableStatuses.contains(status)
        return .refused(
            PeerRefusal(
                "answered \(status)", status: status, snippet: snippet, isRetryable: retryable,
                retryAfter: retryable
                    ? headerFields[.retryAfter].flatMap {
                        RetryAfter.delay(headerValue: $0, nowEpochSeconds: Timestamp.now().epochSeconds)
                    } : nil))
    }
}
