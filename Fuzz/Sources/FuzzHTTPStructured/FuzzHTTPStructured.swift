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
@_cdecl("FuzzHTTPStructured_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    LibFuzzer.run(argc, argv, testOneInput)
}

/// HTTP binding, structured mode: the fuzz input is the body of a message whose Content-Type
/// is `application/cloudevents+json; charset=utf-8` (the JSON event format inside HTTP).
///
/// Invariants: decoding throws only `CloudEventError`; the event is valid; it round-trips in
/// structured mode (`decode(encode(e)) == e`) and in the JSON format; sent in binary mode it
/// arrives with String extensions and its data's bytes unchanged (`CrossMode`).
func fuzz(_ input: UnsafeRawBufferPointer) {
    let body = Array(input)
    let fields: HTTPFields = [.contentType: "application/cloudevents+json; charset=utf-8"]
    let message: DecodedHTTPMessage
    do {
        message = try HTTPEventDecoder().decode(headerFields: fields, body: body)
    } catch {
        _ = asCloudEventError(error, "HTTPEventDecoder.decode")
        return
    }
    guard case .event(let event, .structured) = message else {
        fatalError("a structured-mode message decoded as \(message.mode)")
    }
    RoundTrip.checkDecoded(event)
    RoundTrip.checkStructured(event)
    RoundTrip.checkJSON(event)
    CrossMode.checkStructuredToBinary(event)
}
