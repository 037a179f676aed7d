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
@_cdecl("FuzzPercentDecoding_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    LibFuzzer.run(argc, argv, testOneInput)
}

/// The header value decoding of the HTTP binding (percent-decoding and RFC 7230 quoted strings),
/// reached through `HTTPEventDecoder` because `PercentEncoding` is package-internal to the core.
///
/// The fuzz input is the value of a `ce-fuzzvalue` header on an otherwise minimal binary-mode
/// event, stored as servers store it (swift-http-types' lenient value: NUL, CR and LF become
/// spaces). A reference decoder written here from the binding's text decides the outcome:
/// - a value starting with `"` is a quoted-string: `\` takes the next byte literally, the
///   closing `"` must end the value, and the unquoted bytes are then percent-decoded;
/// - `%` must be followed by two hex digits (either case); every other byte stands for itself;
/// - the decoded bytes must be UTF-8, and the String must not contain a character the
///   CloudEvents String type forbids.
/// The decoder must agree: the same String, or `malformedInput` naming the attribute for bad
/// encoding, or `invalidEvent` with a `forbiddenCharacter` violation for a forbidden character.
/// A decoded value re-encodes to printable ASCII and round-trips.
func fuzz(_ input: UnsafeRawBufferPointer) {
    guard let name = HTTPField.Name("ce-fuzzvalue") else { fatalError("invalid field name") }
    let field = HTTPField(name: name, lenientValue: input)
    let fields: HTTPFields = [
        .ceSpecVersion: "1.0", .ceID: "1", .ceSource: "/s", .ceType: "t",
    ]
    var message = fields
    message.append(field)
    let value = field.withUnsafeBytesOfValue { Array($0) }
    let expected = ReferenceHeaderDecoding.decode(value)

    let event: CloudEvent
    do {
        event = try HTTPEventDecoder().decodeEvent(headerFields: message, body: [])
    } catch {
        let error = asCloudEventError(error, "binary-mode decoding")
        switch expected {
        case .malformed:
            invariant(
                error.code == .malformedInput && error.attribute == "fuzzvalue",
                "malformed value \(value) failed with \(error), not malformedInput for fuzzvalue")
        case .forbidden:
            invariant(
                error.code == .invalidEvent
                    && error.violations.contains { $0.attribute == "fuzzvalue" && $0.code == .forbiddenCharacter },
                "value \(value) with a forbidden character failed with \(error)")
        case .string(let text):
            fatalError("value \(value) should decode to \(String(reflecting: text)) but failed: \(error)")
        }
        return
    }
    guard case .string(let text) = expected else {
        fatalError("value \(value) should fail (\(expected)) but decoded to \(dump(event))")
    }
    invariant(
        event[extension: "fuzzvalue"] == .string(text),
        "value \(value) decoded to \(String(describing: event[extension: "fuzzvalue"])), expected \(String(reflecting: text))"
    )
    RoundTrip.checkDecoded(event)
    guard let decoded = RoundTrip.checkBinary(event, expected: event) else { return }
    // The encoder's header value, decoded by the reference, is the text again.
    let encoded = mustSucceed("binary encoding") { try RoundTrip.binaryEncoder.encode(decoded) }
    guard let header = encoded.headerFields[fields: name].first else { fatalError("no ce-fuzzvalue header written") }
    let reencoded = header.withUnsafeBytesOfValue { Array($0) }
    invariant(
        ReferenceHeaderDecoding.decode(reencoded) == .string(text),
        "the encoder wrote \(reencoded) for \(String(reflecting: text))")
}

/// The binding's header value decoding, written plainly as the reference.
enum ReferenceHeaderDecoding {
    enum Outcome: Equatable {
        case string(String)
        case malformed
        case forbidden
    }

    static func decode(_ value: [UInt8]) -> Outcome {
        var bytes = value
        if bytes.first == UInt8(ascii: "\"") {
            guard let unquoted = unquote(bytes) else { return .malformed }
            bytes = unquoted
        }
        var decoded: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else {
                    return .malformed
                }
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        guard let text = String(validating: decoded, as: UTF8.self) else { return .malformed }
        for scalar in text.unicodeScalars where isForbidden(scalar.value) { return .forbidden }
        return .string(text)
    }

    private static func unquote(_ value: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var index = 1
        while index < value.count {
            switch value[index] {
            case UInt8(ascii: "\\"):
                guard index + 1 < value.count else { return nil }
                output.append(value[index + 1])
                index += 2
            case UInt8(ascii: "\""):
                return index == value.count - 1 ? output : nil
            default:
                output.append(value[index])
                index += 1
            }
        }
        return nil
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The CloudEvents String type's forbidden characters: C0 and C1 controls and DEL,
    /// surrogates, noncharacters.
    private static func isForbidden(_ scalar: UInt32) -> Bool {
        scalar < 0x20 || (0x7F...0x9F).contains(scalar) || (0xD800...0xDFFF).contains(scalar)
            || (0xFDD0...0xFDEF).contains(scalar) || scalar & 0xFFFE == 0xFFFE
    }
}
