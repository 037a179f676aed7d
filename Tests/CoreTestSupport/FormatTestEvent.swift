public import CloudEvents

/// The event the event formats' tests start from: non-ASCII text, a percent-encoded source,
/// JSON data with numbers a `double` cannot hold (`12.50`, `12345678901234567890`), and Integer,
/// Boolean and Binary extensions, which every format keeps typed. Each format's tests add the
/// time and the extensions that format is about.
public enum FormatTestEvent {
    /// The event, at `time` (RFC 3339 text).
    public static func event(time: String) throws -> CloudEvent {
        var event = CloudEvent(
            id: "ïd-1", source: "/orders/%C3%B6", type: "com.example.order.created", subject: "Grüße 🌍",
            time: try Timestamp(parsing: time), dataContentType: "application/json",
            dataSchema: "https://example.com/s.json", data: .json(#"{"total":12.50,"big":12345678901234567890}"#))
        event[extension: "retrycount"] = .integer(-3)
        event[extension: "flag"] = .boolean(true)
        event[extension: "blob"] = .binary([0, 255])
        return event
    }
}
