import CloudEvents
import CloudEventsProtobuf
import FuzzSupport

/// libFuzzer's callback: runs one input through `fuzz(_:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// The entry point SwiftPM links as `main` (see `LibFuzzer`).
@_cdecl("FuzzProtobuf_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    LibFuzzer.run(argc, argv, testOneInput)
}

/// The Protobuf event format: the input's bytes through `ProtobufEventFormat.decode`, and through
/// `decodeBatch`.
///
/// Invariants: decoding throws only `CloudEventError`; a decoded event is valid; it encodes with
/// the default (exact) timestamps, since a decoded time is always one a Timestamp message holds;
/// it decodes back equal; encoding is then a fixed point. The same for a batch.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let bytes = Array(input)
    let format = ProtobufEventFormat()
    do {
        let event = try format.decode(bytes[...])
        RoundTrip.checkDecoded(event)
        let encoded = mustSucceed("encoding a decoded event") { try format.encode(event) }
        let back = mustSucceed("decoding the re-encoded event") { try format.decode(encoded[...]) }
        invariant(back == event, "Protobuf round trip changed the event:\n\(dump(event))\n\(dump(back))")
        let again = mustSucceed("encoding the event again") { try format.encode(back) }
        invariant(again == encoded, "Protobuf encoding is not a fixed point:\n\(dump(back))")
    } catch {
        _ = asCloudEventError(error, "ProtobufEventFormat.decode")
    }
    do {
        let events = try format.decodeBatch(bytes[...])
        events.forEach(RoundTrip.checkDecoded)
        let encoded = mustSucceed("encoding a decoded batch") { try format.encodeBatch(events) }
        let back = mustSucceed("decoding the re-encoded batch") { try format.decodeBatch(encoded[...]) }
        invariant(back == events, "Protobuf batch round trip changed the events")
    } catch {
        _ = asCloudEventError(error, "ProtobufEventFormat.decodeBatch")
    }
}
