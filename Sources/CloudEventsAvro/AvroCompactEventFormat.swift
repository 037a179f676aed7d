public import CloudEvents

/// The CloudEvents Avro compact event format (`application/cloudevents+avro-compact`): a 1.0
/// event as one record of the draft's compact schema (`io.cloudevents.v1.avro.compact.CloudEvent`),
/// in Avro's binary encoding, written with the standard library only.
///
/// ```swift
/// let format = AvroCompactEventFormat()
/// let bytes = try format.encode(event)
/// let decoded = try format.decode(bytes[...])
/// ```
///
/// This follows the working draft "Avro Compact Event Format for CloudEvents - Version
/// 1.0.3-wip" and its schema `cloudevents-compact.avsc`, as of cloudevents/spec commit
/// `c2845a49` (2026-07-23). A draft can change; this type changes with it.
///
/// **The record** holds `id`, `source` and `type` as `string`s, `datacontenttype`, `dataschema`
/// and `subject` as optional `string`s, `time` as an optional `timestamp-micros` (a `long` of UTC
/// microseconds), the extensions in a map of `boolean`, `int`, `timestamp-micros`, `string` and
/// `bytes`, and the data as `bytes` (JSON data without a content type states `application/json`,
/// as the other formats do). The schema has no `specversion`: only 1.0 events travel.
///
/// **Never silent.** A `timestamp-micros` has no offset and no digit count, so it decodes to one
/// canonical text: UTC (`Z`) with the fewest of 0, 3 or 6 fractional digits that hold it. A time
/// (or Timestamp extension) that would not come back exactly as it is, such as
/// `2026-12-01T08:30:00.123+08:00`, `…00.120000Z` or nanoseconds, is refused by default with
/// ``/CloudEvents/CloudEventError/Code/conversionNotPossible`` naming it, because the instant
/// would survive but its text would not. ``InexactTimestamps/convertToUTCMicroseconds`` sends the
/// instant anyway, truncated to microseconds. A URI or URI-reference extension can travel only as
/// a `string` and is refused unless ``textTypedExtensions`` is
/// ``AvroEventFormat/TextTypedExtensions/writeAsString``, which also lets a Timestamp extension
/// that is not exact travel as its exact text.
///
/// The format defines no batch. Decoding is bounded (``AvroEventFormat/Limits``) and every failure
/// is a ``/CloudEvents/CloudEventError`` with the byte offset, or the attribute.
public struct AvroCompactEventFormat: CloudEventFormat, Sendable {
    /// The media type of an event in this format.
    public static let mediaType = "application/cloudevents+avro-compact"

    /// What the encoder does with a time that a `timestamp-micros` cannot give back exactly.
    public enum InexactTimestamps: Sendable, Hashable {
        /// Refuse the event with ``/CloudEvents/CloudEventError/Code/conversionNotPossible``
        /// naming the attribute. The default.
        case refuse
        /// Send the instant as UTC microseconds (the offset is dropped, digits past the
        /// microsecond are truncated); it arrives as the canonical `Z` text of that instant.
        case convertToUTCMicroseconds
    }

    /// The decoder's limits (``AvroEventFormat/Limits/maximumDepth`` bounds JSON data).
    public var limits: AvroEventFormat.Limits
    /// What the encoder does with a time it cannot send exactly. Default ``InexactTimestamps/refuse``.
    public var inexactTimestamps: InexactTimestamps
    /// What the encoder does with a URI or URI-reference extension, which can travel only as a
    /// `string`. Default ``AvroEventFormat/TextTypedExtensions/refuse``.
    public var textTypedExtensions: AvroEventFormat.TextTypedExtensions

    /// Creates the format; each argument has the documented default.
    public init(
        limits: AvroEventFormat.Limits = .init(), inexactTimestamps: InexactTimestamps = .refuse,
        textTypedExtensions: AvroEventFormat.TextTypedExtensions = .refuse
    ) {
        self.limits = limits
        self.inexactTimestamps = inexactTimestamps
        self.textTypedExtensions = textTypedExtensions
    }

    /// `application/cloudevents+avro-compact`.
    public var eventMediaType: String { Self.mediaType }

    /// Encodes one 1.0 event, after validating it.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError``: for an invalid event, and
    ///   ``/CloudEvents/CloudEventError/Code/conversionNotPossible`` for a 0.3 event, a time the
    ///   record cannot give back exactly (unless ``inexactTimestamps`` allows it), or a URI or
    ///   URI-reference extension (unless ``textTypedExtensions`` allows it).
    public func encode(_ event: CloudEvent) throws -> [UInt8] {
        try AvroCompactEventEncoder(format: self).encode(event)
    }

    /// Decodes and validates one event.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError``: ``/CloudEvents/CloudEventError/Code/malformedInput``
    ///   with the byte offset for bytes that are not the compact schema's encoding,
    ///   ``/CloudEvents/CloudEventError/Code/limitExceeded`` past ``limits``, and the event's
    ///   validation errors.
    public func decode(_ bytes: ArraySlice<UInt8>) throws -> CloudEvent {
        guard bytes.count <= limits.maximumDocumentSize else {
            throw CloudEventError(
                .limitExceeded,
                message:
                    "Avro compact: the event is \(bytes.count) bytes, over the limit of \(limits.maximumDocumentSize)"
            )
        }
        return try AvroCompactEventDecoder(input: bytes, limits: limits).decode()
    }

    /// The branches of the extension map's value union, in the schema's order.
    enum ExtensionBranch: Int64 {
        case boolean = 0, int, timestampMicros, string, bytes
    }
}
