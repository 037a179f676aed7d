/// Where a text value lives inside ``EventStorage/text``.
struct TextRange: Sendable, Hashable {
    var start: UInt32
    var count: UInt32

    static let empty = TextRange(start: 0, count: 0)

    var lowerBound: Int { Int(start) }
    var upperBound: Int { Int(start) + Int(count) }
}

/// An extension attribute as stored: its name and value live in the event's text buffer unless
/// the value is a scalar.
struct ExtensionSlot: Sendable {
    enum Value: Sendable {
        case boolean(Bool)
        case integer(Int32)
        /// String, URI, URI-reference (UTF-8 text) or Binary (raw bytes) in the text buffer.
        case bytes(CloudEventAttributeType, TextRange)
        case timestamp(Timestamp)
    }

    var name: TextRange
    var value: Value
}

/// The text of an event's attributes, in one buffer.
///
/// An event holds up to a dozen short strings. Keeping each as a Swift `String` costs one heap
/// allocation per string longer than 15 bytes; keeping them as ranges of one byte buffer costs
/// one allocation for all of them, and lets the JSON decoder store an unescaped attribute as a
/// range of the input it already copied. Replaced values leave their old bytes behind; the
/// buffer is compacted when that garbage outgrows the live text.
struct EventStorage: Sendable {
    var text: [UInt8]
    var id = TextRange.empty
    var source = TextRange.empty
    var type = TextRange.empty
    var subject: TextRange?
    var dataContentType: TextRange?
    var dataSchema: TextRange?
    var extensions: [ExtensionSlot] = []

    init(text: [UInt8] = []) {
        self.text = text
    }

    /// Appends `string`'s UTF-8 and returns where it went.
    mutating func append(_ string: String) -> TextRange {
        var string = string
        return string.withUTF8 { append(bytes: $0) }
    }

    /// Appends bytes and returns where they went.
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) -> TextRange {
        compactIfWasteful(adding: bytes.count)
        let start = text.count
        text.append(contentsOf: bytes)
        return TextRange(start: UInt32(truncatingIfNeeded: start), count: UInt32(truncatingIfNeeded: bytes.count))
    }

    /// Appends bytes and returns where they went.
    mutating func append(bytes: some Collection<UInt8>) -> TextRange {
        if let range = bytes.withContiguousStorageIfAvailable({ append(bytes: $0) }) { return range }
        return append(bytes: Array(bytes))
    }

    func string(_ range: TextRange) -> String {
        text.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[range.lowerBound..<range.upperBound]), as: UTF8.self)
        }
    }

    func bytes(_ range: TextRange) -> ArraySlice<UInt8> {
        text[range.lowerBound..<range.upperBound]
    }

    func withBytes<R>(_ range: TextRange, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
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

    func extensionIndex(named name: UnsafeBufferPointer<UInt8>) -> Int? {
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

    private mutating func compactIfWasteful(adding count: Int) {
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
