package import HTTPTypes

/// What the peer answered to one attempt: status, header fields and (the start of) the body.
package struct HTTPPeerAnswer: Sendable {
    /// The status code.
    package var status: Int
    /// The header fields.
    package var headerFields: HTTPFields
    /// The body, or its first bytes when ``isBodyTruncated``.
    package var body: [UInt8]
    /// Whether the body was longer than the adapter was willing to read.
    package var isBodyTruncated: Bool

    package init(status: Int, headerFields: HTTPFields, body: [UInt8], isBodyTruncated: Bool = false) {
        self.status = status
        self.headerFields = headerFields
        self.body = body
        self.isBodyTruncated = isBodyTruncated
    }

    /// Whether the status is `2xx`.
    package var isSuccess: Bool { (200...299).contains(status) }

    /// How many body bytes an adapter reads of an answer: all of a success (up to
    /// `maximumSuccessBodySize`, which may carry a reply event), only enough of an error for
    /// ``snippet``.
    package static func bodyLimit(status: Int, maximumSuccessBodySize: Int) -> Int {
        (200...299).contains(status) ? maximumSuccessBodySize : errorBodyLimit
    }

    /// The most bytes of an error answer's body that are read.
    package static let errorBodyLimit = 4096

    /// The most bytes of the body that go into an error's ``CloudEvents/CloudEventError/responseSnippet``.
    package static let snippetLimit = 512

    /// The beginning of the body as text (invalid UTF-8 replaced); `nil` when the body is empty.
    package var snippet: String? {
        guard !body.isEmpty else { return nil }
        let text = String(decoding: body.prefix(Self.snippetLimit), as: UTF8.self)
        return body.count > Self.snippetLimit || isBodyTruncated ? text + "…" : text
    }
}

/// Why an attempt got no answer, as an adapter classifies its HTTP client's error.
package struct HTTPAttemptFailure: Error, Sendable {
    /// The kinds of failure the retry loop tells apart.
    package enum Kind: Sendable {
        /// No answer: connecting failed or the connection broke. Worth another attempt.
        case connection
        /// The client's own timer for the send's deadline fired.
        case deadlineExceeded
        /// Retrying cannot help: a malformed URL, a client that is shut down...
        case fatal
    }

    /// What kind of failure this is.
    package var kind: Kind
    /// The client's own description, for the error message.
    package var reason: String

    package init(_ kind: Kind, reason: String) {
        self.kind = kind
        self.reason = reason
    }
}

/// A send's task was cancelled between or during attempts, after `attempts` attempts.
package struct HTTPDeliveryCancelled: Error, Sendable {
    /// How many attempts were started.
    package var attempts: Int
}
