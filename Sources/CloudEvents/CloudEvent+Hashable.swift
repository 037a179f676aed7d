/// Equality by value: the same attributes (extensions in any order) and the same data.
///
/// Timestamps compare by their text (see ``Timestamp``), so `...Z` and `...+00:00` differ here.
extension CloudEvent: Hashable {
    /// Whether both events have the same attributes and data; extension order does not matter.
    public static func == (lhs: CloudEvent, rhs: CloudEvent) -> Bool {
        let a = lhs.storage
        let b = rhs.storage
        guard lhs.specVersion == rhs.specVersion, lhs.time == rhs.time, lhs.data == rhs.data,
            a.bytesEqual(a.id, b, b.id), a.bytesEqual(a.source, b, b.source), a.bytesEqual(a.type, b, b.type),
            optionalEqual(a, a.subject, b, b.subject),
            optionalEqual(a, a.dataContentType, b, b.dataContentType),
            optionalEqual(a, a.dataSchema, b, b.dataSchema),
            a.extensions.count == b.extensions.count
        else { return false }
        for slot in a.extensions {
            let found = a.withBytes(slot.name) { b.extensionIndex(named: $0) }
            guard let index = found, slotValuesEqual(a, slot.value, b, b.extensions[index].value) else {
                return false
            }
        }
        return true
    }

    /// Hashes attributes and data; extensions contribute independently of their order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(specVersion)
        hasher.combine(time)
        hasher.combine(data)
        for range in [storage.id, storage.source, storage.type] {
            storage.withBytes(range) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(range.count)
        }
        for range in [storage.subject, storage.dataContentType, storage.dataSchema] {
            if let range {
                storage.withBytes(range) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
                hasher.combine(range.count)
            } else {
                hasher.combine(-1)
            }
        }
        var extensionsHash = 0
        for slot in storage.extensions {
            var slotHasher = Hasher()
            storage.withBytes(slot.name) { slotHasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            slotHasher.combine(attributeValue(of: slot.value))
            extensionsHash = extensionsHash &+ slotHasher.finalize()
        }
        hasher.combine(extensionsHash)
    }
}

private func optionalEqual(_ a: EventStorage, _ x: TextRange?, _ b: EventStorage, _ y: TextRange?) -> Bool {
    switch (x, y) {
    case (nil, nil): true
    case (let x?, let y?): a.bytesEqual(x, b, y)
    default: false
    }
}

private func slotValuesEqual(_ a: EventStorage, _ x: ExtensionSlot.Value, _ b: EventStorage, _ y: ExtensionSlot.Value)
    -> Bool
{
    switch (x, y) {
    case (.boolean(let x), .boolean(let y)): x == y
    case (.integer(let x), .integer(let y)): x == y
    case (.timestamp(let x), .timestamp(let y)): x == y
    case (.bytes(let xType, let x), .bytes(let yType, let y)): xType == yType && a.bytesEqual(x, b, y)
    default: false
    }
}
