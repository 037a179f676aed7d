public import CloudEvents

/// The prefix of the application properties that carry an event's attributes (section 3.1.3.1).
///
/// The binding allows `cloudEvents_` and `cloudEvents:`, and prefers `_`, which JMS 2.0 clients
/// and message selectors accept in a property name where they refuse `:`. One message uses one
/// of them for all its attributes.
public enum AMQPPropertyPrefix: String, Sendable, Hashable, CaseIterable {
    /// `cloudEvents_`: the separator the binding says to prefer. The encoder's default.
    case underscore = "cloudEvents_"
    /// `cloudEvents:`.
    case colon = "cloudEvents:"

    /// The header scheme of binary mode with this prefix: values as they are, `datacontenttype`
    /// in `content-type`, fields named application properties in error messages.
    public var scheme: CloudEventHeaderScheme {
        CloudEventHeaderScheme(
            prefix: rawValue, valueCoding: .utf8, contentTypeHeader: "content-type", fieldNoun: "application property")
    }

    /// The prefix `name` starts with, if either, with more after it.
    static func of(_ name: String) -> AMQPPropertyPrefix? {
        // Bytes, not Characters, as the header decoder matches them.
        for prefix in allCases
        where name.utf8.count > prefix.rawValue.utf8.count && name.utf8.starts(with: prefix.rawValue.utf8) {
            return prefix
        }
        return nil
    }

    /// The attribute name in a property name that has this prefix.
    func attribute(of name: String) -> String {
        String(decoding: name.utf8.dropFirst(rawValue.utf8.count), as: UTF8.self)
    }
}
