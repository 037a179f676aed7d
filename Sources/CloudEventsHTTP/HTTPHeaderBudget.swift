/// The most header bytes a binary-mode encoding may produce, and what to do when an event needs
/// more.
///
/// Proxies and servers bound header size (commonly 8 KiB in all, 4–8 KiB per line) and answer
/// 431 or drop the connection beyond it. An event with a large attribute should therefore fail
/// here, where the cause is known, or travel in structured mode, where its attributes are in
/// the body. Which of the two is the caller's choice; the encoding result always says which mode
/// was used.
///
/// A field's size is counted as on an HTTP/1.1 wire: name, `": "`, value and CRLF.
public struct HTTPHeaderBudget: Sendable, Hashable {
    /// What to do when a binary-mode encoding would exceed the budget.
    public enum OverflowPolicy: Sendable, Hashable {
        /// Throw ``/CloudEvents/CloudEventError/Code/headerBudgetExceeded`` naming the largest
        /// attributes.
        case fail
        /// Encode in structured mode instead and report it in
        /// ``/CloudEventsHTTP/EncodedHTTPMessage/structuredModeFallback``.
        case useStructuredMode
    }

    /// The largest total size of the `ce-` header fields (and `Content-Type`).
    public var maximumTotalBytes: Int
    /// The largest size of one header field.
    public var maximumFieldBytes: Int
    /// What happens when an event does not fit.
    public var overflowPolicy: OverflowPolicy

    /// Creates a budget. The defaults (8 KiB in all, 4 KiB per field, fail) fit common proxies.
    public init(maximumTotalBytes: Int = 8192, maximumFieldBytes: Int = 4096, overflowPolicy: OverflowPolicy = .fail) {
        self.maximumTotalBytes = maximumTotalBytes
        self.maximumFieldBytes = maximumFieldBytes
        self.overflowPolicy = overflowPolicy
    }

    /// No limit: every event is encoded in binary mode whatever its size.
    public static let unlimited = HTTPHeaderBudget(
        maximumTotalBytes: .max, maximumFieldBytes: .max, overflowPolicy: .fail)
}
