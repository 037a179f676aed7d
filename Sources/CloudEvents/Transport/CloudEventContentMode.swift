/// How a CloudEvent travels in a transport's message (the protocol bindings' "content modes").
public enum CloudEventContentMode: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Attributes in the message's own headers (or properties), data as the message body.
    case binary
    /// The whole event in the body, in an event format such as `application/cloudevents+json`.
    case structured
    /// Several events in the body, in a batch format such as `application/cloudevents-batch+json`.
    case batch

    /// The mode's name.
    public var description: String { rawValue }
}
