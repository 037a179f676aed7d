public import CloudEvents

/// How the encoder chooses a record's key (Kafka binding, section 3.1).
///
/// By default the key is the one the caller gives. A mapper may take it from the event instead;
/// whatever it does, the event itself is never changed (`partitionkey` still travels as its
/// `ce_partitionkey` header).
public enum KafkaKeyMapper: Sendable {
    /// The caller's key, as given (`nil` for none). The default.
    case callerKey
    /// The `partitionkey` extension (the Partitioning extension), as is, as UTF-8; the caller's
    /// key when the event has none.
    case partitionKey
    /// A function of the event; the caller's key when it returns `nil`.
    case custom(@Sendable (CloudEvent) -> [UInt8]?)

    /// The key for `event` when the caller gave `callerKey`.
    public func key(for event: CloudEvent, callerKey: [UInt8]?) -> [UInt8]? {
        switch self {
        case .callerKey:
            return callerKey
        case .partitionKey:
            guard let value = event[extension: "partitionkey"] else { return callerKey }
            return Array(value.canonicalString.utf8)
        case .custom(let map):
            return map(event) ?? callerKey
        }
    }
}
