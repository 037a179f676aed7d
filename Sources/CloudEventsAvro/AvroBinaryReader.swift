import CloudEvents

/// Reads Avro's binary encoding, bounds-checked: every failure is a
/// ``/CloudEvents/CloudEventError`` with code ``/CloudEvents/CloudEventError/Code/malformedInput``
/// and the byte offset where the value starts.
struct AvroBinaryReader {
    let bytes: ArraySlice<UInt8>
    private(set) var offset: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    /// The offset from the start of the input, for messages.
    var position: Int { offset - bytes.startIndex }

    var isAtEnd: Bool { offset == bytes.endIndex }

    func failure(_ message: String, at position: Int? = nil, attribute: String? = nil) -> CloudEventError {
        let at = position ?? self.position
        return CloudEventError(
            .malformedInput, attribute: attribute, byteOffset: at, message: "Avro: \(message) (byte \(at))")
    }

    mutating func readLong() throws -> Int64 {
        let start = position
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.endIndex else { throw failure("the input ends inside a number", at: start) }
            let byte = bytes[offset]
            offset += 1
            guard shift < 64, shift < 63 || byte <= 1 else { throw failure("a number longer than 64 bits", at: start) }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        return Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    mutating func readInt() throws -> Int32 {
        let start = position
        let value = try readLong()
        guard let int = Int32(exactly: value) else { throw failure("\(value) is outside Avro's int", at: start) }
        return int
    }

    mutating func readBoolean() throws -> Bool {
        guard offset < bytes.endIndex else { throw failure("the input ends inside a boolean") }
        let byte = bytes[offset]
        guard byte <= 1 else { throw failure("a boolean must be 0 or 1, not \(byte)") }
        offset += 1
        return byte == 1
    }

    mutating func readDouble() throws -> Double {
        guard bytes.endIndex - offset >= 8 else { throw failure("the input ends inside a double") }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func readBytes() throws -> ArraySlice<UInt8> {
        let start = position
        let length = try readLong()
        guard length >= 0 else { throw failure("a negative length \(length)", at: start) }
        guard length <= bytes.endIndex - offset else {
            throw failure("a length of \(length) bytes runs past the end of the input", at: start)
        }
        let value = bytes[offset..<offset + Int(length)]
        offset += Int(length)
        return value
    }

    mutating func readString(attribute: String? = nil) throws -> String {
        let start = position
        let value = try readBytes()
        guard let text = String(validating: value, as: UTF8.self) else {
            throw failure("a string that is not UTF-8", at: start, attribute: attribute)
        }
        return text
    }

    /// A `string`'s bytes, checked to be UTF-8: where they are in the input.
    mutating func readStringRange(attribute: @autoclosure () -> String? = nil) throws -> Range<Int> {
        let start = position
        let value = try readBytes()
        guard value.withUnsafeBufferPointer({ StringRules.validateUTF8($0) }) == nil else {
            throw failure("a string that is not UTF-8", at: start, attribute: attribute())
        }
        return value.indices
    }

    /// The union branch index, checked against the number of branches.
    mutating func readUnionIndex(branches: Int, of what: @autoclosure () -> String) throws -> Int {
        let start = position
        let index = try readLong()
        guard index >= 0, index < branches else {
            throw failure("union branch \(index) of \(what()), which has \(branches)", at: start)
        }
        return Int(index)
    }

    /// Reads the blocks of a map or an array, calling `item` for each entry, within `limit`
    /// entries in all.
    mutating func readBlocks(limit: Int, of what: String, _ item: (inout AvroBinaryReader) throws -> Void) throws {
        var total = 0
        while true {
            let start = position
            var count = try readLong()
            if count == 0 { return }
            if count < 0 {
                guard count != .min else { throw failure("a block count out of range", at: start) }
                count = -count
                _ = try readLong()  // the block's size in bytes, which a reader may use to skip it
            }
            guard count <= limit - total else {
                throw CloudEventError(
                    .limitExceeded, byteOffset: start,
                    message: "Avro: \(what) has more than \(limit) entries (byte \(start))")
            }
            total += Int(count)
            for _ in 0..<count { try item(&self) }
        }
    }
}
