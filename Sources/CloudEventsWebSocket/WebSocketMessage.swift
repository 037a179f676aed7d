/// One WebSocket message of the binding: one event in the negotiated format.
public struct WebSocketEventMessage: Sendable, Hashable {
    /// The frame type: text for `cloudevents.json`, binary for the binary formats.
    public var kind: WebSocketFrameKind
    /// The payload: the event in the negotiated format.
    public var bytes: [UInt8]

    /// Creates a message.
    public init(kind: WebSocketFrameKind, bytes: [UInt8]) {
        self.kind = kind
        self.bytes = bytes
    }
}
