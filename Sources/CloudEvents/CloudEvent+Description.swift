/// How an event prints: `print(event)`, string interpolation, and the debugger.
extension CloudEvent: CustomStringConvertible, CustomDebugStringConvertible {
    /// The attributes in order, `name: value`, then a summary of the data (its kind and size):
    ///
    ///     CloudEvent(specversion: 1.0, id: 42, source: /orders, type: com.example.order.created,
    ///                retrycount: 3, data: json, 27 bytes)
    public var description: String {
        var parts = attributes.map { "\($0.name): \($0.value.canonicalString)" }
        if let data { parts.append("data: \(data.kind.rawValue), \(data.bytes.count) bytes") }
        return "CloudEvent(" + parts.joined(separator: ", ") + ")"
    }

    /// Every attribute with its CloudEvents type, one per line, then the data: JSON and text data
    /// as text (the first 256 bytes), binary data as its size.
    public var debugDescription: String {
        var lines = attributes.map { "  \($0.name): \($0.value.canonicalString) (\($0.value.type))" }
        if let data {
            switch data.kind {
            case .binary:
                lines.append("  data: binary, \(data.bytes.count) bytes")
            case .json, .text:
                let shown = String(decoding: data.bytes.prefix(256), as: UTF8.self)
                let more = data.bytes.count > 256 ? "… (\(data.bytes.count) bytes)" : ""
                lines.append("  data: \(data.kind.rawValue) \(shown)\(more)")
            }
        }
        return "CloudEvent {\n" + lines.joined(separator: "\n") + "\n}"
    }
}
