import CloudEvents
import HTTPTypes

/// Writes an event's attributes as `ce-` header fields and its data as the body.
///
/// Values are percent-encoded into one scratch buffer first, so the header budget is checked
/// before any `HTTPField` exists, and nothing is built for an event that will not be sent this way.
enum BinaryModeEncoder {
    /// One planned header field: its name and where its encoded value sits in the scratch buffer.
    private struct PlannedField {
        var name: HTTPField.Name
        var attribute: String
        var start: Int
        var count: Int
        var wireSize: Int { name.canonicalName.utf8.count + count + 4 }
    }

    /// The outcome when the event does not fit the budget: the attributes by size, largest first.
    struct Overflow: Error {
        var totalBytes: Int
        var largest: [(attribute: String, bytes: Int)]
        var fieldOverLimit: String?

        func describe(budget: HTTPHeaderBudget) -> String {
            let names = largest.prefix(3).map { "\($0.attribute) (\($0.bytes) bytes)" }.joined(separator: ", ")
            if let fieldOverLimit {
                return "header field for \(fieldOverLimit) exceeds the per-field budget of \(budget.maximumFieldBytes)"
                    + " bytes; largest attributes: \(names)"
            }
            return "binary-mode headers need \(totalBytes) bytes, over the budget of \(budget.maximumTotalBytes);"
                + " largest attributes: \(names)"
        }
    }

    /// Encodes a validated event; throws ``Overflow`` when it does not fit `budget`.
    static func encode(_ event: CloudEvent, budget: HTTPHeaderBudget) throws(Overflow) -> EncodedHTTPMessage {
        let storage = event.storage
        var scratch: [UInt8] = []
        scratch.reserveCapacity(storage.text.count + 64)
        var planned: [PlannedField] = []
        planned.reserveCapacity(8 + storage.extensions.count)

        func plan(_ name: HTTPField.Name, _ attribute: String, _ write: (inout [UInt8]) -> Void) {
            let start = scratch.count
            write(&scratch)
            planned.append(PlannedField(name: name, attribute: attribute, start: start, count: scratch.count - start))
        }
        func planText(_ name: HTTPField.Name, _ attribute: String, _ range: TextRange) {
            plan(name, attribute) { output in storage.withBytes(range) { PercentEncoding.encode($0, into: &output) } }
        }

        plan(.ceSpecVersion, "specversion") { $0.append(contentsOf: event.specVersion.rawValue.utf8) }
        planText(.ceID, "id", storage.id)
        planText(.ceSource, "source", storage.source)
        planText(.ceType, "type", storage.type)
        if let subject = storage.subject { planText(.ceSubject, "subject", subject) }
        if let time = event.time { plan(.ceTime, "time") { time.write(into: &$0) } }
        if let schema = storage.dataSchema {
            event.specVersion == .v1_0
                ? planText(.ceDataSchema, "dataschema", schema) : planText(.ceSchemaURL, "schemaurl", schema)
        }
        for slot in storage.extensions {
            let attribute = storage.string(slot.name)
            // Extension names are [a-z0-9]+ (validated), so "ce-" + name is always a valid token.
            guard let name = HTTPField.Name("ce-" + attribute) else { continue }
            plan(name, attribute) { output in writeValue(slot.value, storage, into: &output) }
        }
        if let contentType = event.storage.dataContentType {
            plan(.contentType, "datacontenttype") { output in storage.withBytes(contentType) { output.append(contentsOf: $0) } }
        } else if event.data?.kind == .json {
            // The JSON format implies application/json; the binding SHOULD state it explicitly.
            plan(.contentType, "datacontenttype") { $0.append(contentsOf: "application/json".utf8) }
        }

        var total = 0
        var fieldOverLimit: String?
        for field in planned {
            total += field.wireSize
            if field.wireSize > budget.maximumFieldBytes && fieldOverLimit == nil { fieldOverLimit = field.attribute }
        }
        if total > budget.maximumTotalBytes || fieldOverLimit != nil {
            let largest = planned.map { ($0.attribute, $0.wireSize) }.sorted { $0.1 > $1.1 }
            throw Overflow(totalBytes: total, largest: largest, fieldOverLimit: fieldOverLimit)
        }

        var fields = HTTPFields()
        fields.reserveCapacity(planned.count)
        scratch.withUnsafeBufferPointer { buffer in
            for field in planned {
                // Values are printable ASCII by construction. The String and subscript paths of
                // swift-http-types are inlinable (specialised here); its generic byte-collection
                // initialiser and RangeReplaceableCollection.append are not, and cost several
                // times more. Names are distinct, so the subscript only ever appends.
                let bytes = UnsafeBufferPointer(rebasing: buffer[field.start..<field.start + field.count])
                fields[field.name] = String(decoding: bytes, as: UTF8.self)
            }
        }
        return EncodedHTTPMessage(headerFields: fields, body: event.data.map { Array($0.bytes) } ?? [], mode: .binary)
    }

    private static func writeValue(_ value: ExtensionSlot.Value, _ storage: EventStorage, into output: inout [UInt8]) {
        switch value {
        case .boolean(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let integer): output.append(contentsOf: String(integer).utf8)
        case .timestamp(let timestamp): timestamp.write(into: &output)
        case .bytes(.binary, let range):
            storage.withBytes(range) { Base64.encode($0, into: &output) }
        case .bytes(_, let range):
            storage.withBytes(range) { PercentEncoding.encode($0, into: &output) }
        }
    }
}
