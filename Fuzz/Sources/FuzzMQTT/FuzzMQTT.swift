import CloudEvents
import CloudEventsMQTT
import FuzzSupport

/// libFuzzer's callback: runs one input through `fuzz(_:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// The entry point SwiftPM links as `main` (see `LibFuzzer`).
@_cdecl("FuzzMQTT_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    LibFuzzer.run(argc, argv, testOneInput)
}

/// MQTT 5 binding, both modes: a PUBLISH from the fuzz input, through `MQTTEventDecoder.decode`.
///
/// Framing (`HeaderLines`): lines `name:value` up to an empty line, then the payload; a line
/// named `Content Type` is the Content Type property, every other line a User Property (UTF-8
/// text, as an MQTT client hands them over). Invariants: `BindingRoundTrip`'s.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let lines = HeaderLines(input)
    var message = MQTTMessage(payload: lines.payload ?? [])
    for (name, value) in lines.headers {
        let text = String(decoding: value, as: UTF8.self)
        if name == "Content Type" {
            message.contentType = text
        } else {
            message.userProperties.append(.init(name: name, value: text))
        }
    }
    mqtt.check(message)
}

private let mqtt = BindingRoundTrip<MQTTMessage>(
    name: "MQTT", decode: { try MQTTEventDecoder().decode($0) }, mode: { try MQTTEventDecoder().mode(of: $0) },
    encodeBinary: { try MQTTEventEncoder().encode($0) },
    encodeStructured: { try MQTTEventEncoder(mode: .structured).encode($0) })
