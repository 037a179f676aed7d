public import CloudEvents
public import HTTPTypes

extension HTTPEventDecoder {
    /// The mode a message uses and, in structured and batch mode, the format of its body.
    enum Classification {
        case structured(any CloudEventFormat)
        case batch(any CloudEventFormat)
        case binary
    }

    /// The mode a message uses, judged from its header fields with the default formats (JSON).
    ///
    /// - Throws: ``/CloudEvents/CloudEventError/Code/unsupportedFormat`` for an
    ///   `application/cloudevents…` type other than JSON (receivers answer 415), and
    ///   ``/CloudEvents/CloudEventError/Code/notACloudEvent`` for a message without `ce-specversion`
    ///   that is not structured or batch.
    public static func mode(of headerFields: HTTPFields) throws -> HTTPContentMode {
        try HTTPEventDecoder().mode(of: headerFields)
    }

    /// The mode a message uses, judged from its header fields with this decoder's ``formats``.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError/Code/unsupportedFormat`` for an
    ///   `application/cloudevents…` type that none of ``formats`` has (receivers answer 415), and
    ///   ``/CloudEvents/CloudEventError/Code/notACloudEvent`` for a message without `ce-specversion`
    ///   that is not structured or batch.
    public func mode(of headerFields: HTTPFields) throws -> HTTPContentMode {
        switch try classify(headerFields) {
        case .structured: .structured
        case .batch: .batch
        case .binary: .binary
        }
    }

    func classify(_ headerFields: HTTPFields) throws -> Classification {
        if let contentType = headerFields[.contentType] {
            var text = contentType
            let detected = try text.withUTF8 { try classify(contentType: $0, contentType) }
            if let detected { return detected }
        }
        guard headerFields[.ceSpecVersion] != nil else {
            throw CloudEventError(
                .notACloudEvent,
                message: "the message is not a CloudEvent: no ce-specversion header and Content-Type is not "
                    + supportedMediaTypes.joined(separator: " or "))
        }
        return .binary
    }

    private func classify(contentType bytes: UnsafeBufferPointer<UInt8>, _ text: String) throws -> Classification? {
        for format in formats {
            if MediaTypeSyntax.hasEssence(bytes, equalTo: format.eventMediaType) { return .structured(format) }
            if let batch = format.eventBatchMediaType, MediaTypeSyntax.hasEssence(bytes, equalTo: batch) {
                return .batch(format)
            }
        }
        if MediaTypeSyntax.hasPrefix(bytes, "application/cloudevents") {
            throw CloudEventError(
                .unsupportedFormat, attribute: "datacontenttype",
                message: "Content-Type \(text) names a CloudEvents format this receiver does not support;"
                    + " supported: " + supportedMediaTypes.joined(separator: ", "))
        }
        return nil
    }

    /// The media types of ``formats``: each format's event type, then its batch type.
    var supportedMediaTypes: [String] {
        formats.flatMap { format in [format.eventMediaType] + (format.eventBatchMediaType.map { [$0] } ?? []) }
    }
}
