/// How a CloudEvent travels in an HTTP message (HTTP protocol binding, section 1.3).
public enum HTTPContentMode: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Attributes in `ce-` header fields, `datacontenttype` in `Content-Type`, data as the body.
    case binary
    /// The whole event in the body, in an event format (`application/cloudevents+json`).
    case structured
    /// Several events in the body, in a batch format (`application/cloudevents-batch+json`).
    case batch

    /// The mode's name.
    public var description: String { rawValue }
}
