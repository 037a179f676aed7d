import CloudEvents
import FuzzSupport

/// libFuzzer's callback: runs one input through `fuzz(_:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// The entry point SwiftPM links as `main` (see `LibFuzzer`).
@_cdecl("FuzzJSONEvent_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    LibFuzzer.run(argc, argv, testOneInput)
}

/// JSON event format, one event: `JSONEventFormat.decode` on arbitrary bytes.
///
/// Invariants: decoding throws only `CloudEventError`; the `[UInt8]` (buffer-reusing) and
/// `ArraySlice` (copying) paths agree, on the event or on the error, and so does `String` input; the same object wrapped in a
/// batch decodes to the same event; a decoded event is valid, and `decode(encode(e)) == e` with
/// the encoding a fixed point; so does a batch of it.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let bytes = Array(input)
    let format = JSONEventFormat()

    let result = Result { try format.decode(bytes) }
    // A slice not starting at 0 takes the copying path.
    let padded = [UInt8(ascii: " ")] + bytes
    let sliceResult = Result { try format.decode(padded[1...]) }

    // The String entry point reads the text in place: the same outcome when the bytes are UTF-8.
    if let text = String(validating: bytes, as: UTF8.self) {
        switch (result, Result { try format.decode(text) }) {
        case (.success(let event), .success(let fromText)):
            invariant(event == fromText, "array and String decoding differ: \(dump(event)) vs \(dump(fromText))")
        case (.failure(let error), .failure(let textError)):
            invariant(
                asCloudEventError(error, "decode([UInt8])") == asCloudEventError(textError, "decode(String)"),
                "array and String decoding fail differently: \(error) vs \(textError)")
        default:
            fatalError("decode([UInt8]) and decode(String) disagree on \(RoundTrip.text(bytes))")
        }
    }

    switch (result, sliceResult) {
    case (.success(let event), .success(let fromSlice)):
        invariant(event == fromSlice, "array and slice decoding differ: \(dump(event)) vs \(dump(fromSlice))")
        RoundTrip.checkDecoded(event)
        RoundTrip.checkJSON(event, format: format)
        checkAsBatch(event, bytes: bytes, format: format)
    case (.failure(let error), .failure(let sliceError)):
        let error = asCloudEventError(error, "decode([UInt8])")
        let sliceError = asCloudEventError(sliceError, "decode(ArraySlice)")
        invariant(error == sliceError, "array and slice decoding fail differently: \(error) vs \(sliceError)")
        if let offset = error.byteOffset {
            invariant(
                offset >= 0 && offset <= bytes.count, "error offset \(offset) outside the input of \(bytes.count) bytes"
            )
        }
    case (.success(let event), .failure(let error)):
        fatalError("decode([UInt8]) succeeded with \(dump(event)) but decode(ArraySlice) threw \(error)")
    case (.failure(let error), .success(let event)):
        fatalError("decode(ArraySlice) succeeded with \(dump(event)) but decode([UInt8]) threw \(error)")
    }
}

/// The event's own bytes inside `[...]` decode to the same event: depth counts from the event
/// object in a batch too, so every event that decodes alone decodes in a batch. And a batch of the
/// event round-trips.
private func checkAsBatch(_ event: CloudEvent, bytes: [UInt8], format: JSONEventFormat) {
    let wrapped = [UInt8(ascii: "[")] + bytes + [UInt8(ascii: "]")]
    let events = mustSucceed("decoding the event as a batch") { try format.decodeBatch(wrapped) }
    invariant(events == [event], "the event as a batch decodes differently: \(events.map(dump)) vs \(dump(event))")
    let batch = mustSucceed("encoding a batch of the decoded event") { try format.encodeBatch([event]) }
    let decoded = mustSucceed("decoding the batch of the decoded event \(RoundTrip.text(batch))") {
        try format.decodeBatch(batch)
    }
    invariant(decoded == [event], "batch: decodeBatch(encodeBatch([e])) != [e]: \(dump(event))")
}
