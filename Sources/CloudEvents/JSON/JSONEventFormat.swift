/// The JSON event format (`application/cloudevents+json`) and JSON batch format
/// (`application/cloudevents-batch+json`) of the CloudEvents specification.
///
/// Decoding is a hand-written, single-pass, non-recursive scan of UTF-8 bytes: strict about
/// syntax and limits, lossless about values. JSON `data` is kept as the exact bytes received.
/// Every decoded event is validated; every encoded event is validated first.
///
/// ```swift
/// let format = JSONEventFormat()
/// let event = try format.decode(bytes)
/// let encoded = try format.encode(event)
/// ```
public struct JSONEventFormat: Sendable {
    /// The media type of one event in this format.
    public static let mediaType = "application/cloudevents+json"
    /// The media type of a batch of events in this format.
    public static let batchMediaType = "application/cloudevents-batch+json"

    /// Limits that bound the work and memory an input can cause.
    public struct Limits: Sendable, Hashable {
        /// The largest `maximumDocumentSize` there is: 1 GiB. The decoder addresses a document
        /// and the bytes it unescapes with 32-bit offsets, the latter from 2 GiB up.
        public static let documentSizeCap = 1 << 30

        /// The deepest nesting of arrays and objects, counting the event object as level 1 (in
        /// a batch too: the batch's array is not counted, so an event nests the same alone or
        /// in a batch). Default 64.
        public var maximumDepth: Int
        /// The largest document, in bytes. Default 16 MiB; at most ``documentSizeCap`` (1 GiB),
        /// however it is set: a larger value is lowered to it.
        public var maximumDocumentSize: Int {
            didSet { maximumDocumentSize = min(maximumDocumentSize, Self.documentSizeCap) }
        }
        /// The most events in one batch. Default 100,000.
        public var maximumBatchLength: Int
        /// The longest value of one attribute — a context attribute or an extension, whatever its
        /// type — counted in UTF-8 bytes after JSON unescaping (so `"\u00e9"` counts 2, as the
        /// event holds it, however the sender escaped it). Default 64 KiB, the same as the HTTP
        /// binding's `maximumAttributeFieldBytes` for all `ce-` header values together.
        ///
        /// `data` and `data_base64` are not attributes: they are bounded by
        /// ``maximumDocumentSize`` only.
        public var maximumAttributeLength: Int

        /// Creates limits; every argument has the documented default.
        public init(
            maximumDepth: Int = 64, maximumDocumentSize: Int = 16 << 20, maximumBatchLength: Int = 100_000,
            maximumAttributeLength: Int = 64 << 10
        ) {
            self.maximumDepth = maximumDepth
            self.maximumDocumentSize = min(maximumDocumentSize, Self.documentSizeCap)
            self.maximumBatchLength = maximumBatchLength
            self.maximumAttributeLength = maximumAttributeLength
        }
    }

    /// The limits this format enforces when decoding.
    public var limits: Limits

    /// Creates the format with the given limits.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    // MARK: Decoding

    /// Decodes one event. The event keeps a reference to `bytes` rather than copying them.
    ///
    /// - Throws: ``CloudEventError``: ``CloudEventError/Code/malformedInput`` with the byte
    ///   offset for bad JSON or UTF-8, ``CloudEventError/Code/limitExceeded`` for size or depth,
    ///   ``CloudEventError/Code/invalidEvent`` listing every violated rule, or a code naming the
    ///   attribute whose value does not fit its type.
    public func decode(_ bytes: [UInt8]) throws -> CloudEvent {
        try checkSize(bytes.count)
        return try bytes.withUnsafeBufferPointer { buffer in
            try decodeSingle(buffer, reusing: bytes)
        }
    }

    /// Decodes one event from any byte collection; contiguous storage is read in place.
    public func decode(_ bytes: some Collection<UInt8>) throws -> CloudEvent {
        try checkSize(bytes.count)
        if let event = try bytes.withContiguousStorageIfAvailable({ try decodeSingle($0, reusing: nil) }) {
            return event
        }
        return try decode(Array(bytes))
    }

    /// Decodes one event from JSON text (read in place; the size limit is checked first).
    public func decode(_ text: String) throws -> CloudEvent {
        try checkSize(text.utf8.count)
        var text = text
        return try text.withUTF8 { try decodeSingle($0, reusing: nil) }
    }

    /// Decodes a batch (a JSON array of events). An empty array is a valid, empty batch.
    ///
    /// - Throws: ``CloudEventError`` whose ``CloudEventError/index`` names the failing event.
    public func decodeBatch(_ bytes: some Collection<UInt8>) throws -> [CloudEvent] {
        try checkSize(bytes.count)
        if let events = try bytes.withContiguousStorageIfAvailable({ try decodeBatch(buffer: $0) }) {
            return events
        }
        return try Array(bytes).withUnsafeBufferPointer { try decodeBatch(buffer: $0) }
    }

