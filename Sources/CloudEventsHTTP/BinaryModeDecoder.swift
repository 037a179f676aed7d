import CloudEvents
import HTTPTypes

/// Reads an event from `ce-` header fields, `Content-Type` and the body: the HTTP side of the
/// core's ``/CloudEvents/CloudEventHeaderDecoder``, which percent-decodes each value straight
/// into the event's text buffer and keeps the body as the data without a copy.
enum BinaryModeDecoder {
    static func decode(
        _ fields: HTTPFields, body: ArraySlice<UInt8>, limits: HTTPEventDecoder.Limits, maximumJSONDepth: Int
    ) throws -> CloudEvent {
        var decoder = CloudEventHeaderDecoder(
            scheme: .http,
            limits: CloudEventHeaderDecoder.Limits(
                maximumHeaderCount: limits.maximumAttributeFieldCount,
                maximumValueBytes: limits.maximumAttributeFieldBytes),
            maximumJSONDepth: maximumJSONDepth)
        for field in fields {
            // Canonical names are lower-case, as the scheme's prefix is.
            var name = field.name.canonicalName
            try name.withUTF8 { nameBytes in
                _ = try field.withUnsafeBytesOfValue { try decoder.read(name: nameBytes, value: $0) }
            }
        }
        return try decoder.finish(body: body)
    }
}
