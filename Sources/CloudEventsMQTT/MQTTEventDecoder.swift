public import CloudEvents

/// Decodes CloudEvents from MQTT PUBLISH messages (MQTT protocol binding).
///
/// - **MQTT 5**: a Content Type starting with `application/cloudevents` (any case) is structured
///   mode in the configured format it names; anything else is binary mode, which needs a
///   `specversion` User Property. In binary mode the Content Type is `datacontenttype` and every
///   User Property whose name is an attribute name (`[a-z0-9]+`) is that attribute; other User
///   Properties (`Trace-Id`, `x-request`) cannot be attributes and are left to the application.
///   A `datacontenttype` User Property (which the spec's example shows) is accepted when it
///   equals the Content Type, or stands in for a missing one; when the two differ the message is
///   refused.
/// - **MQTT 3.1.1**: always structured mode in the JSON format.
///
/// Every decoded event is validated. In binary mode every extension arrives as a String (a User
/// Property carries no type); read it typed with
/// ``/CloudEvents/CloudEventAttributeValue/integerValue(attribute:)`` and the like.
public struct MQTTEventDecoder: Sendable {
    /// How errors name the Content Type property.
    static let contentTypeField = "Content Type"

    /// The protocol version of the messages.
    public var version: MQTTProtocolVersion
    /// The event formats MQTT 5 structured mode may use. Default JSON.
    public var formats: [any CloudEventFormat]
    /// The bounds on the attribute User Properties of one message.
    public var limits: CloudEventHeaderDecoder.Limits
    /// The deepest JSON nesting accepted in binary-mode JSON data. Default 64.
    public var maximumJSONDepth: Int

    /// Creates a decoder.
    public init(
        version: MQTTProtocolVersion = .v5, formats: [any CloudEventFormat] = [JSONEventFormat()],
        limits: CloudEventHeaderDecoder.Limits = .init(), maximumJSONDepth: Int = 64
    ) {
        self.version = version
        self.formats = formats
        self.limits = limits
        self.maximumJSONDepth = maximumJSONDepth
    }

    /// The mode `message` uses.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError/Code/unsupportedFormat`` for a CloudEvents
    ///   Content Type no configured format has, and
    ///   ``/CloudEvents/CloudEventError/Code/notACloudEvent`` for an MQTT 5 message with neither
    ///   a CloudEvents Content Type nor a `specversion` User Property.
    public func mode(of message: MQTTMessage) throws -> CloudEventContentMode {
        try structuredFormat(of: message) == nil ? binaryMode(message) : .structured
    }

    /// Decodes the event `message` carries.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError``, as ``mode(of:)`` does, then the event's:
    ///   duplicate User Properties (naming them), limits, missing or invalid attributes, data
    ///   that is not what `datacontenttype` declares.
    public func decode(_ message: MQTTMessage) throws -> CloudEvent {
        if let format = try structuredFormat(of: message) {
            return try format.decode(message.payload[...])
        }
        _ = try binaryMode(message)
        var decoder = CloudEventHeaderDecoder(scheme: .mqtt, limits: limits, maximumJSONDepth: maximumJSONDepth)
        var contentType = message.contentType
        for property in message.userProperties where StringRules.isValidAttributeName(property.name) {
            guard property.name == "datacontenttype" else {
                try decoder.read(name: property.name, value: property.value)
                continue
            }
            if let contentType, contentType != property.value {
                throw CloudEventError(
                    .malformedInput, attribute: "datacontenttype",
                    message: "user property datacontenttype \(property.value) differs from the Content Type"
                        + " \(contentType), which carries datacontenttype in binary mode")
            }
            contentType = property.value
        }
        if let contentType {
            try decoder.read(name: Self.contentTypeField, value: contentType)
        }
        return try decoder.finish(body: message.payload[...])
    }

    /// The format of a structured-mode message; `nil` for binary mode.
    private func structuredFormat(of message: MQTTMessage) throws -> (any CloudEventFormat)? {
        guard version == .v5 else {
            return formats.first { $0.eventMediaType == JSONEventFormat.mediaType } ?? JSONEventFormat()
        }
        return try formats.structuredModeFormat(contentType: message.contentType, field: Self.contentTypeField)
    }

    private func binaryMode(_ message: MQTTMessage) throws -> CloudEventContentMode {
        guard message.userProperties.contains(where: { $0.name == "specversion" }) else {
            throw CloudEventError(
                .notACloudEvent,
                message: "the message is not a CloudEvent: no specversion user property and the Content Type is not"
                    + " application/cloudevents")
        }
        return .binary
    }
}
