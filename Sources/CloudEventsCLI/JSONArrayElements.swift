/// Finds where each element of a top-level JSON array starts and ends, without decoding it.
///
/// `validate` decodes a batch in one pass with the library's batch decoder, which stops at the
/// first invalid event. Only when that fails does it split the array with this scanner and decode
/// the elements one by one, to report every invalid event rather than the first.
enum JSONArrayElements {
    /// The byte ranges of the elements of the array that `bytes` hold (white space around each
    /// element excluded), or `nil` when the bytes are not shaped like one array: then the batch
    /// decoder's own error is the report.
    static func ranges(in bytes: [UInt8]) -> [Range<Int>]? {
        var index = skipWhitespace(bytes, from: 0)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
        index = skipWhitespace(bytes, from: index + 1)
        var ranges: [Range<Int>] = []
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            return skipWhitespace(bytes, from: index + 1) == bytes.count ? ranges : nil
        }
        while index < bytes.count {
            let start = index
            guard let end = endOfValue(bytes, from: start) else { return nil }
            ranges.append(start..<end)
            index = skipWhitespace(bytes, from: end)
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "]") {
                return skipWhitespace(bytes, from: index + 1) == bytes.count ? ranges : nil
            }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipWhitespace(bytes, from: index + 1)
        }
        return nil
    }

    /// Where the value starting at `start` ends: after its closing bracket or quote, or before the
    /// `,`, `]` or white space that ends a bare literal. `nil` when the input ends first.
    private static func endOfValue(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                guard let closing = endOfString(bytes, from: index) else { return nil }
                index = closing
                if depth == 0 { return index }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return index }  // the end of the batch after a bare literal
                depth -= 1
                if depth == 0 { return index + 1 }
            case UInt8(ascii: ","):
                if depth == 0 { return index }
            default:
                if depth == 0 && EventFileReader.isJSONWhitespace(byte) { return index }
            }
            index += 1
        }
        return depth == 0 && index > start ? index : nil
    }

    /// The index just after the string that opens at `start`, skipping escaped characters.
    private static func endOfString(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return nil
    }

    private static func skipWhitespace(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count && EventFileReader.isJSONWhitespace(bytes[index]) { index += 1 }
        return index
    }
}
