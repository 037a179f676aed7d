/// The one error type of swift-cloudevents.
///
/// Every failure the library reports is a `CloudEventError`: a stable ``code`` a program can switch
/// on, where it applies (an ``attribute`` name, a ``byteOffset`` into the input, an ``index`` into
/// a batch) and a ``message`` a person can act on. Validation reports every violation at once in
/// ``violations``.
public struct CloudEventError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable identifier for a kind of failure.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The code's stable text, for logs and problem bodies.
        public let rawValue: String
        /// Creates a code from its stable text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's stable text.
        public var description: String { rawValue }

        /// The event broke one or more rules; see ``CloudEventError/violations``.
        public static let invalidEvent = Code(rawValue: "invalid_event")
        /// A REQUIRED attribute is absent.
        public static let missingAttribute = Code(rawValue: "missing_attribute")
        /// An attribute that must be non-empty is empty.
        public static let emptyAttribute = Code(rawValue: "empty_attribute")
        /// An attribute name is not `[a-z0-9]+`, or is reserved.
        public static let invalidAttributeName = Code(rawValue: "invalid_attribute_name")
        /// An attribute value does not fit its CloudEvents type or the attribute's rule.
        public static let invalidAttributeValue = Code(rawValue: "invalid_attribute_value")
        /// An attribute was given a value of the wrong CloudEvents type.
        public static let attributeTypeMismatch = Code(rawValue: "attribute_type_mismatch")
        /// A String value contains a character the specification forbids.
        public static let forbiddenCharacter = Code(rawValue: "forbidden_character")
        /// An Integer is outside the signed 32-bit range.
        public static let integerOutOfRange = Code(rawValue: "integer_out_of_range")
        /// A timestamp is not an RFC 3339 `date-time`.
        public static let invalidTimestamp = Code(rawValue: "invalid_timestamp")
        /// The `specversion` is not one this library knows (1.0, 0.3).
        public static let unknownSpecVersion = Code(rawValue: "unknown_spec_version")
        /// A conversion between spec versions, or into a format, would lose information.
        public static let conversionNotPossible = Code(rawValue: "conversion_not_possible")
        /// Input is not well-formed for the format being decoded (JSON syntax, UTF-8, Base64...).
        public static let malformedInput = Code(rawValue: "malformed_input")
        /// Input exceeds a configured limit (size, depth, count).
        public static let limitExceeded = Code(rawValue: "limit_exceeded")
        /// The data could not be represented as the event's content type requires.
        public static let invalidData = Code(rawValue: "invalid_data")
        /// A message is not a CloudEvent at all.
        public static let notACloudEvent = Code(rawValue: "not_a_cloudevent")
        /// The message uses an event format or encoding this library does not support.
        public static let unsupportedFormat = Code(rawValue: "unsupported_format")
        /// Encoding would exceed a configured header budget.
        public static let headerBudgetExceeded = Code(rawValue: "header_budget_exceeded")
        /// The event does not match the filter of a receiver that refuses what it did not subscribe to.
        public static let filteredOut = Code(rawValue: "filtered_out")
        /// No route of a ``CloudEventRouter`` matches the event, and its fallback refuses it.
        public static let noRoute = Code(rawValue: "no_route")
        /// The event is not the one a typed read expects: its `type` or `datacontenttype`
        /// (``CloudEventError/attribute``) differs from the payload type's.
        public static let payloadMismatch = Code(rawValue: "payload_mismatch")

        // Transport failures: sending and receiving events. The peer's answer, if any, is in
        // ``CloudEventError/status`` and ``CloudEventError/responseSnippet``; the number of
        // attempts a retrying sender made is in ``CloudEventError/attempts``.

        /// The peer could not be reached, the connection broke before it answered, or what it
        /// answered was not HTTP (a malformed status line, header or length), on every attempt the
        /// sender's retry policy allowed.
        public static let connectionFailed = Code(rawValue: "connection_failed")
        /// The peer answered with an error status: one that is never retried (most `4xx`, `500`),
        /// or a retryable one (`408`, `429`, `502`, `503`, `504`) on the last attempt allowed.
        public static let rejectedByPeer = Code(rawValue: "rejected_by_peer")
        /// A send did not complete within its deadline (including retries and their back-off).
        public static let deadlineExceeded = Code(rawValue: "deadline_exceeded")
        /// The sender or receiver was shut down before the event was delivered or handled; the
        /// peer may or may not have received it.
        public static let shutDown = Code(rawValue: "shut_down")
        /// The transport failed in a way no retry can fix: a malformed target address, an
        /// unusable client, a reply the peer answered that is not a valid CloudEvent...
        public static let transportFailed = Code(rawValue: "transport_failed")
    }

    /// What kind of failure this is.
    public var code: Code
    /// The attribute the failure concerns, if any.
    public var attribute: String?
    /// The byte offset into the decoded input where the failure was found, if any.
    public var byteOffset: Int?
    /// The position of the failing event in a batch, if any.
    public var index: Int?
    /// A message a person can act on.
    public var message: String
    /// For ``Code/invalidEvent``: every individual violation.
    public var violations: [CloudEventError]

    /// For transport failures: the status of the peer's final answer (an HTTP status code over
    /// HTTP), or `nil` when the peer never answered.
    public var status: Int? = nil
    /// For transport failures: the beginning of the body of the peer's final answer, as text
    /// (invalid UTF-8 replaced), at most a few hundred bytes; `nil` when there was none.
    public var responseSnippet: String? = nil
    /// For transport failures: how many attempts the sender made (1 when it did not retry).
    public var attempts: Int? = nil
    /// For transport failures: the reason the peer gave beside (or instead of) a status, for a
    /// transport whose answers carry one: an AMQP condition, an MQTT reason code, a NATS
    /// status description, an HTTP problem body's `code`; `nil` otherwise.
    public var peerReason: String? = nil
    /// For transport failures: the error the client library or the system reported for the last
    /// attempt, when there was one (a refused connection, a TLS failure...). ``message`` says it
    /// in plain words; this keeps the original for code that needs it. It takes no part in
    /// equality or hashing.
    public var underlyingError: (any Error)? {
        get { underlying?.error }
        set { underlying = newValue.map(UnderlyingError.init) }
    }
    private var underlying: UnderlyingError? = nil

    /// Creates an error.
    public init(
        _ code: Code,
        attribute: String? = nil,
        byteOffset: Int? = nil,
        index: Int? = nil,
        message: String,
        violations: [CloudEventError] = []
    ) {
        self.code = code
        self.attribute = attribute
        self.byteOffset = byteOffset
        self.index = index
        self.message = message
        self.violations = violations
    }

    /// A one-line rendering: code, location and message, then one line per violation.
    public var description: String {
        var text = code.rawValue
        if let index { text += " [event \(index)]" }
        if let attribute { text += " (\(attribute))" }
        if let byteOffset { text += " at byte \(byteOffset)" }
        text += ": " + message
        for violation in violations {
            text += "\n  - " + violation.description
        }
        return text
    }

    /// Holds ``underlyingError`` so that the error stays `Hashable`: all of them are equal.
    private struct UnderlyingError: Sendable, Hashable {
        let error: any Error
        static func == (left: UnderlyingError, right: UnderlyingError) -> Bool { true }
        func hash(into hasher: inout Hasher) {}
    }

    /// This error with ``index`` set, for reporting the failing event of a batch.
    package func atIndex(_ index: Int) -> CloudEventError {
        var copy = self
        copy.index = index
        return copy
    }
}
