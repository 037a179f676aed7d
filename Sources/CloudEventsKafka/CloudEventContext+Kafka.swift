public import CloudEvents

extension CloudEventContext {
    /// The key of the Kafka record that carried the event, when it came over Kafka and the record
    /// had one. A consumer adapter sets it from the record it received.
    public var kafkaRecordKey: [UInt8]? {
        get { self[KafkaRecordKey.self] }
        set { self[KafkaRecordKey.self] = newValue }
    }

    private enum KafkaRecordKey: CloudEventContextKey {
        typealias Value = [UInt8]
    }
}
