public import CloudEvents

/// Anything that carries named text values beside an event: HTTP header fields, NATS and Kafka
/// headers, AMQP application properties, or an event's own extension attributes.
///
/// Observation (trace-context propagation, and whatever else a transport writes into or reads
/// from its message's headers) is written once over this protocol, so each transport only makes
/// its header type conform. Names are compared as the carrier does: case-insensitively for HTTP.
///
/// ```swift
/// extension NATSHeaders: CloudEventHeaderCarrier {
///     public func headerValue(named name: String) -> String? { self[name] }
///     public mutating func setHeaderValue(_ value: String, named name: String) { self[name] = value }
/// }
/// ```
public protocol CloudEventHeaderCarrier {
    /// The value of the header `name`, or `nil` when there is none.
    func headerValue(named name: String) -> String?
    /// Sets the header `name` to `value`, replacing any value it had.
    mutating func setHeaderValue(_ value: String, named name: String)
}

extension Dictionary: CloudEventHeaderCarrier where Key == String, Value == String {
    /// The value under `name`, exactly as spelled.
    public func headerValue(named name: String) -> String? { self[name] }

    /// Sets the value under `name`.
    public mutating func setHeaderValue(_ value: String, named name: String) { self[name] = value }
}

extension CloudEvent: CloudEventHeaderCarrier {
    /// The extension attribute `name` as its canonical string, or `nil` when the event has none.
    public func headerValue(named name: String) -> String? {
        self[extension: name.lowercased()]?.canonicalString
    }

    /// Sets the extension attribute `name` (lower-cased) to the String `value`. A name that is
    /// then not a valid attribute name (`[a-z0-9]+`) is reported by ``/CloudEvents/CloudEvent/validate()``,
    /// which every sender calls before sending, as for any extension.
    public mutating func setHeaderValue(_ value: String, named name: String) {
        self[extension: name.lowercased()] = .string(value)
    }
}
