/// Splits a stream of bytes into the top-level JSON values it holds, one after another, as they
/// complete: `{...}` and `[...]` separated by any white space (one event per line, say), so that a
/// reader can handle each value before the stream ends.
///
/// It tracks only brackets and strings (escapes included); what each value holds is for the JSON
/// decoder to judge. Bytes that are neither white space nor inside a bracketed value form a value
/// of their own up to the next white space, so that the decoder reports them.
struct JSONValueFramer {
    private var buffer: [UInt8] = []
    /// Where scanning resumes in `buffer`, and the state there.
    private var index = 0
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var start: Int?

    /// Adds `bytes`; returns the values they completed, in order.
    mutating func append(_ bytes: [UInt8]) -> [[UInt8]] {
        buffer.append(contentsOf: bytes)
        var values: [[UInt8]] = []
        while index < buffer.count {
            let byte = buffer[index]
            defer { index += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            if start == nil {
                if EventFileReader.isJSONWhitespace(byte) { continue }
                start = index
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth <= 0 { values.append(take(through: index)) }
            default:
                if depth == 0 && EventFileReader.isJSONWhitespace(byte) { values.append(take(through: index - 1)) }
            }
        }
        // Drop what has been returned, so the buffer holds at most the value in progress.
        if let begun = start {
            buffer.removeSubrange(0..<begun)
            index -= begun
            start = 0
        } else {
            buffer.removeAll(keepingCapacity: true)
            index = 0
        }
        return values
    }

    /// At the end of the stream: the value in progress, if one began (incomplete, for the decoder
    /// to report), and nothing else.
    mutating func finish() -> [UInt8]? {
        guard let begun = start else { return nil }
        let rest = Array(buffer[begun...])
        buffer.removeAll()
        index = 0
        start = nil
        depth = 0
        inString = false
        escaped = false
        return rest
    }

    /// The value from `start` through `end`; scanning goes on after it.
    private mutating func take(through end: Int) -> [UInt8] {
        let value = Array(buffer[(start ?? 0)...end])
        start = nil
        depth = 0
        return value
    }
}
