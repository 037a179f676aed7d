import CloudEvents

/// Avro's binary encoding of the primitive types this format uses (Avro 1.11 specification,
/// "Binary Encoding"): `long` and `int` as zig-zag variable-length integers, `bytes` and `string`
/// as a length and the bytes, maps as one block of entries and an empty block.
struct AvroBinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func writeLong(_ value: Int64) {
        var zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while zigzag >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    mutating func writeBoolean(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func writeBytes(_ value: some Collection<UInt8>) {
        writeLong(Int64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func writeString(_ value: StaticString) {
        value.withUTF8Buffer { writeBytes($0) }
    }

    /// A timestamp's RFC 3339 text as a `string`, written in place: its length (at most 35
    /// bytes) always fits the one-byte length written before it.
    mutating func writeTimestamp(_ value: Timestamp) {
        let lengthIndex = bytes.count
        bytes.append(0)
        value.write(into: &bytes)
        let length = bytes.count - lengthIndex - 1
        guard length < 64 else {
            // Unreachable for RFC 3339 text, kept correct rather than assumed.
            let text = Array(bytes[(lengthIndex + 1)...])
            bytes.removeSubrange(lengthIndex...)
            writeBytes(text)
            return
        }
        bytes[lengthIndex] = UInt8(length << 1)
    }
}
