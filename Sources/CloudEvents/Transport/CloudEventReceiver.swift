/// Handles one received event: return a reply event, return `nil` to accept it, or throw to
/// refuse it.
///
/// The transport turns the outcome into its own answer. Over HTTP: `nil` is `202 Accepted`, a
/// reply event is `200 OK` carrying it, a thrown ``CloudEventError`` maps by its
/// ``CloudEventError/code`` (a validation code is `400`, ``CloudEventError/Code/shutDown`` is
/// `503`, ...), and any other error is `500` with a generic message, so no internals leak.
public typealias CloudEventHandler = @Sendable (CloudEvent, CloudEventContext) async throws -> CloudEvent?

/// What a transport knows about a received event beside the event itself.
public struct CloudEventContext: Sendable, Hashable {
    /// The transport that delivered the event, in lower case: `"http"`, `"kafka"`, `"mqtt"`...
    public var transport: String
    /// The event's position in the batch it arrived in; `nil` when it arrived alone.
    public var batchIndex: Int?
    /// The number of events in the batch it arrived in; `nil` when it arrived alone.
    public var batchCount: Int?
    /// Transport-specific facts about the message, by name; each transport documents its keys
    /// (HTTP: `http.method`, `http.target` and `cloudevents.content_mode`).
    public var metadata: [String: String]

    /// Creates a context.
    public init(transport: String, batchIndex: Int? = nil, batchCount: Int? = nil, metadata: [String: String] = [:]) {
        self.transport = transport
        self.batchIndex = batchIndex
        self.batchCount = batchCount
        self.metadata = metadata
    }
}

/// Receives CloudEvents from one transport and delivers each, decoded and validated, to a
/// ``CloudEventHandler``.
///
/// The handler's reply event or thrown error becomes the transport's answer (see
/// ``CloudEventHandler``). Events of a batch are delivered one at a time, in order.
///
/// ```swift
/// try await receiver.run { event, context in
///     logger.info("received \(event.id) over \(context.transport)")
///     return nil
/// }
/// ```
public protocol CloudEventReceiver: Sendable {
    /// Receives events and hands each to `handler` until the receiver stops: when the surrounding
    /// task is cancelled, or when the transport shuts down gracefully (finishing the events it has
    /// already started to handle).
    func run(_ handler: @escaping CloudEventHandler) async throws
}
