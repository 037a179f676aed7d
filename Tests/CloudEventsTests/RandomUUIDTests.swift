import Testing

@testable import CloudEvents

@Suite struct RandomUUIDTests {
    private func checkFormat(_ uuid: String) {
        let bytes = Array(uuid.utf8)
        #expect(bytes.count == 36, "\(uuid)")
        guard bytes.count == 36 else { return }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                #expect(byte == UInt8(ascii: "-"), "\(uuid)")
            } else {
                let isLowerHex = (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
                #expect(isLowerHex, "\(uuid)")
            }
        }
        #expect(bytes[14] == UInt8(ascii: "4"), "version nibble of \(uuid)")
        #expect(Array("89ab".utf8).contains(bytes[19]), "variant nibble of \(uuid)")
    }

    @Test func formatVersionAndVariant() {
        for _ in 0..<1000 { checkFormat(RandomUUID.v4String()) }
    }

    @Test func thousandDistinct() {
        let uuids = Set((0..<1000).map { _ in RandomUUID.v4String() })
        #expect(uuids.count == 1000)
    }

    /// Generators that set every bit, or none, still get the version and variant forced.
    @Test func fixedBitsAreForced() {
        struct Constant: RandomNumberGenerator {
            let value: UInt64
            mutating func next() -> UInt64 { value }
        }
        var ones = Constant(value: .max)
        #expect(RandomUUID.v4String(using: &ones) == "ffffffff-ffff-4fff-bfff-ffffffffffff")
        var zeros = Constant(value: 0)
        #expect(RandomUUID.v4String(using: &zeros) == "00000000-0000-4000-8000-000000000000")
    }

    @Test func seededGeneratorIsDeterministic() {
        var a = SplitMix64(seed: 99)
        var b = SplitMix64(seed: 99)
        let first = RandomUUID.v4String(using: &a)
        #expect(first == RandomUUID.v4String(using: &b))
        #expect(first != RandomUUID.v4String(using: &a))
        checkFormat(first)
    }
}
