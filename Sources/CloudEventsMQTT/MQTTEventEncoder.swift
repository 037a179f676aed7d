public import CloudEvents

/// Encodes CloudEvents into MQTT PUBLISH messages (MQTT protocol binding).
///
/// ```swift
/// let message = try MQTTEventEncoder().encode(event)          // MQTT 5, binary mode
/// // copy message.contentType, message.userProperties and message.payload into your PUBLISH
/// ```
///
/// Every event is validated first.
/// - **MQTT 5, binary mode** (the default): `datacontenttype` becomes the Content Type property,
///   every other attribute a User Property named as the attribute with its canonical string as
///   the value, and the data the payload.
/// - **MQTT 5, structured mode**: the event in ``format`` as the payload, the format's media type
///   as Content Type.
/// - **MQTT 3.1.1**: structured mode in the JSON format only, the payload alone (3.1.1 messages
///   have no properties; the JSON format is implied).
///
/// The binding defines no batch mode.
public struct MQTTEventEncoder: Sendable {
    /// The protocol version of the messages.
    public var version: MQTTProtocolVersion
    /// The mode. Binary or structured in MQTT 5; structured only in MQTT 3.1.1.
    public var mode: CloudEventContentMode
    /// The event format of structured mode. Default JSON; MQTT 3.1.1 requires JSON.
    public var format: any CloudEventFormat

    /// Creates an encoder.
    ///
    /// - Parameters:
    ///   - version: The MQTT version. Default 5.
    ///   - mode: The mode; `nil` (the default) is the version's usual one: binary for MQTT 5,
    ///     structured for MQTT 3.1.1.
    ///   - format: The event format of structured mode. Default JSON.
    public init(
        version: MQTTProtocolVersion = .v5, mode: CloudEventContentMode? = nil,
        format: any CloudEventFormat = JSONEventFormat()
    ) {
        self.version = version
        self.mode = mode ?? (version == .v5 ? .binary : .structured)
        self.format = format
    }

    /// Encodes one event.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError``: the event's validation errors,
    ///   ``/CloudEvents/CloudEventError/Code/invalidData`` for empty data in binary mode (an empty
    ///   payload cannot be told from no data), ``/CloudEvents/CloudEventError/Code/unsupportedFormat``
    ///   for batch mode, for binary mode in MQTT 3.1.1 and for a format other than JSON in
    ///   MQTT 3.1.1.
    public func encode(_ event: CloudEvent) throws -> MQTTMessage {
        switch (mode, version) {
        case (.binary, .v5):
            let encoding = try CloudEventHeaderEncoding(event, scheme: .mqtt)
            if let data = event.data, data.bytes.isEmpty {
                throw CloudEventError(
                    .invalidData, attribute: "data",
                    message: "empty data cannot travel in MQTT binary mode, where an empty payload means no data;"
                        + " send it in structured mode or remove the data")
            }
            var message = MQTTMessage(payload: encoding.payload ?? [])
            for header in encoding.headers {
                let value = String(decoding: encoding.value(of: header), as: UTF8.self)
                if header.role == .dataContentType {
                    message.contentType = value
                } else {
                    message.userProperties.append(.init(name: header.attribute, value: value))
                }
            }
            return message
        case (.binary, .v3_1_1):
            throw CloudEventError(
                .unsupportedFormat,
                message: "MQTT 3.1.1 has no binary mode (its messages have no properties); use structured mode")
        case (.structured, .v5):
            return MQTTMessage(
                contentType: MediaTypeSyntax.contentType(ofFormat: format.eventMediaType),
                payload: try format.encode(event))
        case (.structured, .v3_1_1):
            guard format.eventMediaType == JSONEventFormat.mediaType else {
                throw CloudEventError(
                    .unsupportedFormat,
                    message: "MQTT 3.1.1 carries the JSON event format only (its messages cannot name another);"
                        + " \(format.eventMediaType) needs MQTT 5")
            }
            return MQTTMessage(payload: try format.encode(event))
        case (.batch, _):
            throw CloudEventError(
                .unsupportedFormat,
                message: "the MQTT protocol binding defines no batch mode; send the events one by one")
        }
    }
}
