import CloudEvents
import CloudEventsAMQP
import FuzzSupport

/// libFuzzer's callback: runs one input through `fuzz(_:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// The entry point SwiftPM links as `main` (see `LibFuzzer`).
@_cdecl("FuzzAMQP_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    LibFuzzer.run(argc, argv, testOneInput)
}

/// AMQP binding, both modes: a message from the fuzz input, through `AMQPEventDecoder.decode`.
///
/// Framing (`\n`-terminated lines up to an empty line, then the data section; none when the
/// input has no empty line): `P:<text>` is the properties section's content-type, and
/// `<type> <name>=<value>` an application property of that AMQP type (`long`, `symbol`...), its
/// value parsed from the text (integers in decimal, wrapped to the type's width; binary and
/// uuid as the bytes). Other lines are skipped.
///
/// Invariants: decoding throws only `CloudEventError`; a decoded event is valid and
/// `mode(of:)` agrees; a binary-mode event comes back equal from binary mode with either prefix
/// (its values in their native types), and from structured mode as the JSON format carries it;
/// a structured-mode event comes back equal from structured mode.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let message = amqpMessage(input)
    let event: CloudEvent
    do {
        event = try AMQPEventDecoder().decode(message)
    } catch {
        _ = asCloudEventError(error, "AMQPEventDecoder.decode")
        return
    }
    let mode = mustSucceed("mode(of:) after a successful decode") { try AMQPEventDecoder().mode(of: message) }
    RoundTrip.checkDecoded(event)
    if mode == .binary {
        for prefix in AMQPPropertyPrefix.allCases {
            // Empty data cannot be sent in binary mode; the decoder never makes it.
            let binary = mustSucceed("binary re-encoding of a decoded event") {
                try AMQPEventEncoder(prefix: prefix).encode(event)
            }
            let again: CloudEvent
            do {
                again = try AMQPEventDecoder().decode(binary)
            } catch {
                // 0.3 binary data gains a datacontentencoding property, which may pass the limits.
                let error = asCloudEventError(error, "decoding the re-encoded message")
                invariant(error.code == .limitExceeded, "the re-encoded message was refused: \(error)\n\(dump(event))")
                continue
            }
            invariant(again == event, "binary round trip changed the event:\n\(dump(event))\n\(dump(again))")
        }
    }
    let structured = mustSucceed("structured encoding of a decoded event") {
        try AMQPEventEncoder(mode: .structured).encode(event)
    }
    let back = mustSucceed("decoding the structured message") { try AMQPEventDecoder().decode(structured) }
    let expected = mode == .binary ? asJSONCarriesIt(CrossMode.asStructuredModeCarriesIt(event)) : event
    invariant(back == expected, "structured round trip changed the event:\n\(dump(expected))\n\(dump(back))")
}

/// The event as the JSON format carries it: Boolean and Integer extensions keep their type, the
/// others become their canonical strings.
private func asJSONCarriesIt(_ event: CloudEvent) -> CloudEvent {
    var copy = event
    for (name, value) in event.extensions {
        switch value {
        case .boolean, .integer, .string: continue
        default: copy[extension: name] = .string(value.canonicalString)
        }
    }
    return copy
}

private func amqpMessage(_ input: UnsafeRawBufferPointer) -> AMQPMessage {
    let framing = HeaderLines(input)
    var message = AMQPMessage(body: framing.payload)
    for line in framing.lines {
        if line.starts(with: "P:".utf8) {
            message.properties.contentType = String(decoding: line.dropFirst(2), as: UTF8.self)
        } else if let space = line.firstIndex(of: UInt8(ascii: " ")),
            let equals = line[space...].firstIndex(of: UInt8(ascii: "="))
        {
            let type = String(decoding: line[..<space], as: UTF8.self)
            let name = String(decoding: line[(space + 1)..<equals], as: UTF8.self)
            if let value = amqpValue(type, Array(line[(equals + 1)...])) {
                message.applicationProperties.append(.init(name: name, value: value))
            }
        }
    }
    return message
}

private func amqpValue(_ type: String, _ bytes: [UInt8]) -> AMQPValue? {
    let text = String(decoding: bytes, as: UTF8.self)
    let integer = Int64(text) ?? Int64(bitPattern: UInt64(text) ?? 0)
    switch type {
    case "null": return .null
    case "boolean": return .boolean(text == "true")
    case "ubyte": return .ubyte(UInt8(truncatingIfNeeded: integer))
    case "ushort": return .ushort(UInt16(truncatingIfNeeded: integer))
    case "uint": return .uint(UInt32(truncatingIfNeeded: integer))
    case "ulong": return .ulong(UInt64(bitPattern: integer))
    case "byte": return .byte(Int8(truncatingIfNeeded: integer))
    case "short": return .short(Int16(truncatingIfNeeded: integer))
    case "int": return .int(Int32(truncatingIfNeeded: integer))
    case "long": return .long(integer)
    case "timestamp": return .timestamp(integer)
    case "float": return .float(Float(text) ?? 0)
    case "double": return .double(Double(text) ?? 0)
    case "char": return .char(text.unicodeScalars.first ?? "a")
    case "uuid": return .uuid(Array((bytes + Array(repeating: 0, count: 16)).prefix(16)))
    case "binary": return .binary(bytes)
    case "string": return .string(text)
    case "symbol": return .symbol(text)
    default: return nil
    }
}
