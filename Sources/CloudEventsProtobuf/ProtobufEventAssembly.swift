import CloudEvents
import SwiftProtobuf

/// Builds the event of a decoded `CloudEvent` message.
enum ProtobufEventAssembly {
    static let requiredAttributes: Set<String> = ["specversion", "id", "source", "type"]

    static func event(_ message: Io_Cloudevents_V1_CloudEvent, maximumJSONDepth: Int) throws -> CloudEvent {
        try refuseUnknownFields(message.unknownFields, attribute: nil)
        guard let version = CloudEventSpecVersion(rawValue: message.specVersion) else {
            if message.specVersion.isEmpty {
                throw CloudEventError(.missingAttribute, attribute: "specversion", message: "specversion is required")
            }
            throw CloudEventSpecVersion.unknown(message.specVersion)
        }
        var event = CloudEvent(specVersion: version, id: message.id, source: message.source, type: message.type)
        var found: [CloudEventError] = []
        // A map has no order: the attributes are set in the order of their names.
        for (name, value) in message.attributes.sorted(by: { $0.key < $1.key }) {
            guard !requiredAttributes.contains(name) else {
                throw CloudEventError(
                    .malformedInput, attribute: name,
                    message: "Protobuf: \(name) is a field of its own and cannot be in the attribute map")
            }
            let typed = try value.attributeValue(attribute: name)
            // A time in text could have an offset and digits the format cannot send back exactly.
            if name == "time", typed.type != .timestamp {
                found.append(
                    CloudEventError(
                        .attributeTypeMismatch, attribute: name,
                        message: "Protobuf: time must be a ce_timestamp, not a \(typed.type)"))
                continue
            }
            if name == "datacontentencoding" {
                found += dataContentEncodingErrors(typed, version: version, message.data)
                continue
            }
            do {
                try event.setAttribute(name, to: typed)
            } catch let error as CloudEventError {
                found.append(error)
            }
        }
        event.data = try data(message.data, of: &event, maximumJSONDepth: maximumJSONDepth)
        let missing = [("id", message.id), ("source", message.source), ("type", message.type)]
            .compactMap { $0.1.isEmpty ? $0.0 : nil }
        try event.validateDecoded(missing: missing, found: found)
        return event
    }

    /// 0.3's `datacontentencoding` can only be `base64` and only beside `binary_data` or
    /// `proto_data`: the event derives it from its data.
    private static func dataContentEncodingErrors(
        _ value: CloudEventAttributeValue, version: CloudEventSpecVersion,
        _ data: Io_Cloudevents_V1_CloudEvent.OneOf_Data?
    ) -> [CloudEventError] {
        let isBinary: Bool
        switch data {
        case .binaryData, .protoData: isBinary = true
        default: isBinary = false
        }
        guard version == .v0_3, value == .string("base64"), isBinary else {
            return [
                CloudEventError(
                    .invalidAttributeValue, attribute: "datacontentencoding",
                    message: "Protobuf: datacontentencoding must be base64 beside binary data, in 0.3 only")
            ]
        }
        return []
    }

    private static func data(
        _ data: Io_Cloudevents_V1_CloudEvent.OneOf_Data?, of event: inout CloudEvent, maximumJSONDepth: Int
    ) throws -> CloudEventData? {
        switch data {
        case nil:
            return nil
        case .binaryData(let bytes):
            return try BinaryModeData.decode(
                Array(bytes)[...], contentType: event.storage.dataContentType, in: event.storage,
                maximumJSONDepth: maximumJSONDepth)
        case .textData(let text):
            if let contentType = event.dataContentType, MediaTypeSyntax.isJSON(contentType) {
                return try CloudEventData.checkedJSON(ArraySlice(text.utf8), maximumDepth: maximumJSONDepth)
            }
            return .text(text)
        case .protoData(let any):
            try refuseUnknownFields(any.unknownFields, attribute: "data")
            try keepTypeURL(any.typeURL, in: &event)
            return .binary(any.value)
        }
    }

    /// `proto_data` is binary data whose `datacontenttype` is `application/protobuf` and whose
    /// `dataschema` (0.3: `schemaurl`) is the type URL: set when absent, checked when present.
    private static func keepTypeURL(_ typeURL: String, in event: inout CloudEvent) throws {
        let schemaName = event.specVersion == .v0_3 ? "schemaurl" : "dataschema"
        if let contentType = event.dataContentType {
            guard Io_Cloudevents_V1_CloudEvent.isProtobufData(contentType) else {
                throw CloudEventError(
                    .conversionNotPossible, attribute: "datacontenttype",
                    message: "Protobuf: proto_data beside datacontenttype \(contentType), not \(protobufDataMediaType):"
                        + " the event could not say that its data is a Protobuf message")
            }
        } else {
            event.dataContentType = protobufDataMediaType
        }
        if let schema = event.dataSchema {
            guard schema == typeURL else {
                throw CloudEventError(
                    .conversionNotPossible, attribute: schemaName,
                    message: "Protobuf: proto_data's type URL \(typeURL) differs from \(schemaName) \(schema);"
                        + " the event can keep only one")
            }
            return
        }
        do {
            try event.setAttribute(schemaName, to: .string(typeURL))
        } catch var error as CloudEventError {
            error.code = .conversionNotPossible
            error.message =
                "Protobuf: proto_data's type URL \(typeURL) cannot be the event's \(schemaName), which keeps it: "
                + error.message
            throw error
        }
    }

    static func refuseUnknownFields(_ fields: UnknownStorage, attribute: String?) throws {
        guard fields.data.isEmpty else {
            throw CloudEventError(
                .malformedInput, attribute: attribute,
                message: "Protobuf: the message has \(fields.data.count) bytes of fields the schema does not have,"
                    + " which the event could not keep")
        }
    }
}
