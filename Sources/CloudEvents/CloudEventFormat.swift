/// An event format: how one event, and possibly a batch of events, is written as bytes.
///
/// Protocol bindings use a format for structured mode (one event in the payload) and batch mode
/// (several events in the payload), and pick it by media type. ``JSONEventFormat`` is the format
/// every binding supports; Protobuf, Avro or an in-house format can be plugged in by adopting
/// this protocol.
///
/// The media types are instance properties, ``eventMediaType`` and ``eventBatchMediaType``, so
/// that a format can be configured (a versioned media type, say). ``JSONEventFormat`` also keeps
/// its static ``JSONEventFormat/mediaType`` and ``JSONEventFormat/batchMediaType`` constants,
/// which is why the requirements have different names.
///
/// A format that has no batch form leaves ``eventBatchMediaType`` `nil` and gets
/// ``encodeBatch(_:)`` and ``decodeBatch(_:)`` from this protocol's extension, which throw
/// ``CloudEventError/Code/unsupportedFormat``.
///
/// An outside format that carries the JSON format's bytes under a media type of its own:
///
/// ```swift
/// struct ExampleFormat: CloudEventFormat {
///     var eventMediaType: String { "application/cloudevents+example" }
///
///     func encode(_ event: CloudEvent) throws -> [UInt8] {
///         try JSONEventFormat().encode(event)
///     }
///
///     func decode(_ bytes: ArraySlice<UInt8>) throws -> CloudEvent {
///         try JSONEventFormat().decode(bytes)
///     }
/// }
/// ```
///
/// A decoded event must be validated (``CloudEvent/validate()``), as ``JSONEventFormat`` does;
/// an event must be validated before it is encoded.
public protocol CloudEventFormat: Sendable {
    /// The media type of one event in this format, such as `application/cloudevents+json`:
    /// lower-case, without parameters.
    var eventMediaType: String { get }

    /// The media type of a batch of events in this format, such as
    /// `application/cloudevents-batch+json`, or `nil` when the format has no batch form (the
    /// default).
    var eventBatchMediaType: String? { get }

    /// Encodes one event, after validating it.
    func encode(_ event: CloudEvent) throws -> [UInt8]

    /// Decodes and validates one event.
    func decode(_ bytes: ArraySlice<UInt8>) throws -> CloudEvent

    /// Encodes events as one batch, after validating each.
    ///
    /// - Throws: ``CloudEventError/Code/unsupportedFormat`` by default, for a format without a
    ///   batch form.
    func encodeBatch(_ events: [CloudEvent]) throws -> [UInt8]

    /// Decodes and validates a batch of events.
    ///
    /// - Throws: ``CloudEventError/Code/unsupportedFormat`` by default, for a format without a
    ///   batch form.
    func decodeBatch(_ bytes: ArraySlice<UInt8>) throws -> [CloudEvent]
}

extension CloudEventFormat {
    /// No batch form: `nil`.
    public var eventBatchMediaType: String? { nil }

    /// Throws ``CloudEventError/Code/unsupportedFormat``: the format has no batch form.
    public func encodeBatch(_ events: [CloudEvent]) throws -> [UInt8] {
        throw noBatchForm()
    }

    /// Throws ``CloudEventError/Code/unsupportedFormat``: the format has no batch form.
    public func decodeBatch(_ bytes: ArraySlice<UInt8>) throws -> [CloudEvent] {
        throw noBatchForm()
    }

    private func noBatchForm() -> CloudEventError {
        CloudEventError(.unsupportedFormat, message: "the event format \(eventMediaType) has no batch form")
    }
}
