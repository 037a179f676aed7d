import CloudEvents

/// Builds the event of a decoded Avro message: the attribute map's entries, then the data.
enum AvroEventAssembly {
    static func event(
        attributes: [(name: String, value: CloudEventAttributeValue?)], data: AvroDataReader.Value,
        maximumJSONDepth: Int
    ) throws -> CloudEvent {
        var values: [String: CloudEventAttributeValue] = [:]
        var order: [String] = []
        for (name, value) in attributes {
            guard !order.contains(name) else {
                throw CloudEventError(
                    .malformedInput, attribute: name, message: "Avro: attribute \(name) appears more than once")
            }
            order.append(name)
            values[name] = value  // `null` is absent, as in the JSON format
        }
        func text(_ name: String) throws -> String? {
            switch values[name] {
            case nil: return nil
            case .string(let text): return text
            case let other?:
                throw CloudEventError(
                    .attributeTypeMismatch, attribute: name,
                    message: "Avro: attribute \(name) must be an Avro string, not \(other.type)")
            }
        }
        guard let versionText = try text("specversion") else {
            throw CloudEventError(.missingAttribute, attribute: "specversion", message: "specversion is required")
        }
        guard let version = CloudEventSpecVersion(rawValue: versionText) else {
            throw CloudEventSpecVersion.unknown(versionText)
        }
        let id = try text("id")
        let source = try text("source")
        let type = try text("type")
        var event = CloudEvent(specVersion: version, id: id ?? "", source: source ?? "", type: type ?? "")
        var found: [CloudEventError] = []
        for name in order where !["specversion", "id", "source", "type", "datacontentencoding"].contains(name) {
            guard let value = values[name] else { continue }
            do {
                try event.setAttribute(name, to: value)
            } catch let error as CloudEventError {
                found.append(error)
            }
        }
        event.data = try eventData(data, encoding: try text("datacontentencoding"), event, maximumJSONDepth)
        let missing = [("id", id), ("source", source), ("type", type)].compactMap { $0.1 == nil ? $0.0 : nil }
        try event.validateDecoded(missing: missing, found: found)
        return event
    }

    private static func eventData(
        _ data: AvroDataReader.Value, encoding: String?, _ event: CloudEvent, _ maximumJSONDepth: Int
    ) throws -> CloudEventData? {
        switch data {
        case .none:
            return nil
        case .json(let text):
            return try CloudEventData.checkedJSON(text[...], maximumDepth: maximumJSONDepth)
        case .bytes(let bytes):
            // 0.3's datacontentencoding: base64 says the bytes are Base64 text of binary data.
            if let encoding {
                guard event.specVersion == .v0_3, encoding == "base64" else {
                    throw CloudEventError(
                        .unsupportedFormat, attribute: "datacontentencoding",
                        message: "datacontentencoding \(encoding) is not supported; 0.3 defines only base64")
                }
                return .binary(try Base64.decode(String(decoding: bytes, as: UTF8.self)))
            }
            return try BinaryModeData.decode(
                bytes, contentType: event.dataContentType, maximumJSONDepth: maximumJSONDepth)
        }
    }
}
