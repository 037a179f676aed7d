/// A version of the CloudEvents specification this library implements.
public enum CloudEventSpecVersion: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// CloudEvents 1.0 (1.0.x releases share this `specversion` value).
    case v1_0 = "1.0"
    /// CloudEvents 0.3, the last pre-1.0 version, still seen in the wild.
    case v0_3 = "0.3"

    /// The `specversion` attribute value.
    public var description: String { rawValue }

    /// Parses a `specversion` value.
    ///
    /// - Throws: ``CloudEventError`` with code ``CloudEventError/Code/unknownSpecVersion`` naming the
    ///   value that was seen, when it is not `1.0` or `0.3`.
    public init(parsing text: some StringProtocol) throws {
        var utf8 = String(text)
        let parsed = utf8.withUTF8 { CloudEventSpecVersion(utf8: $0) }
        guard let parsed else { throw CloudEventSpecVersion.unknown(String(text)) }
        self = parsed
    }

    /// Recognises the two exact spellings without allocating.
    package init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 3, bytes[1] == UInt8(ascii: ".") else { return nil }
        switch (bytes[0], bytes[2]) {
        case (UInt8(ascii: "1"), UInt8(ascii: "0")): self = .v1_0
        case (UInt8(ascii: "0"), UInt8(ascii: "3")): self = .v0_3
        default: return nil
        }
    }

    package static func unknown(_ seen: String) -> CloudEventError {
        CloudEventError(
            .unknownSpecVersion, attribute: "specversion",
            message: "specversion \"\(seen)\" is not supported; this library knows 1.0 and 0.3")
    }

    /// The core context attributes of this version, in the order encoders write them.
    public var coreAttributes: [CloudEventCoreAttribute] {
        switch self {
        case .v1_0: CloudEventCoreAttribute.v1_0
        case .v0_3: CloudEventCoreAttribute.v0_3
        }
    }

    /// The name this version gives the data schema attribute (`dataschema`, or `schemaurl` in 0.3).
    public var dataSchemaAttributeName: String {
        self == .v1_0 ? "dataschema" : "schemaurl"
    }
}
