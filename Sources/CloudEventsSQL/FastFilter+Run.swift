import CloudEvents

extension FastFilter {
    /// The expression's value on `event` (with no error), or `nil` when some attribute it reads
    /// is not stored in the shape its step needs: then only the general tree can answer.
    func run(_ event: CloudEvent) -> Bool? {
        let storage = event.storage
        return steps.withUnsafeBufferPointer { steps in
            bytes.withUnsafeBufferPointer { bytes in
                storage.text.withUnsafeBufferPointer { text in
                    storage.extensions.withUnsafeBufferPointer { extensions in
                        patterns.withUnsafeBufferPointer { patterns in
                            Run(
                                steps: steps, bytes: bytes, text: text, extensions: extensions, patterns: patterns,
                                storage: storage, specVersion: event.specVersion
                            ).value(steps.count - 1)
                        }
                    }
                }
            }
        }
    }
}

/// One evaluation of a ``FastFilter``: the buffers it reads, borrowed for its duration, and the
/// event's core text ranges.
private struct Run {
    let steps: UnsafeBufferPointer<FastFilter.Step>
    let bytes: UnsafeBufferPointer<UInt8>
    let text: UnsafeBufferPointer<UInt8>
    let extensions: UnsafeBufferPointer<ExtensionSlot>
    let patterns: UnsafeBufferPointer<LikePattern>
    let id, source, type: TextRange
    let subject, dataContentType, dataSchema: TextRange?
    let specVersion: CloudEventSpecVersion

    init(
        steps: UnsafeBufferPointer<FastFilter.Step>, bytes: UnsafeBufferPointer<UInt8>,
        text: UnsafeBufferPointer<UInt8>, extensions: UnsafeBufferPointer<ExtensionSlot>,
        patterns: UnsafeBufferPointer<LikePattern>, storage: borrowing EventStorage, specVersion: CloudEventSpecVersion
    ) {
        self.steps = steps
        self.bytes = bytes
        self.text = text
        self.extensions = extensions
        self.patterns = patterns
        id = storage.id
        source = storage.source
        type = storage.type
        subject = storage.subject
        dataContentType = storage.dataContentType
        dataSchema = storage.dataSchema
        self.specVersion = specVersion
    }

    /// The value of step `index`; AND and OR short-circuit as the general evaluator does.
    func value(_ index: Int) -> Bool? {
        switch steps[index] {
        case .and(let left, let right):
            guard let x = value(left) else { return nil }
            return x ? value(right) : false
        case .or(let left, let right):
            guard let x = value(left) else { return nil }
            return x ? true : value(right)
        case .xor(let left, let right):
            guard let x = value(left), let y = value(right) else { return nil }
            return x != y
        case .not(let operand):
            return value(operand).map { !$0 }
        case .exists(let field):
            return exists(field)
        case .textEquals(let field, let literal, let negated):
            guard let stored = storedText(field) else { return nil }
            return Run.equal(stored, slice(literal)) != negated
        case .textHasPrefix(let field, let prefix, let negated):
            guard let stored = storedText(field) else { return nil }
            let expected = slice(prefix)
            guard stored.count >= expected.count else { return negated }
            return Run.equal(UnsafeBufferPointer(rebasing: stored[..<expected.count]), expected) != negated
        case .textLike(let field, let pattern, let negated):
            guard let stored = storedText(field) else { return nil }
            return patterns[pattern].matches(utf8: stored) != negated
        case .integerOrdering(let orderingOperator, let field, let literal):
            guard case .extension(let name) = field, case .integer(let stored) = extensionValue(name) else {
                return nil
            }
            return Evaluator.compare(orderingOperator, stored, literal)
        }
    }

    private func slice(_ range: TextRange) -> UnsafeBufferPointer<UInt8> {
        Run.slice(bytes, range)
    }

    /// The stored UTF-8 of a text attribute (String, URI, URI-reference); `nil` when absent or
    /// stored otherwise.
    private func storedText(_ field: FastFilter.Field) -> UnsafeBufferPointer<UInt8>? {
        let range: TextRange?
        switch field {
        case .id: range = id
        case .source: range = source
        case .type: range = type
        case .subject: range = subject
        case .dataContentType: range = dataContentType
        case .dataSchema(let version): range = specVersion == version ? dataSchema : nil
        case .extension(let name):
            guard case .bytes(let type, let stored) = extensionValue(name),
                type == .string || type == .uri || type == .uriReference
            else { return nil }
            range = stored
        }
        guard let range else { return nil }
        return Run.slice(text, range)
    }

    /// Whether the attribute is present; `nil` for `dataschema`/`schemaurl` in the other version.
    private func exists(_ field: FastFilter.Field) -> Bool? {
        switch field {
        case .id, .source, .type: true
        case .subject: subject != nil
        case .dataContentType: dataContentType != nil
        case .dataSchema(let version): specVersion == version ? dataSchema != nil : nil
        case .extension(let name): extensionValue(name) != nil
        }
    }

    /// The stored value of the extension whose name has the bytes at `name`.
    private func extensionValue(_ name: TextRange) -> ExtensionSlot.Value? {
        let wanted = slice(name)
        for slot in extensions where slot.name.count == name.count {
            if Run.equal(
                Run.slice(text, slot.name), wanted)
            {
                return slot.value
            }
        }
        return nil
    }

    /// The bytes of `buffer` at `range` (ranges are made by the event's storage or by
    /// ``FastFilter``, within their buffers).
    @inline(__always)
    private static func slice(_ buffer: UnsafeBufferPointer<UInt8>, _ range: TextRange) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buffer[Int(range.start)..<Int(range.start) + Int(range.count)])
    }

    /// Byte equality, eight bytes at a time: attribute values are short, so this beats a call.
    @inline(__always)
    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        let left = UnsafeRawPointer(x)
        let right = UnsafeRawPointer(y)
        var offset = 0
        while offset + 8 <= a.count {
            guard
                left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            else { return false }
            offset += 8
        }
        while offset < a.count {
            guard x[offset] == y[offset] else { return false }
            offset += 1
        }
        return true
    }
}
