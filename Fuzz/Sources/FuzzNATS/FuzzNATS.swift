import CloudEvents
import CloudEventsNATS
import FuzzSupport

/// libFuzzer's callback: runs one input through `fuzz(_:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// The entry point SwiftPM links as `main` (see `LibFuzzer`).
@_cdecl("FuzzNATS_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    LibFuzzer.run(argc, argv, testOneInput)
}

/// NATS binding, both modes: a message from the fuzz input, through `NATSEventDecoder.decode`.
///
/// Framing (`HeaderLines`): header lines `name:value` (values as UTF-8 text, as a NATS client
/// hands them over) up to an empty line, then the payload. No header lines is a message without
/// headers, which the binding reads as structured mode. Invariants: `BindingRoundTrip`'s.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let lines = HeaderLines(input)
    let message = NATSMessage(
        headers: lines.headers.map {
            NATSMessage.Header(name: $0.name, value: String(decoding: $0.value, as: UTF8.self))
        },
        payload: lines.payload ?? [])
    nats.check(message)
}

private let nats = BindingRoundTrip<NATSMessage>(
    name: "NATS", decode: { try NATSEventDecoder().decode($0) }, mode: { try NATSEventDecoder().mode(of: $0) },
    encodeBinary: { try NATSEventEncoder().encode($0) },
    encodeStructured: { try NATSEventEncoder(mode: .structured).encode($0) })
