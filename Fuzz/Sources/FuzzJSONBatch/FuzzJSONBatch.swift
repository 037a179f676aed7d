import CloudEvents
import FuzzSupport

/// libFuzzer's callback: runs one input through `fuzz(_:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// The entry point SwiftPM links as `main` (see `LibFuzzer`).
@_cdecl("FuzzJSONBatch_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    LibFuzzer.run(argc, argv, testOneInput)
}

/// JSON batch format: `JSONEventFormat.decodeBatch` on arbitrary bytes.
///
/// Invariants: decoding throws only `CloudEventError`, the same from contiguous,
/// non-contiguous and `String` input, with an offset inside the input; every decoded event is valid;
/// `decodeBatch(encodeBatch(events)) == events`, and the batch encoding is a fixed point.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let bytes = Array(input)
    let format = JSONEventFormat()

    let result = Result { try format.decodeBatch(bytes) }
    // A lazy map has no contiguous storage: the copying path.
    let lazyResult = Result { try format.decodeBatch(bytes.lazy.map { $0 }) }
    if let text = String(validating: bytes, as: UTF8.self) {
        switch (result, Result { try format.decodeBatch(text) }) {
        case (.success(let events), .success(let fromText)):
            invariant(events == fromText, "array and String batch decoding differ")
        case (.failure(let error), .failure(let textError)):
            invariant(
                asCloudEventError(error, "decodeBatch([UInt8])") == asCloudEventError(textError, "decodeBatch(String)"),
                "array and String batch decoding fail differently: \(error) vs \(textError)")
        default:
            fatalError("decodeBatch([UInt8]) and decodeBatch(String) disagree on \(RoundTrip.text(bytes))")
        }
    }
    switch (result, lazyResult) {
    case (.success(let events), .success(let lazyEvents)):
        invariant(events == lazyEvents, "contiguous and non-contiguous batch decoding differ")
        // Each event's own round trip is FuzzJSONEvent's job; here the batch as a whole.
        for event in events { RoundTrip.checkDecoded(event) }
        let encoded = mustSucceed("encoding the decoded batch") { try format.encodeBatch(events) }
        let decoded = mustSucceed("decoding the re-encoded batch \(RoundTrip.text(encoded))") {
            try format.decodeBatch(encoded)
        }
        invariant(decoded == events, "batch: decodeBatch(encodeBatch(b)) != b")
        let again = mustSucceed("encoding the re-decoded batch") { try format.encodeBatch(decoded) }
        invariant(again == encoded, "batch: encoding is not a fixed point")
    case (.failure(let error), .failure(let lazyError)):
        let error = asCloudEventError(error, "decodeBatch([UInt8])")
        let lazyError = asCloudEventError(lazyError, "decodeBatch(lazy)")
        invariant(
            error == lazyError,
            "contiguous and non-contiguous batch decoding fail differently: \(error) vs \(lazyError)")
        if let offset = error.byteOffset {
            invariant(
                offset >= 0 && offset <= bytes.count, "error offset \(offset) outside the input of \(bytes.count) bytes"
            )
        }
    case (.success, .failure(let error)), (.failure(let error), .success):
        fatalError("contiguous and non-contiguous batch decoding disagree: \(error)")
    }
}
