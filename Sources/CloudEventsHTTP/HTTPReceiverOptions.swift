public import CloudEvents
public import CloudEventsTracing

/// How an HTTP receiver receives CloudEvents: decoding limits, reply encoding, the webhook
/// handshake, which events reach the handler and how many handlers run at once.
///
/// Every server adapter (Hummingbird's `CloudEventRouteOptions` is this type) configures its
/// ``/CloudEventsHTTP/HTTPCloudEventEndpoint`` with it, so they all behave the same.
public struct HTTPReceiverOptions: Sendable {
    /// Decodes requests. Set the body limit with ``maximumBodySize``, which keeps the decoder's
    /// two size limits (the HTTP body and the JSON document) equal.
    public var decoder: HTTPEventDecoder
    /// The header budget for reply events sent in binary mode. By default a reply too large for
    /// it goes in structured mode instead (any CloudEvents sender decodes both).
    public var replyHeaderBudget: HTTPHeaderBudget
    /// The webhook validation policy the route answers `OPTIONS` requests with; `nil` registers
    /// no `OPTIONS` route.
    public var webhookValidation: WebhookValidation?
    /// Only events that match reach the handler (a CloudEventsSQL `CESQLExpression` or
    /// `SubscriptionFilter`); `nil` passes every event.
    public var filter: (any CloudEventMatcher)?
    /// What an event that does not match ``filter`` gets: accepted and dropped (`202`, the
    /// default), or refused (`400`, code `filtered_out`).
    public var nonMatching: NonMatchingEvents
    /// The most handler calls that run at once, across all requests; a request over it waits
    /// for a slot (its events still run in order). `nil`, the default, sets no bound.
    public var maximumConcurrentHandlers: Int?
    /// Where the receiver's metrics go. Default the bootstrapped metrics backend, if any.
    public var metrics: CloudEventMetrics = .bootstrapped

    /// Creates options.
    ///
    /// - Parameters:
    ///   - maximumBodySize: The largest request body, in bytes. Default 16 MiB.
    ///   - decoder: Decodes requests; `maximumBodySize` replaces its body and document limits.
    ///   - replyHeaderBudget: The header budget for binary-mode replies. Default 8 KiB, falling
    ///     back to structured mode.
    ///   - webhookValidation: The webhook handshake policy. Default none.
    ///   - filter: Only events that match it reach the handler. Default none: every event.
    ///   - nonMatching: What an event that does not match gets. Default accepted and dropped.
    ///   - maximumConcurrentHandlers: The most handler calls at once. Default no bound.
    public init(
        maximumBodySize: Int = 16 << 20,
        decoder: HTTPEventDecoder = HTTPEventDecoder(),
        replyHeaderBudget: HTTPHeaderBudget = HTTPHeaderBudget(overflowPolicy: .useStructuredMode),
        webhookValidation: WebhookValidation? = nil,
        filter: (any CloudEventMatcher)? = nil,
        nonMatching: NonMatchingEvents = .acceptAndDrop,
        maximumConcurrentHandlers: Int? = nil
    ) {
        self.decoder = decoder
        self.replyHeaderBudget = replyHeaderBudget
        self.webhookValidation = webhookValidation
        self.filter = filter
        self.nonMatching = nonMatching
        self.maximumConcurrentHandlers = maximumConcurrentHandlers
        self.maximumBodySize = maximumBodySize
    }

    /// The largest request body the route accepts, in bytes: larger is `413 Content Too Large`,
    /// refused before the body is read when `Content-Length` says so. It sets both the decoder's
    /// body limit and its JSON format's document limit (which would otherwise refuse a larger
    /// structured or batch body on its own, at 16 MiB by default).
    public var maximumBodySize: Int {
        get { decoder.limits.maximumBodySize }
        set {
            decoder.limits.maximumBodySize = newValue
            decoder.format.limits.maximumDocumentSize = newValue  // lowered to the format's own cap
        }
    }
}
