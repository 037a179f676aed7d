/// The abstract types of the CloudEvents type system.
public enum CloudEventAttributeType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `true` or `false`.
    case boolean = "Boolean"
    /// A signed 32-bit whole number.
    case integer = "Integer"
    /// A sequence of allowed Unicode characters.
    case string = "String"
    /// A sequence of bytes; canonical string form is Base64.
    case binary = "Binary"
    /// An absolute URI (RFC 3986).
    case uri = "URI"
    /// A URI reference, absolute or relative (RFC 3986).
    case uriReference = "URI-reference"
    /// An RFC 3339 date-time.
    case timestamp = "Timestamp"

    /// The type's name as the specification spells it.
    public var description: String { rawValue }
}

/// A core (non-extension) context attribute: its name, its type and whether it is required.
public struct CloudEventCoreAttribute: Sendable, Hashable {
    /// The attribute's name, e.g. `source`.
    public let name: String
    /// The attribute's CloudEvents type.
    public let type: CloudEventAttributeType
    /// Whether every event must carry it.
    public let isRequired: Bool

    static let v1_0: [CloudEventCoreAttribute] = [
        .init(name: "specversion", type: .string, isRequired: true),
        .init(name: "id", type: .string, isRequired: true),
        .init(name: "source", type: .uriReference, isRequired: true),
        .init(name: "type", type: .string, isRequired: true),
        .init(name: "subject", type: .string, isRequired: false),
        .init(name: "time", type: .timestamp, isRequired: false),
        .init(name: "datacontenttype", type: .string, isRequired: false),
        .init(name: "dataschema", type: .uri, isRequired: false),
    ]

    static let v0_3: [CloudEventCoreAttribute] = [
        .init(name: "specversion", type: .string, isRequired: true),
        .init(name: "id", type: .string, isRequired: true),
        .init(name: "source", type: .uriReference, isRequired: true),
        .init(name: "type", type: .string, isRequired: true),
        .init(name: "subject", type: .string, isRequired: false),
        .init(name: "time", type: .timestamp, isRequired: false),
        .init(name: "datacontenttype", type: .string, isRequired: false),
        .init(name: "schemaurl", type: .uriReference, isRequired: false),
        .init(name: "datacontentencoding", type: .string, isRequired: false),
    ]
}
