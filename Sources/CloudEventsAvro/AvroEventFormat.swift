public import CloudEvents

/// The CloudEvents Avro event format (`application/cloudevents+avro`), in Avro's binary encoding
/// of the specification's schema (`io.cloudevents.AvroCloudEvent`), written with the standard
/// library only.
///
/// ```swift
/// let bytes = try AvroEventFormat().encode(event)
/// let decoded = try AvroEventFormat().decode(bytes[...])
/// ```
///
/// **Attributes** go in the `attribute` map, each in the Avro type of the specification's
/// mapping: Boolean as `boolean`, Integer as `int`, Binary as `bytes`; String, URI,
/// URI-reference and Timestamp as `string` (a time keeps its offset and digits: it is its RFC 3339
/// text). Boolean, Integer and Binary extensions therefore come back typed. A URI, URI-reference
/// or Timestamp extension would come back a String, so by default the encoder refuses it, naming
/// it; with ``TextTypedExtensions/writeAsString`` it is written as its canonical text, which the
/// typed accessors read back exactly. A `null` attribute is absent.
///
/// **Data** is written as `bytes`, exactly the data's bytes, beside its `datacontenttype`; JSON
/// data without one states `application/json`, the type the JSON format implies, as the
/// protocol bindings do. The schema's other data branches (a map, array, `double` or `string`
/// modelling a JSON value) are never written, because they cannot hold every JSON value: each
/// number becomes a `double` (`12345678901234567890` and `1.10` would change) and an array
/// inside an object cannot hold numbers. They are read: a message from another implementation
/// that uses them decodes to JSON data, each `double` written in its shortest form that reads
/// back as the same `double`. A `null` data branch is no data.
///
/// The format defines no batch. Decoding is bounded (``Limits``) and every failure is a
/// ``/CloudEvents/CloudEventError`` with the byte offset, or the attribute.
public struct AvroEventFormat: CloudEventFormat, Sendable {
    /// Bounds on what the decoder accepts.
    public struct Limits: Sendable, Hashable {
        /// The largest encoded event, in bytes. Default 16 MiB.
        public var maximumDocumentSize: Int
        /// The most attributes. Default 1,024.
        public var maximumAttributeCount: Int
        /// The deepest nesting of a JSON value in the data's map and array branches. Default 64.
        public var maximumDepth: Int
        /// The most members and elements of the data's map and array branches, all levels
        /// together. Default 100,000.
        public var maximumDataEntries: Int

        /// Creates limits; each argument has the documented default.
        public init(
            maximumDocumentSize: Int = 16 << 20, maximumAttributeCount: Int = 1024, maximumDepth: Int = 64,
            maximumDataEntries: Int = 100_000
        ) {
            self.maximumDocumentSize = maximumDocumentSize
            self.maximumAttributeCount = maximumAttributeCount
            self.maximumDepth = maximumDepth
            self.maximumDataEntries = maximumDataEntries
        }
    }

    /// The media type of an event in this format.
    public static let mediaType = "application/cloudevents+avro"

    /// What the encoder does with a URI, URI-reference or Timestamp extension, which the schema can
    /// hold only as a `string`, so that it arrives as a String.
    public enum TextTypedExtensions: Sendable, Hashable {
        /// Refuse the event with ``/CloudEvents/CloudEventError/Code/conversionNotPossible`` naming
        /// the extension: nothing changes type behind the caller's back. The default.
        case refuse
        /// Write the extension's canonical text as a `string`; it arrives as a String, which the
        /// typed accessors read back exactly (as the JSON format carries such extensions).
        case writeAsString
    }

    /// The decoder's limits.
    public var limits: Limits
    /// What the encoder does with an extension the schema would turn into a String. Default
    /// ``TextTypedExtensions/refuse``.
    public var textTypedExtensions: TextTypedExtensions

    /// Creates the format.
    public init(limits: Limits = Limits(), textTypedExtensions: TextTypedExtensions = .refuse) {
        self.limits = limits
        self.textTypedExtensions = textTypedExtensions
    }

    /// `application/cloudevents+avro`.
    public var eventMediaType: String { Self.mediaType }

    /// Encodes one event, after validating it.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError`` for an invalid event, and
    ///   ``/CloudEvents/CloudEventError/Code/conversionNotPossible`` for a URI, URI-reference or
    ///   Timestamp extension unless ``textTypedExtensions`` is ``TextTypedExtensions/writeAsString``.
    public func encode(_ event: CloudEvent) throws -> [UInt8] {
        try AvroEventEncoder.encode(event, textTypedExtensions: textTypedExtensions)
    }

    /// Decodes and validates one event.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError``: ``/CloudEvents/CloudEventError/Code/malformedInput``
    ///   with the byte offset for bytes that are not this schema's encoding (a truncated number, a
    ///   union branch out of range, a string that is not UTF-8, bytes after the event),
    ///   ``/CloudEvents/CloudEventError/Code/limitExceeded`` past ``limits``, and the event's
    ///   validation errors.
    public func decode(_ bytes: ArraySlice<UInt8>) throws -> CloudEvent {
        guard bytes.count <= limits.maximumDocumentSize else {
            throw CloudEventError(
                .limitExceeded,
                message: "Avro: the event is \(bytes.count) bytes, over the limit of \(limits.maximumDocumentSize)")
        }
        return try AvroEventDecoder.decode(bytes, limits: limits)
    }

    /// The branches of the attribute map's value union, in the schema's order.
    enum AttributeBranch: Int64 {
        case null = 0, boolean, int, string, bytes
    }

    /// The branches of the data union, in the schema's order.
    enum DataBranch: Int64 {
        case bytes = 0, null, boolean, map, array, double, string
    }
}
