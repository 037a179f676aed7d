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

    mutating func writeString(_ value: String) {
        writeBytes(value.utf8)
    }
}
