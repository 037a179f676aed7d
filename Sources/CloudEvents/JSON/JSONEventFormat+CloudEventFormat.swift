extension JSONEventFormat: CloudEventFormat {
    /// ``JSONEventFormat/mediaType``: `application/cloudevents+json`.
    public var eventMediaType: String { JSONEventFormat.mediaType }

    /// ``JSONEventFormat/batchMediaType``: `application/cloudevents-batch+json`.
    public var eventBatchMediaType: String? { JSONEventFormat.batchMediaType }

    /// Decodes one event from a slice of bytes, read in place.
    public func decode(_ bytes: ArraySlice<UInt8>) throws -> CloudEvent {
        try checkSize(bytes.count)
        return try bytes.withUnsafeBufferPointer { try decodeSingle($0, reusing: nil) }
    }

    /// Encodes events as a batch (a JSON array), after validating each.
    public func encodeBatch(_ events: [CloudEvent]) throws -> [UInt8] {
        try encodeBatch(events[...])
    }

    /// Decodes a batch from a slice of bytes, read in place.
    public func decodeBatch(_ bytes: ArraySlice<UInt8>) throws -> [CloudEvent] {
        try checkSize(bytes.count)
        return try bytes.withUnsafeBufferPointer { try decodeBatch(buffer: $0) }
    }
}
