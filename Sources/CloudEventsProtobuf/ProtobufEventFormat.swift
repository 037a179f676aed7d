public import CloudEvents
import SwiftProtobuf

/// The CloudEvents Protobuf event format (`application/cloudevents+protobuf`) and its batch
/// format (`application/cloudevents-batch+protobuf`), the specification's `CloudEvent` and
/// `CloudEventBatch` messages through swift-protobuf.
///
/// ```swift
/// let bytes = try ProtobufEventFormat().encode(event)
/// let decoded = try ProtobufEventFormat().decode(bytes[...])
/// ```
///
/// Every attribute type has a field of its own, so extensions come back with their type. A
/// Timestamp is a `google.protobuf.Timestamp`, which holds the instant only: by default the
/// encoder refuses a time it would change (an offset other than `Z`, trailing zeros in the
/// fraction), naming the attribute, so the instant and its text always arrive exactly;
/// ``timestamps`` set to ``ProtobufTimestampConversion/convertToUTC`` sends the instant in UTC
/// instead. See <doc:ProtobufMapping> for the whole mapping, data included.
///
/// Decoding is bounded (``Limits``) and every failure is a ``/CloudEvents/CloudEventError`` with
/// the byte offset or the attribute, and in a batch the event's index.
public struct ProtobufEventFormat: CloudEventFormat, Sendable {
    /// Bounds on what the decoder accepts.
    public struct Limits: Sendable, Hashable {
        /// The largest encoded event or batch, in bytes. Default 16 MiB.
        public var maximumDocumentSize: Int
        /// The most attributes in the map of one event. Default 1,024.
        public var maximumAttributeCount: Int
        /// The most events in a batch. Default 10,000.
        public var maximumBatchSize: Int
        /// The deepest nesting of JSON data. Default 64.
        public var maximumDepth: Int

        /// Creates limits; each argument has the documented default.
        public init(
            maximumDocumentSize: Int = 16 << 20, maximumAttributeCount: Int = 1024, maximumBatchSize: Int = 10_000,
            maximumDepth: Int = 64
        ) {
            self.maximumDocumentSize = maximumDocumentSize
            self.maximumAttributeCount = maximumAttributeCount
            self.maximumBatchSize = maximumBatchSize
            self.maximumDepth = maximumDepth
        }
    }

    /// The media type of an event in this format.
    public static let mediaType = "application/cloudevents+protobuf"
    /// The media type of a batch in this format.
    public static let batchMediaType = "application/cloudevents-batch+protobuf"

    /// The decoder's limits.
    public var limits: Limits
    /// What the encoder does with a time a `google.protobuf.Timestamp` cannot hold exactly.
    /// Default ``ProtobufTimestampConversion/exact``: refuse it.
    public var timestamps: ProtobufTimestampConversion

    /// Creates the format.
    public init(limits: Limits = Limits(), timestamps: ProtobufTimestampConversion = .exact) {
        self.limits = limits
        self.timestamps = timestamps
    }

    /// `application/cloudevents+protobuf`.
    public var eventMediaType: String { Self.mediaType }

    /// `application/cloudevents-batch+protobuf`.
    public var eventBatchMediaType: String? { Self.batchMediaType }

    /// Encodes one event, after validating it.
    ///
    /// Map entries are written in the order of their keys, so an event always has the same bytes.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError`` for an invalid event and
    ///   ``/CloudEvents/CloudEventError/Code/conversionNotPossible`` for a time that
    ///   ``timestamps`` does not allow (see ``Io_Cloudevents_V1_CloudEvent/init(_:timestamps:)``).
    public func encode(_ event: CloudEvent) throws -> [UInt8] {
        try Self.serialize(Io_Cloudevents_V1_CloudEvent(event, timestamps: timestamps))
    }

    /// Decodes and validates one event.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError``: ``/CloudEvents/CloudEventError/Code/malformedInput``
    ///   with the byte offset for bytes that are not this schema's encoding (see <doc:ProtobufMapping>),
    ///   ``/CloudEvents/CloudEventError/Code/limitExceeded`` past ``limits``, and the event's
    ///   validation errors.
    public func decode(_ bytes: ArraySlice<UInt8>) throws -> CloudEvent {
        try checkSize(bytes.count)
        try ProtobufWireCheck.checkEvent(bytes, limits: limits)
        let message = try Self.parse(Io_Cloudevents_V1_CloudEvent.self, bytes)
        return try CloudEvent(message, maximumJSONDepth: limits.maximumDepth)
    }

    /// Encodes events as one `CloudEventBatch`, after validating each.
    ///
    /// - Throws: The first event's error, with its index.
    public func encodeBatch(_ events: [CloudEvent]) throws -> [UInt8] {
        var batch = Io_Cloudevents_V1_CloudEventBatch()
        batch.events.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            do {
                batch.events.append(try Io_Cloudevents_V1_CloudEvent(event, timestamps: timestamps))
            } catch let error as CloudEventError {
                throw error.atIndex(index)
            }
        }
        return try Self.serialize(batch)
    }

    /// Decodes and validates a `CloudEventBatch`.
    ///
    /// - Throws: As ``decode(_:)``, with the failing event's index; ``/CloudEvents/CloudEventError/Code/limitExceeded``
    ///   for more than ``Limits/maximumBatchSize`` events.
    public func decodeBatch(_ bytes: ArraySlice<UInt8>) throws -> [CloudEvent] {
        try checkSize(bytes.count)
        try ProtobufWireCheck.checkBatch(bytes, limits: limits)
        let batch = try Self.parse(Io_Cloudevents_V1_CloudEventBatch.self, bytes)
        try ProtobufEventAssembly.refuseUnknownFields(batch.unknownFields, attribute: nil)
        return try batch.events.enumerated().map { index, message in
            do {
                return try CloudEvent(message, maximumJSONDepth: limits.maximumDepth)
            } catch let error as CloudEventError {
                throw error.atIndex(index)
            }
        }
    }

    private func checkSize(_ count: Int) throws {
        guard count <= limits.maximumDocumentSize else {
            throw CloudEventError(
                .limitExceeded,
                message: "Protobuf: the input is \(count) bytes, over the limit of \(limits.maximumDocumentSize)")
        }
    }

    static func serialize(_ message: some SwiftProtobuf.Message) throws -> [UInt8] {
        var options = BinaryEncodingOptions()
        options.useDeterministicOrdering = true
        return try message.serializedBytes(options: options)
    }

    /// Decodes bytes that `ProtobufWireCheck` accepted; swift-protobuf can still refuse them
    /// (without an offset) where the check is more lenient than it.
    static func parse<M: SwiftProtobuf.Message>(_ type: M.Type, _ bytes: ArraySlice<UInt8>) throws -> M {
        do {
            return try M(serializedBytes: bytes.span.bytes)
        } catch {
            throw CloudEventError(.malformedInput, message: "Protobuf: \(error)")
        }
    }
}
