public import CloudEvents
public import HTTPTypes

/// The answer to a request a receiver refuses: a status chosen by the error's code, and a small
/// JSON body naming the reason with the error's fields:
/// `{"code":"…","attribute":"…","byteOffset":N,"index":N,"message":"…","violations":[…]}`
/// (absent fields left out).
public enum CloudEventProblem {
    /// The status for an error, by its code.
    public static func status(for code: CloudEventError.Code) -> HTTPResponse.Status {
        switch code {
        case .unsupportedFormat: .unsupportedMediaType
        case .limitExceeded: .contentTooLarge
        case .shutDown: .serviceUnavailable
        case .deadlineExceeded: .gatewayTimeout
        case .connectionFailed, .rejectedByPeer, .transportFailed: .badGateway
        case .headerBudgetExceeded: .internalServerError
        default: .badRequest
        }
    }

    /// The media type of problem bodies (RFC 9457 problem details, with CloudEvents members).
    public static let contentType = "application/problem+json"

    /// The JSON body for `error`.
    public static func body(for error: CloudEventError) -> [UInt8] {
        var json = JSONObjectWriter()
        json.add("code", string: error.code.rawValue)
        if let attribute = error.attribute { json.add("attribute", string: attribute) }
        if let byteOffset = error.byteOffset { json.add("byteOffset", number: byteOffset) }
        if let index = error.index { json.add("index", number: index) }
        json.add("message", string: error.message)
        if !error.violations.isEmpty {
            let violations = error.violations.map { violation in
                var item = JSONObjectWriter()
                item.add("code", string: violation.code.rawValue)
                if let attribute = violation.attribute { item.add("attribute", string: attribute) }
                item.add("message", string: violation.message)
                return item.finish()
            }
            json.add("violations", rawArray: violations)
        }
        return json.finish()
    }

    /// The body of a `500` for a handler failure that is not a `CloudEventError`: deliberately
    /// generic, so nothing about the handler's internals reaches the sender.
    public static let internalErrorBody = Array(#"{"code":"internal_error","message":"the event handler failed"}"#.utf8)
}

/// Writes one flat JSON object with string, number and pre-rendered array members.
private struct JSONObjectWriter {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]

    mutating func add(_ name: String, string value: String) {
        key(name)
        appendString(value)
    }

    mutating func add(_ name: String, number value: Int) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func add(_ name: String, rawArray items: [[UInt8]]) {
        key(name)
        bytes.append(UInt8(ascii: "["))
        for (position, item) in items.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    func finish() -> [UInt8] { bytes + [UInt8(ascii: "}")] }

    private mutating func key(_ name: String) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func appendString(_ text: String) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: Array(#"\n"#.utf8))
            case UInt8(ascii: "\r"): bytes.append(contentsOf: Array(#"\r"#.utf8))
            case UInt8(ascii: "\t"): bytes.append(contentsOf: Array(#"\t"#.utf8))
            case 0..<0x20:
                bytes.append(contentsOf: Array(#"\u00"#.utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
