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

/// The Avro formats: the input's bytes through `AvroEventFormat.decode` and through
/// `AvroCompactEventFormat.decode`.
///
/// Invariants: decoding throws only `CloudEventError`; a decoded event is valid; it encodes, and
/// decodes back equal, but that JSON data without a `datacontenttype` (from the Avro schema's
/// JSON-value branches) comes back stating `application/json`; encoding is then a fixed point.
/// A compact event's times decode to their canonical text, so the compact encoder's default
/// (which refuses any time it could not give back exactly) always takes a decoded event.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let bytes = Array(input)
    fuzzStandard(bytes)
    fuzzCompact(bytes)
}

func fuzzStandard(_ bytes: [UInt8]) {
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

func fuzzCompact(_ bytes: [UInt8]) {
    let format = AvroCompactEventFormat()
    let event: CloudEvent
    do {
        event = try format.decode(bytes[...])
    } catch {
        _ = asCloudEventError(error, "AvroCompactEventFormat.decode")
        return
    }
    RoundTrip.checkDecoded(event)
    let encoded = mustSucceed("encoding a decoded compact event") { try format.encode(event) }
    let back = mustSucceed("decoding the re-encoded compact event") { try format.decode(encoded[...]) }
    invariant(back == event, "Avro compact round trip changed the event:\n\(dump(event))\n\(dump(back))")
    let again = mustSucceed("encoding the compact event again") { try format.encode(back) }
    invariant(again == encoded, "Avro compact encoding is not a fixed point:\n\(dump(back))")
}
