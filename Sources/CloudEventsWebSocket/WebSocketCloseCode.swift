/// The WebSocket close status codes (RFC 6455 §7.4.1) the binding closes a connection with, and
/// the length rule for a close frame's reason.
public enum WebSocketCloseCode {
    /// 1000: the work is done.
    public static let normalClosure: UInt16 = 1000
    /// 1001: the server shuts down, or the client goes away.
    public static let goingAway: UInt16 = 1001
    /// 1002: no CloudEvents subprotocol was agreed.
    public static let protocolError: UInt16 = 1002
    /// 1003: a message in the wrong frame type for the subprotocol (binary under `cloudevents.json`).
    public static let unsupportedData: UInt16 = 1003
    /// 1007: a message that is not a valid event in the negotiated format.
    public static let invalidPayload: UInt16 = 1007
    /// 1008: a limit of the connection (events per second, a slow reader) was exceeded.
    public static let policyViolation: UInt16 = 1008
    /// 1009: a message over the size limit.
    public static let messageTooBig: UInt16 = 1009

    /// The most bytes a close frame's reason may have: 125 bytes of payload less the 2-byte code.
    public static let maximumReasonBytes = 123

    /// `reason`, shortened at a character boundary to at most ``maximumReasonBytes`` bytes of UTF-8.
    public static func fittingReason(_ reason: String) -> String {
        guard reason.utf8.count > maximumReasonBytes else { return reason }
        var result = ""
        var bytes = 0
        for character in reason {
            let size = character.utf8.count
            guard bytes + size <= maximumReasonBytes - 3 else { break }
            result.append(character)
            bytes += size
        }
        return result + "..."
    }
}
