/// The framing of the broker-binding fuzz targets' inputs: `\n`-terminated lines up to an empty
/// line, then the payload (none when the input has no empty line). Most targets read the lines
/// as headers `name:value` (bytes as they are; a line without `:` is skipped).
public struct HeaderLines {
    /// The lines before the empty one, in order, without their `\n`.
    public var lines: [ArraySlice<UInt8>] = []
    /// The bytes after the empty line; `nil` when there is none.
    public var payload: [UInt8]?

    /// Splits a fuzz input.
    public init(_ input: UnsafeRawBufferPointer) {
        let bytes = Array(input)
        var lineStart = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            guard index > lineStart else {
                payload = Array(bytes[(index + 1)...])
                return
            }
            lines.append(bytes[lineStart..<index])
            lineStart = index + 1
        }
    }

    /// The lines as headers: the name before the first `:`, the value bytes after it.
    public var headers: [(name: String, value: [UInt8])] {
        lines.compactMap { line in
            line.firstIndex(of: UInt8(ascii: ":")).map { colon in
                (String(decoding: line[..<colon], as: UTF8.self), Array(line[(colon + 1)...]))
            }
        }
    }
}
