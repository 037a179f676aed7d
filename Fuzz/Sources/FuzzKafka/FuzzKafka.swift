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
/// Framing (`HeaderLines`): header lines `name:value` up to an empty line, then the record value
/// (none when the input has no empty line). Invariants: `BindingRoundTrip`'s.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let lines = HeaderLines(input)
    let message = KafkaMessage(
        headers: lines.headers.map { KafkaMessage.Header(name: $0.name, value: $0.value) }, value: lines.payload)
    kafka.check(message)
}

private let kafka = BindingRoundTrip<KafkaMessage>(
    name: "Kafka", decode: { try KafkaEventDecoder().decode($0) }, mode: { try KafkaEventDecoder().mode(of: $0) },
    encodeBinary: { try KafkaEventEncoder().encode($0) },
    encodeStructured: { try KafkaEventEncoder(mode: .structured).encode($0) })
