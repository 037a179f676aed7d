/// A `Codable` value that is the data of one kind of event: it declares the event's `type` and,
/// optionally, its `dataschema` and data content type.
///
/// ```swift
/// struct OrderCreated: CloudEventPayload {
///     static let eventType = "com.example.order.created"
///     static let dataSchema: String? = "https://example.com/schemas/order-created.json"
///     var orderId: String
///     var total: Double
/// }
///
/// let event = try CloudEvent(source: "/orders", payload: OrderCreated(orderId: "o-1", total: 12.5))
/// let order = try event.payload(as: OrderCreated.self)
/// ```
///
/// The data is JSON, written and read with Foundation's `JSONEncoder` and `JSONDecoder`; pass
/// your own coder to choose key strategies (`.convertFromSnakeCase` for a producer that writes
/// `order_id`). A required property that is missing from the data is always an error, never a
/// default: only optionals may be absent.
public protocol CloudEventPayload: Codable, Sendable {
    /// The event `type` of this payload, such as `com.example.order.created`.
    static var eventType: String { get }
    /// The `dataschema` of this payload; `nil` (the default) for none.
    static var dataSchema: String? { get }
    /// The `datacontenttype`: a JSON media type, `application/json` by default (a vendor type
    /// such as `application/vnd.example.order+json` also works).
    static var dataContentType: String { get }
}

extension CloudEventPayload {
    /// No `dataschema`.
    public static var dataSchema: String? { nil }
    /// `application/json`.
    public static var dataContentType: String { "application/json" }
}
