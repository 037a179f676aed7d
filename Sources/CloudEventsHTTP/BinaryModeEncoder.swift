import CloudEvents
import HTTPTypes

/// Writes an event's attributes as `ce-` header fields and its data as the body: the HTTP side
/// of the core's ``/CloudEvents/CloudEventHeaderEncoding``.
///
/// Values are percent-encoded into one buffer first, so the header budget is checked before any
/// `HTTPField` exists, and nothing is built for an event that will not be sent this way.
enum BinaryModeEncoder {
    /// The outcome when the event does not fit the budget: the attributes by size, largest first.
    struct Overflow: Error {
        var totalBytes: Int
        var largest: [(attribute: String, bytes: Int)]
        var fieldOverLimit: String?

        func describe(budget: HTTPHeaderBudget) -> String {
            let names = largest.prefix(3).map { "\($0.attribute) (\($0.bytes) bytes)" }.joined(separator: ", ")
            if let fieldOverLimit {
                return "header field for \(fieldOverLimit) exceeds the per-field budget of \(budget.maximumFieldBytes)"
                    + " bytes; largest attributes: \(names)"
            }
            return "binary-mode headers need \(totalBytes) bytes, over the budget of \(budget.maximumTotalBytes);"
                + " largest attributes: \(names)"
        }
    }

    /// Encodes a validated event.
    ///
    /// - Throws: ``Overflow`` when it does not fit `budget`; ``/CloudEvents/CloudEventError`` for
    ///   an extension whose name cannot be a header field name.
    static func encode(_ event: CloudEvent, budget: HTTPHeaderBudget) throws -> EncodedHTTPMessage {
        let encoding = try CloudEventHeaderEncoding(validated: event, scheme: .http)

        // A field's size as on an HTTP/1.1 wire: name, ": ", value and CRLF.
        func wireSize(_ header: CloudEventHeaderEncoding.Header) -> Int {
            encoding.nameByteCount(of: header) + header.valueRange.count + 4
        }
        var total = 0
        var fieldOverLimit: String?
        for header in encoding.headers {
            let size = wireSize(header)
            total += size
            if size > budget.maximumFieldBytes && fieldOverLimit == nil { fieldOverLimit = header.attribute }
        }
        if total > budget.maximumTotalBytes || fieldOverLimit != nil {
            let largest = encoding.headers.map { ($0.attribute, wireSize($0)) }.sorted { $0.1 > $1.1 }
            throw Overflow(totalBytes: total, largest: largest, fieldOverLimit: fieldOverLimit)
        }

        var fields = HTTPFields()
        fields.reserveCapacity(encoding.headers.count)
        try encoding.values.withUnsafeBufferPointer { buffer in
            for header in encoding.headers {
                // Values are printable ASCII by construction. The String initialiser of HTTPField
                // is inlinable (specialised here); its byte-collection ones validate the bytes as
                // UTF-8 through unspecialised generic code, which costs several times more.
                // Names are distinct, so each field is appended without the subscript's lookup
                // of the name among the fields already there.
                let bytes = UnsafeBufferPointer(rebasing: buffer[header.valueRange])
                fields.append(
                    HTTPField(name: try fieldName(header, encoding), value: String(decoding: bytes, as: UTF8.self)))
            }
        }
        return EncodedHTTPMessage(headerFields: fields, body: encoding.payload ?? [], mode: .binary)
    }

    /// The field name of a header: a ready-made one for the context attributes, a checked one
    /// for an extension (never skipped: a name that is not a valid token is an error).
    private static func fieldName(_ header: CloudEventHeaderEncoding.Header, _ encoding: CloudEventHeaderEncoding)
        throws
        -> HTTPField.Name
    {
        switch header.role {
        case .specVersion: return .ceSpecVersion
        case .id: return .ceID
        case .source: return .ceSource
        case .type: return .ceType
        case .subject: return .ceSubject
        case .time: return .ceTime
        case .dataSchema: return .ceDataSchema
        case .schemaURL: return .ceSchemaURL
        case .dataContentType: return .contentType
        case .dataContentEncoding: return .ceDataContentEncoding
        case .extension:
            let name = encoding.name(of: header)
            // The scheme's prefix and the attribute name are lower case, so the name is its own
            // canonical form, which this initialiser keeps without a lower-cased copy.
            guard let field = HTTPField.Name(parsed: name) else {
                throw CloudEventError(
                    .invalidAttributeName, attribute: header.attribute,
                    message:
                        "extension \(header.attribute) cannot be sent as header \(name): not a valid HTTP field name")
            }
            return field
        }
    }
}
