public import CloudEvents
import SwiftProtobuf

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The media type of data carried in `proto_data`, as the specification names it.
let protobufDataMediaType = "application/protobuf"

extension Io_Cloudevents_V1_CloudEvent {
    /// The message of an event, after validating it, to send on its own or inside a message of
    /// your own (see <doc:ProtobufMapping>).
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - timestamps: What to do with a time the message cannot hold exactly. Default
    ///     ``ProtobufTimestampConversion/exact``: refuse it.
    /// - Throws: ``/CloudEvents/CloudEventError`` for an invalid event, JSON data that is not one
    ///   JSON value or text that is not UTF-8 (``/CloudEvents/CloudEventError/Code/invalidData``),
    ///   and ``/CloudEvents/CloudEventError/Code/conversionNotPossible`` for a time that
    ///   `timestamps` does not allow.
    public init(_ event: CloudEvent, timestamps: ProtobufTimestampConversion = .exact) throws {
        try event.validate()
        self.init()
        id = event.id
        source = event.source
        specVersion = event.specVersion.rawValue
        type = event.type
        for (name, value) in event.attributes {
            switch name {
            case "specversion", "id", "source", "type", "datacontentencoding": continue
            default: attributes[name] = try CloudEventAttributeValue(value, attribute: name, timestamps: timestamps)
            }
        }
        guard let eventData = event.data else { return }
        switch eventData.kind {
        case .binary:
            if let schema = event.dataSchema, let contentType = event.dataContentType,
                Self.isProtobufData(contentType)
            {
                var any = Google_Protobuf_Any()
                any.typeURL = schema
                any.value = Data(eventData.bytes)
                data = .protoData(any)
            } else {
                data = .binaryData(Data(eventData.bytes))
            }
        case .json, .text:
            if eventData.kind == .json {
                _ = try CloudEventData.checkedJSON(eventData.bytes, maximumDepth: .max)
                if event.dataContentType == nil { attributes["datacontenttype"] = .init(string: "application/json") }
            }
            guard let text = String(validating: eventData.bytes, as: UTF8.self) else {
                throw CloudEventError(
                    .invalidData, attribute: "data",
                    message: "Protobuf: text data that is not UTF-8 cannot be text_data")
            }
            data = .textData(text)
        }
    }

    /// Whether `contentType` says the data is a Protobuf message (`proto_data`).
    static func isProtobufData(_ contentType: String) -> Bool {
        MediaTypeSyntax.haveSameEssence(contentType, protobufDataMediaType)
    }
}

extension Io_Cloudevents_V1_CloudEvent.CloudEventAttributeValue {
    /// The value of one attribute in the type the specification maps it to.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError/Code/conversionNotPossible`` naming `attribute`
    ///   for a time that `timestamps` does not allow.
    public init(
        _ value: CloudEventAttributeValue, attribute: String, timestamps: ProtobufTimestampConversion = .exact
    ) throws {
        self.init()
        switch value {
        case .boolean(let flag): attr = .ceBoolean(flag)
        case .integer(let integer): attr = .ceInteger(integer)
        case .string(let text): attr = .ceString(text)
        case .binary(let bytes): attr = .ceBytes(Data(bytes))
        case .uri(let text): attr = .ceUri(text)
        case .uriReference(let text): attr = .ceUriRef(text)
        case .timestamp(let time):
            attr = .ceTimestamp(try Google_Protobuf_Timestamp(time, attribute: attribute, conversion: timestamps))
        }
    }

    init(string: String) {
        self.init()
        attr = .ceString(string)
    }

    /// The value as a CloudEvents attribute value.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError/Code/malformedInput`` naming `attribute` when no
    ///   field of the `attr` oneof is set, or the message has fields the schema does not, and
    ///   ``/CloudEvents/CloudEventError/Code/invalidTimestamp`` for a time out of range.
    public func attributeValue(attribute: String) throws -> CloudEventAttributeValue {
        try ProtobufEventAssembly.refuseUnknownFields(unknownFields, attribute: attribute)
        switch attr {
        case .ceBoolean(let flag): return .boolean(flag)
        case .ceInteger(let integer): return .integer(integer)
        case .ceString(let text): return .string(text)
        case .ceBytes(let bytes): return .binary(Array(bytes))
        case .ceUri(let text): return .uri(text)
        case .ceUriRef(let text): return .uriReference(text)
        case .ceTimestamp(let time):
            try ProtobufEventAssembly.refuseUnknownFields(time.unknownFields, attribute: attribute)
            return .timestamp(try time.timestamp(attribute: attribute))
        case nil:
            throw CloudEventError(
                .malformedInput, attribute: attribute, message: "Protobuf: attribute \(attribute) has no value")
        }
    }
}

extension CloudEvent {
    /// The event of a message (one decoded with swift-protobuf, or taken out of a message of your
    /// own), validated.
    ///
    /// - Parameters:
    ///   - message: The message.
    ///   - maximumJSONDepth: The deepest nesting allowed to JSON data. Default 64.
    /// - Throws: ``/CloudEvents/CloudEventError``: the event's validation errors,
    ///   ``/CloudEvents/CloudEventError/Code/malformedInput`` for a required attribute in the map,
    ///   an attribute without a value or fields the schema does not have, and
    ///   ``/CloudEvents/CloudEventError/Code/conversionNotPossible`` for `proto_data` whose type
    ///   URL the event cannot keep as its `dataschema` (see <doc:ProtobufMapping>).
    public init(_ message: Io_Cloudevents_V1_CloudEvent, maximumJSONDepth: Int = 64) throws {
        self = try ProtobufEventAssembly.event(message, maximumJSONDepth: maximumJSONDepth)
    }
}
