import CloudEvents

extension CloudEvent {
    /// Runs `body` on the stored UTF-8 bytes of a text attribute (a String, URI or URI-reference,
    /// core or extension), so that `=` and `LIKE` on it compare bytes instead of building a
    /// `String`: the evaluator's allocation-free path. `nil` when the event lacks the attribute or
    /// does not store it as text (`specversion`, `time`, Booleans, Integers, Binary): the caller
    /// then takes the general path, which gives the same answer.
    func withTextAttribute<Result>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let storage = self.storage
        let range: TextRange?
        switch name {
        case "id": range = storage.id
        case "source": range = storage.source
        case "type": range = storage.type
        case "subject": range = storage.subject
        case "datacontenttype": range = storage.dataContentType
        case "dataschema" where specVersion == .v1_0: range = storage.dataSchema
        case "schemaurl" where specVersion == .v0_3: range = storage.dataSchema
        case "specversion", "time", "dataschema", "schemaurl", "datacontentencoding": return nil
        default:
            var name = name
            guard let index = name.withUTF8({ storage.extensionIndex(named: $0) }),
                case .bytes(let type, let text) = storage.extensions[index].value, type != .binary
            else { return nil }
            range = text
        }
        guard let range else { return nil }
        return storage.withBytes(range, body)
    }
}
