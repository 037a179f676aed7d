public import CloudEvents

/// Decodes CloudEvents from Kafka records (Kafka protocol binding) in either mode.
///
/// The mode comes from the `content-type` header (section 3): a value starting with
/// `application/cloudevents` (any case) is structured mode, in the configured format whose media
/// type it names; any other `content-type`, or none, is binary mode, which needs the `ce_`
/// headers. Every decoded event is validated.
///
/// ```swift
/// let decoder = KafkaEventDecoder()
/// let event = try decoder.decode(KafkaMessage(key: record.key, headers: headers, value: record.value))
/// ```
///
/// In binary mode every extension arrives as a String (a header carries no type); read it typed
/// with ``/CloudEvents/CloudEventAttributeValue/integerValue(attribute:)`` and the like.
public struct KafkaEventDecoder: Sendable {
    /// The event formats structured mode may use. Default JSON.
    public var formats: [any CloudEventFormat]
    /// The bounds on the `ce_` headers of one record.
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
    ///   ``/CloudEvents/CloudEventError/Code/notACloudEvent`` for a record with neither a
    ///   CloudEvents `content-type` nor `ce_specversion`.
    public func mode(of message: KafkaMessage) throws -> CloudEventContentMode {
        try structuredFormat(of: message) == nil ? binaryMode(message) : .structured
    }

    /// Decodes the event `message` carries.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError``, as ``mode(of:)`` does, then the event's:
    ///   malformed headers (naming the header, `ce_id`…), duplicates, limits, missing or invalid
    ///   attributes, data that is not what `datacontenttype` declares.
    public func decode(_ message: KafkaMessage) throws -> CloudEvent {
        if let format = try structuredFormat(of: message) {
            return try format.decode((message.value ?? [])[...])
        }
        _ = try binaryMode(message)
        var decoder = CloudEventHeaderDecoder(scheme: .kafka, limits: limits, maximumJSONDepth: maximumJSONDepth)
        for header in message.headers {
            try decoder.read(name: header.name, value: header.value)
        }
        return try decoder.finish(body: (message.value ?? [])[...])
    }

    /// The format of a structured-mode record; `nil` for binary mode.
    private func structuredFormat(of message: KafkaMessage) throws -> (any CloudEventFormat)? {
        let contentTypes = message.headers.filter { $0.name.lowercased() == "content-type" }
        guard let contentType = contentTypes.first else { return nil }
        let text = String(decoding: contentType.value, as: UTF8.self)
        guard let format = try formats.structuredModeFormat(contentType: text, field: "content-type") else {
            return nil
        }
        guard contentTypes.count == 1 else {
            throw CloudEventError(
                .malformedInput, attribute: "datacontenttype", message: "header content-type appears more than once")
        }
        return format
    }

    private func binaryMode(_ message: KafkaMessage) throws -> CloudEventContentMode {
        guard message.headers.contains(where: { $0.name == "ce_specversion" }) else {
            throw CloudEventError(
                .notACloudEvent,
                message: "the record is not a CloudEvent: no ce_specversion header and content-type is not"
                    + " application/cloudevents")
        }
        return .binary
    }
}
