#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Random (version 4) UUIDs, the default CloudEvents `id`, without Foundation.
enum RandomUUID {
    /// A lowercase RFC 9562 version-4 UUID (`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`, y in 8...b)
    /// from the system's cryptographically secure source, so ids from independent producers do
    /// not collide and cannot be predicted.
    static func v4String() -> String {
        #if canImport(Glibc) || canImport(Musl)
            // On Linux SystemRandomNumberGenerator makes one getrandom system call per 64 bits;
            // getentropy(3) fetches all 128 in one, which halves the cost of an id. It cannot fail
            // for 16 bytes on a supported kernel, but if it does the generator below is used.
            var words: (UInt64, UInt64) = (0, 0)
            let status = withUnsafeMutableBytes(of: &words) { getentropy($0.baseAddress, $0.count) }
            if status == 0 { return format(high: words.0, low: words.1) }
        #endif
        var generator = SystemRandomNumberGenerator()
        return v4String(using: &generator)
    }

    /// ``v4String()`` with a chosen generator, so tests can be deterministic.
    static func v4String<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let high: UInt64 = generator.next()
        let low: UInt64 = generator.next()
        return format(high: high, low: low)
    }

    /// Sets the version and variant bits in 128 random bits and renders them as 36 characters.
    private static func format(high: UInt64, low: UInt64) -> String {
        // Byte 6 (bits 15...12 of `high`) carries the version, byte 8 (top of `low`) the variant.
        let high = (high & ~0x0000_0000_0000_F000) | 0x0000_0000_0000_4000
        let low = (low & ~0xC000_0000_0000_0000) | 0x8000_0000_0000_0000
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { text in
            let digits: StaticString = "0123456789abcdef"
            let hex = digits.utf8Start
            var o = 0
            for nibble in 0..<32 {
                if nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20 {
                    text[o] = UInt8(ascii: "-")
                    o += 1
                }
                let word = nibble < 16 ? high : low
                let shift = UInt64(60 - 4 * (nibble % 16))
                text[o] = hex[Int(word >> shift & 0xF)]
                o += 1
            }
            return String(decoding: UnsafeBufferPointer(text), as: UTF8.self)
        }
    }
}
