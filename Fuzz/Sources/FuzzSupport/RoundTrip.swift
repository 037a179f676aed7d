import CloudEvents
import CloudEventsHTTP
import HTTPTypes

/// The round-trip invariants every decoded event must keep.
public enum RoundTrip {
    /// Bytes as text for a crash message (invalid UTF-8 repaired, which is fine for reading).
    public static func text(_ bytes: some Collection<UInt8>) -> String {
        String(reflecting: String(decoding: Array(bytes.prefix(4096)), as: UTF8.self))
    }

    /// What any successfully decoded event must satisfy: it is valid, every view of it reads
    /// without fault, and equal values hash alike.
    public static func checkDecoded(_ event: CloudEvent) {
        touchEveryView(event)
        invariant(
            event.validationErrors.isEmpty, "a decoded event is invalid: \(event.validationErrors) \(dump(event))")
        let copy = event
        invariant(copy == event && copy.hashValue == event.hashValue, "an event is not equal to its copy")
    }

    /// JSON format: `decode(encode(e)) == e`, and encoding a decoded re-encoding gives the same
    /// bytes (the encoding is a fixed point). Returns the encoding.
    @discardableResult
    public static func checkJSON(_ event: CloudEvent, format: JSONEventFormat = JSONEventFormat()) -> [UInt8] {
        let encoded = mustSucceed("encoding the decoded event \(dump(event))") { try format.encode(event) }
        let decoded = mustSucceed("decoding the re-encoded event \(text(encoded))") { try format.decode(encoded) }
        invariant(
            decoded == event,
            "JSON: decode(encode(e)) != e\n  e:       \(dump(event))\n  decoded: \(dump(decoded))\n  encoded: \(text(encoded))"
        )
        invariant(decoded.hashValue == event.hashValue, "JSON: equal events hash differently: \(dump(event))")
        let again = mustSucceed("encoding the re-decoded event") { try format.encode(decoded) }
        invariant(again == encoded, "JSON: encoding is not a fixed point:\n  \(text(encoded))\n  \(text(again))")
        checkMutationsPreserve(event, encoded: encoded, format: format)
        return encoded
    }

    /// Setting attributes to the values they already have, and adding then removing an
    /// extension, leaves an equal event that encodes to the same bytes. This drives the text
    /// buffer's replacement and compaction paths over decoded buffers.
    static func checkMutationsPreserve(_ event: CloudEvent, encoded: [UInt8], format: JSONEventFormat) {
        let probe = "zzfuzzprobe"
        guard event[extension: probe] == nil else { return }
        var mutated = event
        mutated[extension: probe] = .string(String(repeating: "x", count: 64))
        mutated.id = event.id
        mutated.source = event.source
        mutated.type = event.type
        for (name, value) in event.extensions {
            mutated[extension: name] = value
        }
        mutated.subject = event.subject
        mutated.dataContentType = event.dataContentType
        mutated.dataSchema = event.dataSchema
        mutated[extension: probe] = nil
        invariant(
            mutated == event,
            "setting attributes to their own values changed the event: \(dump(event)) vs \(dump(mutated))")
        let reencoded = mustSucceed("encoding the mutated event") { try format.encode(mutated) }
        invariant(
            reencoded == encoded,
            "setting attributes to their own values changed the encoding:\n  \(text(encoded))\n  \(text(reencoded))")
    }

    /// The encoder for round trips: binary mode without a header budget (the budget is a
    /// sender's policy, not a property of the event).
    public static let binaryEncoder = HTTPEventEncoder(mode: .binary, headerBudget: .unlimited)

    /// HTTP binary mode: encoding `event` and decoding the message gives `expected` (the event as
    /// binary mode can carry it). Returns the decoded event, or `nil` when re-encoding grew the
    /// header values past the receiver's limit (percent-encoding writes a raw UTF-8 byte as three).
    @discardableResult
    public static func checkBinary(
        _ event: CloudEvent, expected: CloudEvent, decoder: HTTPEventDecoder = HTTPEventDecoder()
    ) -> CloudEvent? {
        let message = mustSucceed("binary-mode encoding of \(dump(event))") { try binaryEncoder.encode(event) }
        invariant(message.mode == .binary, "binary-mode encoding switched mode")
        for field in message.headerFields where field.name.canonicalName.hasPrefix("ce-") {
            // Percent-encoding leaves only printable ASCII other than '"' and '%' escapes.
            field.withUnsafeBytesOfValue { value in
                invariant(
                    value.allSatisfy { $0 >= 0x21 && $0 <= 0x7E && $0 != UInt8(ascii: "\"") },
                    "header \(field.name) has a byte that should be percent-encoded: \(Array(value))")
            }
        }
        let decoded: CloudEvent
        do {
            decoded = try decoder.decodeEvent(headerFields: message.headerFields, body: message.body)
        } catch {
            let error = asCloudEventError(error, "binary-mode decoding")
            invariant(
                error.code == .limitExceeded,
                "binary-mode decoding of the encoding of \(dump(event)) threw \(error)\n"
                    + "  headers: \(message.headerFields)\n  body: \(text(message.body))")
            return nil
        }
        invariant(
            decoded == expected,
            "binary: decode(encode(e)) != expected\n  e:        \(dump(event))\n  expected: \(dump(expected))\n"
                + "  decoded:  \(dump(decoded))\n  headers:  \(message.headerFields)")
        return decoded
    }

    /// HTTP structured mode: `decode(encode(e)) == e` through HTTP messages.
    public static func checkStructured(_ event: CloudEvent, decoder: HTTPEventDecoder = HTTPEventDecoder()) {
        let encoder = HTTPEventEncoder(mode: .structured)
        let message = mustSucceed("structured-mode encoding of \(dump(event))") { try encoder.encode(event) }
        let decoded = mustSucceed("structured-mode decoding of \(text(message.body))") {
            try decoder.decode(headerFields: message.headerFields, body: message.body)
        }
        invariant(decoded.mode == .structured, "structured message decoded as \(decoded.mode)")
        invariant(
            decoded.events == [event],
            "structured: decode(encode(e)) != e\n  e:       \(dump(event))\n  decoded: \(decoded.events.map(dump))")
    }
}
