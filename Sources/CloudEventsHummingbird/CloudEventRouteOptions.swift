#if Hummingbird
    public import CloudEventsHTTP

    /// How a Hummingbird route receives CloudEvents: decoding limits, reply encoding and the webhook
    /// handshake.
    public struct CloudEventRouteOptions: Sendable {
        /// Decodes requests. Set the body limit with ``maximumBodySize``, which keeps the decoder's
        /// two size limits (the HTTP body and the JSON document) equal.
        public var decoder: HTTPEventDecoder
        /// The header budget for reply events sent in binary mode. By default a reply too large for
        /// it goes in structured mode instead (any CloudEvents sender decodes both).
        public var replyHeaderBudget: HTTPHeaderBudget
        /// The webhook validation policy the route answers `OPTIONS` requests with; `nil` registers
        /// no `OPTIONS` route.
        public var webhookValidation: WebhookValidation?

        /// Creates options.
        ///
        /// - Parameters:
        ///   - maximumBodySize: The largest request body, in bytes. Default 16 MiB.
        ///   - decoder: Decodes requests; `maximumBodySize` replaces its body and document limits.
        ///   - replyHeaderBudget: The header budget for binary-mode replies. Default 8 KiB, falling
        ///     back to structured mode.
        ///   - webhookValidation: The webhook handshake policy. Default none.
        public init(
            maximumBodySize: Int = 16 << 20,
            decoder: HTTPEventDecoder = HTTPEventDecoder(),
            replyHeaderBudget: HTTPHeaderBudget = HTTPHeaderBudget(overflowPolicy: .useStructuredMode),
            webhookValidation: WebhookValidation? = nil
        ) {
            self.decoder = decoder
            self.replyHeaderBudget = replyHeaderBudget
            self.webhookValidation = webhookValidation
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
#endif
