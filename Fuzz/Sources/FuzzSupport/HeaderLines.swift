/// The framing of the broker-binding fuzz targets' inputs: header lines `name:value` (bytes as
/// they are, `\n`-terminated) up to an empty line, then the payload (none when the input has no
/// empty line). A line without `:` is skipped.
public struct HeaderLines {
    /// The headers, in order, with their value bytes.
    public var headers: [(name: String, value: [UInt8])] = []
    /// The bytes after the empty line; `nil` when there is none.
    public var payload: [UInt8]?

    /// Splits a fuzz input.
    public init(_ input: UnsafeRawBufferPointer) {
        var lineStart = 0
        var index = 0
        while index < input.count {
            guard input[index] == UInt8(ascii: "\n") else {
                index += 1
                continue
            }
            let line = input[lineStart..<index]
            if line.isEmpty {
                payload = Array(input[(index + 1)...])
                return
            }
            if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
                let name = String(decoding: input[lineStart..<colon], as: UTF8.self)
                headers.append((name, Array(input[(colon + 1)..<index])))
            }
            index += 1
            lineStart = index
        }
    }
}
