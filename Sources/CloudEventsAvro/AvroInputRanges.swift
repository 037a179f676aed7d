import CloudEvents

/// The decoders' access to ranges of their input (indices of the slice): copied into an event's
/// storage, compared or read as text, without a `String` on the way.
extension ArraySlice<UInt8> {
    func withBytes<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { buffer in
            try body(
                UnsafeBufferPointer(
                    rebasing: buffer[(range.lowerBound - startIndex)..<(range.upperBound - startIndex)]))
        }
    }

    func copy(_ range: Range<Int>, into storage: inout EventStorage) -> TextRange {
        withBytes(range) { storage.append(bytes: $0) }
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: self[range], as: UTF8.self)
    }

    func bytesEqual(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        guard first.count == second.count else { return false }
        return withBytes(first) { first in withBytes(second) { ByteComparison.equal(first, $0) } }
    }
}