    /// Decodes a batch from JSON text (read in place; the size limit is checked first).
    public func decodeBatch(_ text: String) throws -> [CloudEvent] {
        try checkSize(text.utf8.count)
        var text = text
        return try text.withUTF8 { try decodeBatch(buffer: $0) }
    }

    func checkSize(_ count: Int) throws {
        guard count <= limits.maximumDocumentSize else {
            throw CloudEventError(
                .limitExceeded, byteOffset: limits.maximumDocumentSize,
                message: "document of \(count) bytes exceeds the limit of \(limits.maximumDocumentSize) bytes")
        }
    }

    func decodeSingle(_ buffer: UnsafeBufferPointer<UInt8>, reusing array: [UInt8]?) throws -> CloudEvent {
        var decoder = JSONEventDecoder(
            scanner: JSONScanner(buffer, maximumDepth: limits.maximumDepth),
            maximumAttributeLength: limits.maximumAttributeLength)
        decoder.scanner.skipWhitespace()
        let start = decoder.scanner.index
        var event: CloudEvent
        let end: Int
        (event, end) = try decoder.decodeObject(depth: 1, copyInput: start == 0 ? array : nil)
        var scanner = decoder.scanner
        scanner.index = end
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.error("unexpected bytes after the event object") }
        // The decoder makes data JSON exactly when datacontenttype declares JSON (or is absent).
        try event.validateDecoded(
            missing: decoder.missingRequired, found: decoder.violations, dataKindFromContentType: true)
        return event
    }

    func decodeBatch(buffer: UnsafeBufferPointer<UInt8>) throws -> [CloudEvent] {
        var scanner = JSONScanner(buffer, maximumDepth: limits.maximumDepth)
        try scanner.expect(UInt8(ascii: "["), "'[' starting a batch")
        var events: [CloudEvent] = []
        scanner.skipWhitespace()
        if scanner.current == UInt8(ascii: "]") {
            scanner.index += 1
        } else {
            while true {
                guard events.count < limits.maximumBatchLength else {
                    throw scanner.error(
                        "batch has more than the limit of \(limits.maximumBatchLength) events", code: .limitExceeded
                    ).atIndex(events.count)
                }
                var decoder = JSONEventDecoder(scanner: scanner, maximumAttributeLength: limits.maximumAttributeLength)
                do {
                    // Depth counts from the event object, as for a single event, so that every
                    // event a batch holds is one that could travel alone, and back.
                    var event: CloudEvent
                    let end: Int
                    (event, end) = try decoder.decodeObject(depth: 1, copyInput: nil)
                    try event.validateDecoded(
                        missing: decoder.missingRequired, found: decoder.violations, dataKindFromContentType: true)
                    events.append(event)
                    scanner.index = end
                } catch let error as CloudEventError {
                    throw error.atIndex(events.count)
                }
                scanner.skipWhitespace()
                guard let byte = scanner.current else { throw scanner.error("unterminated batch array") }
                scanner.index += 1
                if byte == UInt8(ascii: "]") { break }
                guard byte == UInt8(ascii: ",") else {
                    scanner.index -= 1
                    throw scanner.unexpected("',' or ']'")
                }
            }
        }
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.error("unexpected bytes after the batch array") }
        return events
    }

    // MARK: Encoding

    /// Encodes one event, after validating it.
    ///
    /// - Throws: ``CloudEventError`` with ``CloudEventError/Code/invalidEvent`` for an invalid
    ///   event, or ``CloudEventError/Code/invalidData`` when JSON data is not one JSON value.
    public func encode(_ event: CloudEvent) throws -> [UInt8] {
        var output: [UInt8] = []
        try JSONEventEncoder.encode(event, into: &output, maximumDepth: limits.maximumDepth)
        return output
    }

    /// Appends one encoded event to `output`, after validating it.
    public func encode(_ event: CloudEvent, into output: inout [UInt8]) throws {
        try JSONEventEncoder.encode(event, into: &output, maximumDepth: limits.maximumDepth)
    }

    /// Encodes events as a batch (a JSON array), after validating each.
    ///
    /// - Throws: ``CloudEventError`` whose ``CloudEventError/index`` names the failing event.
    public func encodeBatch(_ events: some Sequence<CloudEvent>) throws -> [UInt8] {
        var output: [UInt8] = [UInt8(ascii: "[")]
        for (index, event) in events.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            do {
                try JSONEventEncoder.encode(event, into: &output, maximumDepth: limits.maximumDepth)
            } catch let error as CloudEventError {
                throw error.atIndex(index)
            }
        }
        output.append(UInt8(ascii: "]"))
        return output
    }
}
