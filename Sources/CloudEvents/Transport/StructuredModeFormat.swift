extension Array where Element == any CloudEventFormat {
    /// The format of a structured-mode message, chosen by its content type, as the protocol
    /// bindings detect the mode: a content type starting with `application/cloudevents` (any
    /// case) is structured mode in the format whose media type it names (parameters allowed).
    ///
    /// A binding's decoder calls it with the value of its content type field (Kafka's
    /// `content-type` header, AMQP's content-type property, MQTT 5's Content Type):
    ///
    /// ```swift
    /// if let format = try formats.structuredModeFormat(contentType: message.contentType, field: "Content Type") {
    ///     return try format.decode(message.payload[...])
    /// }
    /// // binary mode
    /// ```
    ///
    /// - Parameters:
    ///   - contentType: The content type as received; `nil` when the message has none.
    ///   - field: How the binding names the content type field, for the error message.
    /// - Returns: The format, or `nil` for binary mode (no content type, or one that is not a
    ///   CloudEvents media type).
    /// - Throws: ``CloudEventError/Code/unsupportedFormat`` for a CloudEvents media type none of
    ///   the formats has (`application/cloudevents+avro` to a JSON-only decoder, or a batch media
    ///   type), listing the supported ones: never guessed at as binary mode.
    public func structuredModeFormat(contentType: String?, field: String) throws -> (any CloudEventFormat)? {
        guard let contentType else { return nil }
        var text = contentType
        return try text.withUTF8 { bytes in
            guard MediaTypeSyntax.hasPrefix(bytes, "application/cloudevents") else { return nil }
            if let format = first(where: { MediaTypeSyntax.hasEssence(bytes, equalTo: $0.eventMediaType) }) {
                return format
            }
            throw CloudEventError(
                .unsupportedFormat, attribute: "datacontenttype",
                message: "\(field) \(contentType) names a CloudEvents format this decoder does not support;"
                    + " supported: " + map(\.eventMediaType).joined(separator: ", "))
        }
    }
}
