import HTTPTypes

/// How an HTTP fuzz input becomes header fields and a body.
///
/// The input is lines `name: value` separated by LF, up to the first empty line; everything after
/// that line is the body (which may contain anything). A line without `:` or whose name is not a
/// valid field name is skipped; one space after the colon is dropped and the rest of the value is
/// kept byte for byte (a CR before the LF included), through swift-http-types' lenient value
/// initializer, which is what HTTP servers use: it turns only NUL, CR and LF into spaces, so
/// the decoder sees tabs, other control bytes and obs-text (0x80-0xFF) as sent. Without an empty
/// line the whole input is header lines and the body is empty.
///
/// ```
/// ce-specversion: 1.0
/// ce-id: 1
/// content-type: text/plain
///
/// hello
/// ```
public enum HTTPMessageFraming {
    /// Splits a fuzz input into header fields and a body.
    public static func parse(_ input: UnsafeRawBufferPointer) -> (HTTPFields, [UInt8]) {
        var fields = HTTPFields()
        var lineStart = 0
        let count = input.count
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count, input[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            if lineEnd == lineStart {
                // The empty line: the body follows.
                return (fields, Array(input[(lineStart + 1)...]))
            }
            appendField(UnsafeRawBufferPointer(rebasing: input[lineStart..<lineEnd]), to: &fields)
            lineStart = lineEnd + 1
        }
        return (fields, [])
    }

    private static func appendField(_ line: UnsafeRawBufferPointer, to fields: inout HTTPFields) {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let nameText = String(decoding: line[..<colon], as: UTF8.self)
        guard let name = HTTPField.Name(nameText) else { return }
        var valueStart = colon + 1
        if valueStart < line.count, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        fields.append(HTTPField(name: name, lenientValue: line[valueStart...]))
    }

    /// Renders header fields and a body in the framing `parse` reads (for seed corpora).
    public static func render(_ fields: HTTPFields, body: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        for field in fields {
            output.append(contentsOf: field.name.rawName.utf8)
            output.append(contentsOf: ": ".utf8)
            field.withUnsafeBytesOfValue { output.append(contentsOf: $0) }
            output.append(UInt8(ascii: "\n"))
        }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: body)
        return output
    }
}
