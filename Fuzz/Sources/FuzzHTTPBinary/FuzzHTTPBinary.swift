import CloudEvents
import CloudEventsHTTP
import FuzzSupport
import HTTPTypes

/// libFuzzer's callback: runs one input through `fuzz(_:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// The entry point SwiftPM links as `main` (see `LibFuzzer`).
@_cdecl("FuzzHTTPBinary_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    LibFuzzer.run(argc, argv, testOneInput)
}

/// HTTP binding, binary mode: header fields and a body from the fuzz input (framing in
/// `HTTPMessageFraming`), through `HTTPEventDecoder.decode(headerFields:body:)`, so mode
/// detection from Content-Type is fuzzed too.
///
/// Invariants: decoding throws only `CloudEventError`; the mode reported is `mode(of:)`'s; a
/// binary-mode event has only String extensions, is valid, and `decode(encode(e)) == e` in
/// binary mode; sent in structured mode it arrives unchanged (but for the white space around
/// JSON data); structured and batch messages round-trip in the JSON format.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let (fields, body) = HTTPMessageFraming.parse(input)
    let message: DecodedHTTPMessage
    do {
        message = try HTTPEventDecoder().decode(headerFields: fields, body: body)
    } catch {
        _ = asCloudEventError(error, "HTTPEventDecoder.decode")
        return
    }
    let mode = mustSucceed("mode(of:) after a successful decode") { try HTTPEventDecoder.mode(of: fields) }
    invariant(mode == message.mode, "decode reported \(message.mode) but mode(of:) says \(mode)")
    for event in message.events { RoundTrip.checkDecoded(event) }
    switch message {
    case .event(let event, .binary):
        for (name, value) in event.extensions {
            guard case .string = value else { fatalError("binary mode decoded extension \(name) as \(value.type)") }
        }
        RoundTrip.checkBinary(event, expected: event)
        CrossMode.checkBinaryToStructured(event)
    case .event(let event, _):
        RoundTrip.checkJSON(event)
    case .batch(let events):
        for event in events { RoundTrip.checkJSON(event) }
    }
}
