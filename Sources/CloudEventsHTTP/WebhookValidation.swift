public import HTTPTypes

/// Webhook abuse protection: the delivery target's side of the validation handshake of the
/// CloudEvents "HTTP 1.1 Web Hooks for Event Delivery" specification, section 4.
///
/// Before delivering, a sender asks with an `OPTIONS` request carrying `WebHook-Request-Origin`
/// (and optionally `WebHook-Request-Rate` and `WebHook-Request-Callback`) whether the target
/// agrees to receive its notifications. ``respond(to:)`` answers such a request and returns `nil`
/// for every other request, so a server can put it in front of its event handler:
///
/// ```swift
/// let validation = WebhookValidation(allowedOrigins: ["eventemitter.example.com"], allowedRate: .perMinute(120))
/// if let response = validation.respond(to: request) { return response }   // the handshake
/// // ... otherwise decode and handle the event
/// ```
///
/// Permission is granted synchronously, in the response. A target that prefers to grant it
/// asynchronously sets ``grantsByCallback``: for a request carrying `WebHook-Request-Callback`,
/// the response then withholds the `WebHook-Allowed-*` fields (as the specification requires),
/// and the application calls the URL from ``callbackURL(of:)`` with an HTTPS `GET` or `POST`
/// when it decides to agree. This type does no I/O itself, so the binding stays free of any HTTP
/// client.
public struct WebhookValidation: Sendable, Hashable {
    /// The sender origins (DNS names such as `eventemitter.example.com`) a target agrees to
    /// receive from, compared case-insensitively.
    public struct AllowedOrigins: Sendable, Hashable, ExpressibleByArrayLiteral {
        /// The origins, lower-cased; `nil` allows any origin.
        private let lowercasedOrigins: Set<String>?

        /// Every origin: the response says `WebHook-Allowed-Origin: *`.
        public static let any = AllowedOrigins(lowercasedOrigins: nil)

        private init(lowercasedOrigins: Set<String>?) {
            self.lowercasedOrigins = lowercasedOrigins
        }

        /// Exactly these origins, whatever their letter case.
        public init(_ origins: some Sequence<String>) {
            lowercasedOrigins = Set(origins.map { $0.lowercased() })
        }

        /// Exactly these origins, whatever their letter case.
        public init(arrayLiteral origins: String...) {
            self.init(origins)
        }

        /// Whether every origin is allowed.
        public var allowsAnyOrigin: Bool { lowercasedOrigins == nil }

        /// Whether `origin` is allowed, compared case-insensitively.
        public func allows(_ origin: String) -> Bool {
            lowercasedOrigins?.contains(origin.lowercased()) ?? true
        }
    }

    /// A notification rate: a positive number of requests per minute, or unlimited (`*`).
    public struct Rate: Sendable, Hashable, CustomStringConvertible {
        /// Requests per minute, at least 1; `nil` when unlimited.
        public let requestsPerMinute: Int?

        /// No limit: `*` on the wire.
        public static let unlimited = Rate(unchecked: nil)

        private init(unchecked requestsPerMinute: Int?) {
            self.requestsPerMinute = requestsPerMinute
        }

        /// A limit of `requestsPerMinute`; `nil` unless it is at least 1.
        public init?(requestsPerMinute: Int) {
            guard requestsPerMinute > 0 else { return nil }
            self.requestsPerMinute = requestsPerMinute
        }

        /// A limit of `requests` per minute; a value below 1 is taken as 1 (the specification
        /// has no zero rate: to refuse, do not allow the origin).
        public static func perMinute(_ requests: Int) -> Rate {
            Rate(unchecked: max(requests, 1))
        }

        /// Parses a header value: `*`, or a positive decimal integer. `nil` for anything else.
        public init?(headerValue: String) {
            let text = headerValue.trimmingASCIISpaces
            if text == "*" {
                self.requestsPerMinute = nil
                return
            }
            guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                let value = Int(text), value > 0
            else { return nil }
            self.requestsPerMinute = value
        }

        /// The header value: `*` or the number.
        public var headerValue: String { requestsPerMinute.map(String.init) ?? "*" }

        /// The header value.
        public var description: String { headerValue }
    }

