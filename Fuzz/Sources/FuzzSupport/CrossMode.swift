import CloudEvents
import CloudEventsHTTP

/// Moving an event between HTTP modes: what must survive, and what each mode may change.
public enum CrossMode {
    /// An event decoded from any mode, sent in binary mode: the receiver gets the same event
    /// with every extension a String, `datacontenttype: application/json` stated when JSON data
    /// had none, and the data's bytes unchanged. Only the data's kind may differ, because binary
    /// mode derives it from Content-Type: JSON stays JSON, text may arrive as binary (a
    /// non-textual Content-Type), binary may arrive as text or JSON. Binary data under a JSON
    /// Content-Type need not be JSON (the JSON format's `data_base64` allows it), so that one case
    /// may be refused.
    public static func checkStructuredToBinary(_ event: CloudEvent) {
        if let data = event.data, data.bytes.isEmpty { return }  // binary mode cannot carry empty data
        let message = mustSucceed("binary-mode encoding of \(dump(event))") {
            try RoundTrip.binaryEncoder.encode(event)
        }
        let decoded: CloudEvent
        do {
            decoded = try HTTPEventDecoder().decodeEvent(headerFields: message.headerFields, body: message.body)
        } catch {
            let error = asCloudEventError(error, "binary-mode decoding")
            // The receiver's limits (128 ce- fields, 64 KiB of their values) are not the sender's.
            if error.code == .limitExceeded { return }
            invariant(
                event.data?.kind == .binary && error.attribute == "data"
                    && [.invalidData, .malformedInput].contains(error.code),
                "binary mode refused an event it encoded: \(error)\n  e: \(dump(event))\n  headers: \(message.headerFields)"
            )
            return
        }
        var expected = withStringExtensions(event)
        if expected.dataContentType == nil, expected.data?.kind == .json {
            expected.dataContentType = "application/json"
        }
        if let sent = event.data, let received = decoded.data {
            invariant(
                sent.bytes == received.bytes, "binary mode changed the data bytes: \(dump(event)) vs \(dump(decoded))")
            let allowed: Bool
            switch sent.kind {
            case .json: allowed = received.kind == .json
            case .text: allowed = received.kind != .json
            case .binary: allowed = true
            }
            invariant(allowed, "binary mode turned \(sent.kind) data into \(received.kind): \(dump(event))")
            expected.data = received
        }
        invariant(
            decoded == expected,
            "structured to binary: decoded != expected\n  e:        \(dump(event))\n  expected: \(dump(expected))\n"
                + "  decoded:  \(dump(decoded))\n  headers:  \(message.headerFields)")
    }

    /// An event decoded from binary mode, sent in structured mode, decodes to the same event,
    /// except that JSON data loses the white space around its value (the JSON format keeps the
    /// value's bytes; the white space around it belongs to the enclosing document).
    public static func checkBinaryToStructured(_ event: CloudEvent) {
        let expected = asStructuredModeCarriesIt(event)
        let encoder = HTTPEventEncoder(mode: .structured)
        let message = mustSucceed("structured-mode encoding of \(dump(event))") { try encoder.encode(event) }
        let decoded = mustSucceed("structured-mode decoding of \(RoundTrip.text(message.body))") {
            try HTTPEventDecoder().decodeEvent(headerFields: message.headerFields, body: message.body)
        }
        invariant(
            decoded == expected,
            "binary to structured: decoded != expected\n  e:        \(dump(event))\n  expected: \(dump(expected))\n"
                + "  decoded:  \(dump(decoded))\n  body:     \(RoundTrip.text(message.body))")
    }

    /// `event` as structured mode carries it: JSON data without the white space around its value.
    public static func asStructuredModeCarriesIt(_ event: CloudEvent) -> CloudEvent {
        var expected = event
        if let data = event.data, data.kind == .json {
            expected.data = .json(bytes: trimmingJSONWhitespace(data.bytes))
        }
        return expected
    }

    static func trimmingJSONWhitespace(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var slice = bytes
        while let first = slice.first, isWhitespace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isWhitespace(last) { slice = slice.dropLast() }
        return slice
    }
}
