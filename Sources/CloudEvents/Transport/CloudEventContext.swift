/// What a transport knows about a received event beside the event itself.
///
/// Beside the transport-neutral fields, a context carries what the transport chose to pass on,
/// each under a key type: the HTTP binding passes the request head (`context.httpRequest`), an
/// adapter its framework's own request context, the transport module the request's logger. A
/// transport declares a ``CloudEventContextKey`` and an accessor for each:
///
/// ```swift
/// enum DeliveryTagKey: CloudEventContextKey { typealias Value = UInt64 }
///
/// extension CloudEventContext {
///     var deliveryTag: UInt64? { self[DeliveryTagKey.self] }
/// }
/// ```
public struct CloudEventContext: Sendable {
    /// The transport that delivered the event, in lower case: `"http"`, `"kafka"`, `"mqtt"`...
    public var transport: String
    /// The content mode the event arrived in, when the transport has modes.
    public var contentMode: CloudEventContentMode?
    /// The event's position in the batch it arrived in; `nil` when it arrived alone.
    public var batchIndex: Int?
    /// The number of events in the batch it arrived in; `nil` when it arrived alone.
    public var batchCount: Int?
    /// Transport-specific facts about the message, by name; each transport documents its keys
    /// (HTTP: `http.method`, `http.target` and `cloudevents.content_mode`).
    public var metadata: [String: String]

    private var values: [ObjectIdentifier: any Sendable] = [:]

    /// Creates a context.
    public init(
        transport: String, contentMode: CloudEventContentMode? = nil, batchIndex: Int? = nil, batchCount: Int? = nil,
        metadata: [String: String] = [:]
    ) {
        self.transport = transport
        self.contentMode = contentMode
        self.batchIndex = batchIndex
        self.batchCount = batchCount
        self.metadata = metadata
    }

    /// The value the transport passed under `key`, if any.
    public subscript<Key: CloudEventContextKey>(key: Key.Type) -> Key.Value? {
        get { values[ObjectIdentifier(key)].flatMap { $0 as? Key.Value } }
        set { values[ObjectIdentifier(key)] = newValue }
    }
}

/// The key of one typed value a transport passes to handlers in a ``CloudEventContext``.
public protocol CloudEventContextKey {
    /// The type of the value.
    associatedtype Value: Sendable
}
