/// The WebSocket frame type an event travels in: the binding maps each subprotocol to one.
///
/// `cloudevents.json` is sent in text frames; the binary formats (`cloudevents.avro`,
/// `cloudevents.proto`) in binary frames.
public enum WebSocketFrameKind: Sendable, Hashable, CustomStringConvertible {
    /// A text frame: the payload is UTF-8.
    case text
    /// A binary frame.
    case binary

    /// `text` or `binary`.
    public var description: String {
        switch self {
        case .text: "text"
        case .binary: "binary"
        }
    }
}
