/// Where a text value lives inside ``EventStorage/text``.
package struct TextRange: Sendable, Hashable {
    package var start: UInt32
    package var count: UInt32

    package init(start: UInt32, count: UInt32) {
        self.start = start
        self.count = count
    }

    package static let empty = TextRange(start: 0, count: 0)

    package var lowerBound: Int { Int(start) }
    package var upperBound: Int { Int(start) + Int(count) }
}

/// An extension attribute as stored: its name and value live in the event's text buffer unless
/// the value is a scalar.
package struct ExtensionSlot: Sendable {
    package enum Value: Sendable {
        case boolean(Bool)
        case integer(Int32)
        /// String, URI, URI-reference (UTF-8 text) or Binary (raw bytes) in the text buffer.
        case bytes(CloudEventAttributeType, TextRange)
        case timestamp(Timestamp)
    }

    package var name: TextRange
    package var value: Value

    package init(name: TextRange, value: Value) {
        self.name = name
        self.value = value
    }
}

/// The text of an event's attributes, in one buffer.
///
/// An event holds up to a dozen short strings. Keeping each as a Swift `String` costs one heap
/// allocation per string longer than 15 bytes; keeping them as ranges of one byte buffer costs
/// one allocation for all of them, and lets the JSON decoder store an unescaped attribute as a
/// range of the input it already copied. Replaced values leave their old bytes behind; the
/// buffer is compacted when that garbage outgrows the live text.
package struct EventStorage: Sendable {
    package var text: [UInt8]
    package var id = TextRange.empty
    package var source = TextRange.empty
    package var type = TextRange.empty
    package var subject: TextRange?
    package var dataContentType: TextRange?
    package var dataSchema: TextRange?
    package var extensions: [ExtensionSlot] = []

    package init(text: [UInt8] = []) {
        self.text = text
    }

    /// Stores a replacement value: compacts first if replaced values pile up, then appends.
    mutating func replacing(_ string: String) -> TextRange {
        compactIfWasteful(adding: string.utf8.count)
        return append(string)
    }

    /// Appends `string`'s UTF-8 and returns where it went.
    package mutating func append(_ string: String) -> TextRange {
        var string = string
        return string.withUTF8 { append(bytes: $0) }
    }

    /// Appends bytes and returns where they went. Never moves existing text: call
    /// ``compactIfWasteful(adding:)`` before a mutation, not between its appends.
    package mutating func append(bytes: UnsafeBufferPointer<UInt8>) -> TextRange {
        let start = text.count
        text.append(contentsOf: bytes)
        return TextRange(start: UInt32(truncatingIfNeeded: start), count: UInt32(truncatingIfNeeded: bytes.count))
    }

    /// Appends bytes and returns where they went.
    package mutating func append(bytes: some Collection<UInt8>) -> TextRange {
        if let range = bytes.withContiguousStorageIfAvailable({ append(bytes: $0) }) { return range }
        return append(bytes: Array(bytes))
    }

    package func string(_ range: TextRange) -> String {
        text.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[range.lowerBound..<range.upperBound]), as: UTF8.self)
        }
    }

    package func bytes(_ range: TextRange) -> ArraySlice<UInt8> {
        text[range.lowerBound..<range.upperBound]
    }

    package func withBytes<R>(_ range: TextRange, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try text.withUnsafeBufferPointer {
            try body(UnsafeBufferPointer(rebasing: $0[range.lowerBound..<range.upperBound]))
        }
    }

    /// Whether the bytes at `range` equal `other`'s bytes at `otherRange`.
    func bytesEqual(_ range: TextRange, _ other: EventStorage, _ otherRange: TextRange) -> Bool {
        guard range.count == otherRange.count else { return false }
        return withBytes(range) { mine in
            other.withBytes(otherRange) { theirs in
                ByteComparison.equal(mine, theirs)
            }
        }
    }

    /// Whether the bytes at `range` equal the ASCII/UTF-8 `name`.
    func bytesEqual(_ range: TextRange, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard range.count == name.count else { return false }
        return withBytes(range) { ByteComparison.equal($0, name) }
    }

    func extensionIndex(named name: String) -> Int? {
        var name = name
        return name.withUTF8 { nameBytes in extensionIndex(named: nameBytes) }
    }

    package func extensionIndex(named name: UnsafeBufferPointer<UInt8>) -> Int? {
        extensions.firstIndex { bytesEqual($0.name, name) }
    }

    // MARK: Compaction

    private var liveByteCount: Int {
        var total = Int(id.count) + Int(source.count) + Int(type.count)
        total += Int(subject?.count ?? 0) + Int(dataContentType?.count ?? 0) + Int(dataSchema?.count ?? 0)
        for slot in extensions {
            total += Int(slot.name.count)
            if case .bytes(_, let range) = slot.value { total += Int(range.count) }
        }
        return total
    }

    /// Rewrites the buffer without the bytes of replaced values when they outweigh the live text.
    /// It moves every range the storage holds, so a caller must not hold a range across it.
    package mutating func compactIfWasteful(adding count: Int) {
        guard text.count > 1024, text.count > 2 * (liveByteCount + count) else { return }
        var fresh = EventStorage(text: [])
        fresh.text.reserveCapacity(liveByteCount + count)
        let old = self
        func move(_ range: TextRange) -> TextRange {
            old.withBytes(range) { bytes in
                let start = fresh.text.count
                fresh.text.append(contentsOf: bytes)
                return TextRange(start: UInt32(truncatingIfNeeded: start), count: range.count)
            }
        }
        fresh.id = move(id)
        fresh.source = move(source)
        fresh.type = move(type)
        fresh.subject = subject.map(move)
        fresh.dataContentType = dataContentType.map(move)
        fresh.dataSchema = dataSchema.map(move)
        fresh.extensions = extensions.map { slot in
            var moved = ExtensionSlot(name: move(slot.name), value: slot.value)
            if case .bytes(let type, let range) = slot.value { moved.value = .bytes(type, move(range)) }
            return moved
        }
        self = fresh
    }
}
