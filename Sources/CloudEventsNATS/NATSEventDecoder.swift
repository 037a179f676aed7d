public import CloudEvents

/// Decodes CloudEvents from NATS messages (NATS protocol binding) in either mode.
///
/// The mode follows section 3: a message without headers (from a server or client before
/// NATS 2.2) is structured mode in JSON; a message whose `Content-Type` header starts with
/// `application/cloudevents` (any case) is structured mode in the configured format it names;
/// any other message with headers is binary mode, which needs `ce-specversion`. Header names are
/// compared without regard to case, as NATS defines them. Every decoded event is validated.
///
/// ```swift
/// let event = try NATSEventDecoder().decode(NATSMessage(headers: headers, payload: payload))
/// ```
///
/// In binary mode every extension arrives as a String (a header carries no type); read it typed
/// with ``/CloudEvents/CloudEventAttributeValue/integerValue(attribute:)`` and the like.
public struct NATSEventDecoder: Sendable {
    /// The event formats structured mode may use. Default JSON.
    public var formats: [any CloudEventFormat]
    /// The bounds on the `ce-` headers of one message.
    public var limits: CloudEventHeaderDecoder.Limits
    /// The deepest JSON nesting accepted in binary-mode JSON data. Default 64.
    public var maximumJSONDepth: Int

    /// Creates a decoder.
    public init(
        formats: [any CloudEventFormat] = [JSONEventFormat()], limits: CloudEventHeaderDecoder.Limits = .init(),
        maximumJSONDepth: Int = 64
    ) {
        self.formats = formats
        self.limits = limits
        self.maximumJSONDepth = maximumJSONDepth
    }

    /// The mode `message` uses.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError/Code/unsupportedFormat`` for a CloudEvents
    ///   `Content-Type` no configured format has, and
    ///   ``/CloudEvents/CloudEventError/Code/notACloudEvent`` for a message with headers but
    ///   neither a CloudEvents `Content-Type` nor `ce-specversion`.
    public func mode(of message: NATSMessage) throws -> CloudEventContentMode {
        try structuredFormat(of: message) == nil ? binaryMode(message) : .structured
    }

    /// Decodes the event `message` carries.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError``, as ``mode(of:)`` does, then the event's:
    ///   malformed or duplicate `ce-` headers (naming the header, with the byte offset of a bad
    ///   percent-encoding), limits, missing or invalid attributes, data that is not what
    ///   `datacontenttype` declares.
    public func decode(_ message: NATSMessage) throws -> CloudEvent {
        if let format = try structuredFormat(of: message) {
            return try format.decode(message.payload[...])
        }
        _ = try binaryMode(message)
        var decoder = CloudEventHeaderDecoder(scheme: .nats, limits: limits, maximumJSONDepth: maximumJSONDepth)
        for header in message.headers {
            try decoder.read(name: header.name.lowercased(), value: header.value)
        }
        return try decoder.finish(body: message.payload[...])
    }

    /// The format of a structured-mode message; `nil` for binary mode.
    private func structuredFormat(of message: NATSMessage) throws -> (any CloudEventFormat)? {
        guard !message.headers.isEmpty else {
            return formats.first { $0.eventMediaType == JSONEventFormat.mediaType } ?? JSONEventFormat()
        }
        let contentTypes = message.headers.filter { $0.name.lowercased() == "content-type" }
        guard
            let format = try formats.structuredModeFormat(contentType: contentTypes.first?.value, field: "Content-Type")
        else { return nil }
        guard contentTypes.count == 1 else {
            throw CloudEventError(
                .malformedInput, attribute: "datacontenttype", message: "header Content-Type appears more than once")
        }
        return format
    }

    private func binaryMode(_ message: NATSMessage) throws -> CloudEventContentMode {
        guard message.headers.contains(where: { $0.name.lowercased() == "ce-specversion" }) else {
            throw CloudEventError(
                .notACloudEvent,
                message: "the message is not a CloudEvent: it has headers but no ce-specversion, and Content-Type is"
                    + " not application/cloudevents")
        }
        return .binary
    }
}
