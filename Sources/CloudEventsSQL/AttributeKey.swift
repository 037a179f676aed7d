import CloudEvents

/// An attribute name resolved when the expression is compiled: which stored field of an event
/// holds it, so that evaluation reads the field without comparing the name to each core name.
///
/// It serves only the evaluator's fast paths: when it cannot give the value directly (the
/// attribute is absent, is not stored in the shape a path needs, or is computed), the evaluator
/// takes the general path, which looks the attribute up by name and gives the same answer.
enum AttributeKey: Sendable {
    case id, source, type, subject, dataContentType
    /// `dataschema` (core in 1.0) or `schemaurl` (core in 0.3): the core field in `version`, an
    /// extension of that name in the other version (left to the general path).
    case dataSchema(coreIn: CloudEventSpecVersion)
    /// `specversion`, `time`, `datacontentencoding`: not stored as text or an Integer (left to
    /// the general path).
    case computed
    /// Any other name: an extension attribute, by the UTF-8 bytes of its name.
    case `extension`([UInt8])

    init(_ name: String) {
        switch name {
        case "id": self = .id
        case "source": self = .source
        case "type": self = .type
        case "subject": self = .subject
        case "datacontenttype": self = .dataContentType
        case "dataschema": self = .dataSchema(coreIn: .v1_0)
        case "schemaurl": self = .dataSchema(coreIn: .v0_3)
        case "specversion", "time", "datacontentencoding": self = .computed
        default: self = .extension(Array(name.utf8))
        }
    }
}

extension CloudEvent {
    /// Runs `body` on the stored UTF-8 bytes of the text attribute at `key` (a String, URI or
    /// URI-reference, core or extension), so that `=` and `LIKE` compare bytes instead of
    /// building a `String`. `nil` when the event lacks the attribute or does not store it as text.
    func withText<Result>(_ key: AttributeKey, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let range: TextRange?
        switch key {
        case .id: range = storage.id
        case .source: range = storage.source
        case .type: range = storage.type
        case .subject: range = storage.subject
        case .dataContentType: range = storage.dataContentType
        case .dataSchema(let version): range = specVersion == version ? storage.dataSchema : nil
        case .computed: range = nil
        case .extension(let name):
            guard let slot = extensionSlot(named: name), case .bytes(let type, let text) = slot,
                type == .string || type == .uri || type == .uriReference
            else { return nil }
            range = text
        }
        guard let range else { return nil }
        return storage.text.withUnsafeBufferPointer {
            body(UnsafeBufferPointer(rebasing: $0[range.lowerBound..<range.upperBound]))
        }
    }

    /// The value of the Integer extension attribute at `key`; `nil` when the event lacks it or it
    /// is not an Integer.
    func storedInteger(_ key: AttributeKey) -> Int32? {
        guard case .extension(let name) = key, case .integer(let value) = extensionSlot(named: name) else {
            return nil
        }
        return value
    }

    /// The stored value of the extension attribute whose name has the UTF-8 bytes `name`.
    private func extensionSlot(named name: [UInt8]) -> ExtensionSlot.Value? {
        let storage = self.storage
        let index = name.withUnsafeBufferPointer { storage.extensionIndex(named: $0) }
        return index.map { storage.extensions[$0].value }
    }
}
