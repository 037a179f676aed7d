public import CloudEvents

/// Decodes CloudEvents from AMQP 1.0 messages (AMQP protocol binding) in either mode.
///
/// The mode comes from the `content-type` property (section 3): a value starting with
/// `application/cloudevents` (any case) is structured mode, in the configured format whose media
/// type it names; any other `content-type`, or none, is binary mode, which needs a
/// `cloudEvents_specversion` or `cloudEvents:specversion` application property. Every decoded
/// event is validated.
///
/// ```swift
/// let decoder = AMQPEventDecoder()
/// let event = try decoder.decode(AMQPMessage(
///     properties: .init(contentType: received.contentType),
///     applicationProperties: properties, body: received.body))
/// ```
///
/// In binary mode both prefixes are understood, but one message uses one for all its
/// attributes. Each value may come in its native AMQP type or as its canonical string (the
/// binding requires a receiver to take both):
///
/// - `string` and `symbol` are text: a core attribute's value, an extension's String (read it
///   typed with ``/CloudEvents/CloudEventAttributeValue/integerValue(attribute:)`` and the like);
/// - `boolean` is a Boolean, `binary` Binary;
/// - `long`, and any other AMQP integer type, is an Integer when it is within the Integer range;
/// - `timestamp` is a Timestamp in UTC (`Z`), with 3 fractional digits when its millisecond
///   part is not 0, and none when it is;
/// - `null`, `float`, `double`, `char` and `uuid` are refused, as is a core attribute of another
///   type than its own (`time` may be a `timestamp` or a string; the others are strings).
///
/// `datacontenttype` travels only as `content-type`: a `cloudEvents_datacontenttype` property
/// is refused, even when it says the same.
public struct AMQPEventDecoder: Sendable {
    /// The event formats structured mode may use. Default JSON.
    public var formats: [any CloudEventFormat]
    /// The bounds on the attribute properties of one message. A value counts with the size of its
    /// canonical string.
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
    ///   `content-type` no configured format has, and
    ///   ``/CloudEvents/CloudEventError/Code/notACloudEvent`` for a message with neither a
    ///   CloudEvents `content-type` nor a `specversion` application property.
    public func mode(of message: AMQPMessage) throws -> CloudEventContentMode {
        if try structuredFormat(of: message) != nil { return .structured }
        _ = try binaryPrefix(message)
        return .binary
    }

    /// Decodes the event `message` carries.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError``, as ``mode(of:)`` does, then the event's:
    ///   a repeated application property name, mixed prefixes, values of a type the binding does
    ///   not map or out of range (naming the property as sent), limits, missing or invalid
    ///   attributes, data that is not what `datacontenttype` declares.
    public func decode(_ message: AMQPMessage) throws -> CloudEvent {
        try Self.checkDistinctNames(message)
        if let format = try structuredFormat(of: message) {
            return try format.decode((message.body ?? [])[...])
        }
        let prefix = try binaryPrefix(message)
        var decoder = CloudEventHeaderDecoder(
            scheme: prefix.scheme, limits: limits, maximumJSONDepth: maximumJSONDepth)
        if let contentType = message.properties.contentType {
            try decoder.read(name: "content-type", value: contentType)
        }
        for property in message.applicationProperties {
            guard let used = AMQPPropertyPrefix.of(property.name) else { continue }
            guard used == prefix else {
                throw CloudEventError(
                    .malformedInput, attribute: used.attribute(of: property.name),
                    message: "application property \(property.name) uses the prefix \(used.rawValue), but this"
                        + " message's attributes use \(prefix.rawValue); one message uses one separator for all"
                        + " its attributes")
            }
            let attribute = prefix.attribute(of: property.name)
            let value = try property.value.attributeValue(property: property.name, attribute: attribute)
            do {
                try decoder.read(name: property.name, typedValue: value)
            } catch var error as CloudEventError where error.code == .attributeTypeMismatch {
                error.message += " (it arrived as an AMQP \(property.value.typeName))"
                throw error
            }
        }
        return try decoder.finish(body: (message.body ?? [])[...])
    }

    /// The format of a structured-mode message; `nil` for binary mode.
    private func structuredFormat(of message: AMQPMessage) throws -> (any CloudEventFormat)? {
        try formats.structuredModeFormat(contentType: message.properties.contentType, field: "content-type")
    }

    /// The prefix of a binary-mode message: the one its `specversion` property uses.
    private func binaryPrefix(_ message: AMQPMessage) throws -> AMQPPropertyPrefix {
        for property in message.applicationProperties {
            for prefix in AMQPPropertyPrefix.allCases where property.name == prefix.rawValue + "specversion" {
                return prefix
            }
        }
        throw CloudEventError(
            .notACloudEvent,
            message: "the message is not a CloudEvent: no cloudEvents_specversion or cloudEvents:specversion"
                + " application property, and content-type is not application/cloudevents")
    }

    /// Refuses a repeated application property name: the section is an AMQP map.
    private static func checkDistinctNames(_ message: AMQPMessage) throws {
        guard message.applicationProperties.count > 1 else { return }
        // Names compare as bytes, as AMQP compares them (not as Swift compares Strings).
        var seen = Set<[UInt8]>()
        seen.reserveCapacity(message.applicationProperties.count)
        for property in message.applicationProperties where !seen.insert(Array(property.name.utf8)).inserted {
            throw CloudEventError(
                .malformedInput, attribute: AMQPPropertyPrefix.of(property.name)?.attribute(of: property.name),
                message: "application property \(property.name) appears more than once; the application-properties"
                    + " section is a map")
        }
    }
}
