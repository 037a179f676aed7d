import CloudEvents
import CloudEventsKafka
import FuzzSupport

/// libFuzzer's callback: runs one input through `fuzz(_:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// The entry point SwiftPM links as `main` (see `LibFuzzer`).
@_cdecl("FuzzKafka_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    LibFuzzer.run(argc, argv, testOneInput)
}

/// Kafka binding, both modes: a record from the fuzz input, through `KafkaEventDecoder.decode`.
///
/// Framing: header lines `name:value` (bytes as they are, `\n`-terminated) up to an empty line,
/// then the record value (none when the input has no empty line).
///
/// Invariants: decoding throws only `CloudEventError`; a decoded event is valid and
/// `mode(of:)` agrees; a binary-mode event has only String extensions and comes back equal from
/// binary mode, and from structured mode but for the white space around JSON data; a
/// structured-mode event comes back equal from structured mode.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let message = record(input)
    let event: CloudEvent
    do {
        event = try KafkaEventDecoder().decode(message)
    } catch {
        _ = asCloudEventError(error, "KafkaEventDecoder.decode")
        return
    }
    let mode = mustSucceed("mode(of:) after a successful decode") { try KafkaEventDecoder().mode(of: message) }
    RoundTrip.checkDecoded(event)
    if mode == .binary {
        for (name, value) in event.extensions {
            guard case .string = value else { fatalError("binary mode decoded extension \(name) as \(value.type)") }
        }
        // Empty data cannot be sent in binary mode (it would arrive as none); the decoder never
        // makes it, since an empty value is no data.
        let binary = mustSucceed("binary re-encoding of a decoded event") { try KafkaEventEncoder().encode(event) }
        let again = mustSucceed("decoding the re-encoded record") { try KafkaEventDecoder().decode(binary) }
        invariant(again == event, "binary round trip changed the event:\n\(dump(event))\n\(dump(again))")
    }
    let structured = mustSucceed("structured encoding of a decoded event") {
        try KafkaEventEncoder(mode: .structured).encode(event)
    }
    let back = mustSucceed("decoding the structured record") { try KafkaEventDecoder().decode(structured) }
    // JSON data loses the white space around its value in structured mode (it belongs to the
    // enclosing document), as over HTTP.
    let expected = CrossMode.asStructuredModeCarriesIt(event)
    invariant(back == expected, "structured round trip changed the event:\n\(dump(expected))\n\(dump(back))")
}

private func record(_ input: UnsafeRawBufferPointer) -> KafkaMessage {
    var message = KafkaMessage()
    var lineStart = 0
    var index = 0
    while index < input.count {
        guard input[index] == UInt8(ascii: "\n") else {
            index += 1
            continue
        }
        let line = input[lineStart..<index]
        if line.isEmpty {
            message.value = Array(input[(index + 1)...])
            return message
        }
        if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            let name = String(decoding: input[lineStart..<colon], as: UTF8.self)
            message.headers.append(KafkaMessage.Header(name: name, value: Array(input[(colon + 1)..<index])))
        }
        index += 1
        lineStart = index
    }
    return message
}
