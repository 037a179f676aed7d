#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte-string equality through the C library's `memcmp`, which the generic
/// `elementsEqual` does not reach on the hot paths of decoding and validation.
package enum ByteComparison {
    @inline(__always)
    package static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let left = a.baseAddress, let right = b.baseAddress else { return true }
        return memcmp(left, right, a.count) == 0
    }

    @inline(__always)
    package static func equal(_ a: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard a.count == literal.utf8CodeUnitCount else { return false }
        return literal.withUTF8Buffer { equal(a, $0) }
    }

    /// Whether `name` is a core attribute of `version`, or `data`.
    package static func isReservedName(_ name: UnsafeBufferPointer<UInt8>, in version: CloudEventSpecVersion) -> Bool {
        switch name.count {
        case 2: return equal(name, "id")
        case 4: return equal(name, "type") || equal(name, "time") || equal(name, "data")
        case 6: return equal(name, "source")
        case 7: return equal(name, "subject")
        case 9: return version == .v0_3 && equal(name, "schemaurl")
        case 10: return version == .v1_0 && equal(name, "dataschema")
        case 11: return equal(name, "specversion")
        case 15: return equal(name, "datacontenttype")
        case 19: return version == .v0_3 && equal(name, "datacontentencoding")
        default: return false
        }
    }
}