    /// The origins the target agrees to receive from.
    public var allowedOrigins: AllowedOrigins
    /// The most the target grants; `nil` sets no limit of its own (a requested rate is then
    /// granted as asked, and none is stated when none was asked for).
    public var allowedRate: Rate?
    /// Whether to grant by callback when the sender offers one: the response then withholds the
    /// `WebHook-Allowed-*` fields and the application calls ``callbackURL(of:)`` itself.
    public var grantsByCallback: Bool

    /// Creates a validation policy.
    public init(allowedOrigins: AllowedOrigins, allowedRate: Rate? = nil, grantsByCallback: Bool = false) {
        self.allowedOrigins = allowedOrigins
        self.allowedRate = allowedRate
        self.grantsByCallback = grantsByCallback
    }

    /// Whether `request` is a validation request: `OPTIONS` with a `WebHook-Request-Origin` field.
    public func isValidationRequest(_ request: HTTPRequest) -> Bool {
        request.method == .options && request.headerFields[.webHookRequestOrigin] != nil
    }

    /// The answer to a validation request; `nil` for any other request.
    ///
    /// - `200 OK` with `Allow: POST`, `WebHook-Allowed-Origin` (the origin as sent, or `*` when
    ///   any origin is allowed) and `WebHook-Allowed-Rate` (see ``grantedRate(requested:)``;
    ///   present whenever a rate was requested or ``allowedRate`` is set) when the origin is allowed.
    /// - `200 OK` with only `Allow: POST` when the origin is allowed, the request offers a
    ///   callback and ``grantsByCallback`` is set: permission follows through the callback.
    /// - `403 Forbidden` when the origin is not allowed.
    /// - `400 Bad Request` when `WebHook-Request-Origin` is empty or repeated, or
    ///   `WebHook-Request-Rate` is not a positive integer.
    public func respond(to request: HTTPRequest) -> HTTPResponse? {
        guard isValidationRequest(request) else { return nil }
        let origins = request.headerFields[values: .webHookRequestOrigin]
        guard origins.count == 1, let origin = origins.first?.trimmingASCIISpaces, !origin.isEmpty else {
            return HTTPResponse(status: .badRequest)
        }
        var requested: Rate?
        if let rateText = request.headerFields[.webHookRequestRate] {
            guard let rate = Rate(headerValue: rateText), rate.requestsPerMinute != nil else {
                return HTTPResponse(status: .badRequest)
            }
            requested = rate
        }
        guard allowedOrigins.allows(origin) else { return HTTPResponse(status: .forbidden) }
        var fields: HTTPFields = [.allow: "POST"]
        if grantsByCallback && callbackURL(of: request) != nil {
            return HTTPResponse(status: .ok, headerFields: fields)
        }
        fields[.webHookAllowedOrigin] = allowedOrigins.allowsAnyOrigin ? "*" : origin
        if let granted = grantedRate(requested: requested) {
            fields[.webHookAllowedRate] = granted.headerValue
        }
        return HTTPResponse(status: .ok, headerFields: fields)
    }

    /// The rate to grant: the requested rate capped at ``allowedRate``; ``allowedRate`` when
    /// none was requested; the requested rate when ``allowedRate`` is `nil`; `nil` when neither.
    public func grantedRate(requested: Rate?) -> Rate? {
        guard let requestedLimit = requested?.requestsPerMinute else { return allowedRate ?? requested }
        guard let allowedLimit = allowedRate?.requestsPerMinute else { return requested }
        return .perMinute(min(requestedLimit, allowedLimit))
    }

    /// The `WebHook-Request-Callback` URL of a validation request from an allowed origin, for the
    /// application to call (HTTPS `GET` or `POST`) to grant permission asynchronously; `nil` for
    /// other requests, origins that are not allowed, or no callback.
    ///
    /// The URL comes from the sender: call it only over HTTPS, and expect it to carry a secret.
    public func callbackURL(of request: HTTPRequest) -> String? {
        guard isValidationRequest(request),
            let origin = request.headerFields[.webHookRequestOrigin]?.trimmingASCIISpaces,
            allowedOrigins.allows(origin),
            let url = request.headerFields[.webHookRequestCallback]?.trimmingASCIISpaces, !url.isEmpty
        else { return nil }
        return url
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (HTTP's optional white space).
    fileprivate var trimmingASCIISpaces: String {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
