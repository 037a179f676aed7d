import CloudEvents
import CloudEventsAvro
import FuzzSupport

/// libFuzzer's callback: runs one input through `fuzz(_:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// The entry point SwiftPM links as `main` (see `LibFuzzer`).
@_cdecl("FuzzAvro_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    LibFuzzer.run(argc, argv, testOneInput)
}

/// The Avro event format: the input's bytes through `AvroEventFormat.decode`.
///
/// Invariants: decoding throws only `CloudEventError`; a decoded event is valid; it encodes, and
/// decodes back equal, but that JSON data without a `datacontenttype` (from the schema's
/// JSON-value branches) comes back stating `application/json`; encoding is then a fixed point.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let bytes = Array(input)
    let event: CloudEvent
    do {
        event = try AvroEventFormat().decode(bytes[...])
    } catch {
        _ = asCloudEventError(error, "AvroEventFormat.decode")
        return
    }
    RoundTrip.checkDecoded(event)
    let encoded = mustSucceed("encoding a decoded event") { try AvroEventFormat().encode(event) }
    let back = mustSucceed("decoding the re-encoded event") { try AvroEventFormat().decode(encoded[...]) }
    var expected = event
    if expected.data?.kind == .json, expected.dataContentType == nil { expected.dataContentType = "application/json" }
    invariant(back == expected, "Avro round trip changed the event:\n\(dump(expected))\n\(dump(back))")
    let again = mustSucceed("encoding the event again") { try AvroEventFormat().encode(back) }
    invariant(again == encoded || event != expected, "Avro encoding is not a fixed point:\n\(dump(back))")
}
