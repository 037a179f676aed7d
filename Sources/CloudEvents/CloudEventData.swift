/// An event's payload: bytes plus what they are.
///
/// JSON data is kept as the exact bytes of one JSON value, never parsed into a dictionary and
/// re-serialised, so numbers, key order, duplicate keys and precision survive every hop. Text is
/// kept as UTF-8 bytes. Binary is kept as it is. The bytes are an `ArraySlice` so that a decoder
/// can hand out a view of the buffer it decoded without copying the payload.
public struct CloudEventData: Sendable, Hashable, CustomStringConvertible {
    /// What the payload bytes are.
    public enum Kind: String, Sendable, Hashable {
        /// One JSON value (object, array, string, number, `true`, `false` or `null`), as UTF-8.
        case json
        /// Text in UTF-8, not JSON (for example `text/plain` or XML).
        case text
        /// Opaque bytes.
        case binary
    }

    /// What the payload bytes are.
    public let kind: Kind
    /// The payload.
    public let bytes: ArraySlice<UInt8>
    /// Whether `bytes` is known to be exactly one well-formed JSON value, so an encoder can
    /// embed it without scanning it again. Not part of equality.
    package let isCheckedJSON: Bool

    package init(kind: Kind, bytes: ArraySlice<UInt8>, isCheckedJSON: Bool = false) {
        self.kind = kind
        self.bytes = bytes
        self.isCheckedJSON = isCheckedJSON
    }

    /// JSON data from the text of one JSON value, e.g. `#"{"total":1.10}"#`.
    ///
    /// The text is not checked here; the JSON event format checks it when it embeds it and
    /// throws if it is not exactly one JSON value.
    public static func json(_ text: String) -> CloudEventData {
        CloudEventData(kind: .json, bytes: ArraySlice(text.utf8))
    }

    /// JSON data from the UTF-8 bytes of one JSON value.
    public static func json(bytes: some Sequence<UInt8>) -> CloudEventData {
        CloudEventData(kind: .json, bytes: ArraySlice(bytes))
    }

    /// Text data, stored as UTF-8.
    public static func text(_ text: String) -> CloudEventData {
        CloudEventData(kind: .text, bytes: ArraySlice(text.utf8))
    }

    /// Binary data.
    public static func binary(_ bytes: some Sequence<UInt8>) -> CloudEventData {
        CloudEventData(kind: .binary, bytes: ArraySlice(bytes))
    }

    /// The bytes as a UTF-8 string, for JSON and text data; `nil` for binary data.
    public var text: String? {
        kind == .binary ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// A short human-readable summary.
    public var description: String {
        switch kind {
        case .binary: "binary(\(bytes.count) bytes)"
        case .json, .text: "\(kind.rawValue)(\(text ?? ""))"
        }
    }

    /// Equality compares kind and bytes.
    public static func == (lhs: CloudEventData, rhs: CloudEventData) -> Bool {
        lhs.kind == rhs.kind
            && lhs.bytes.withUnsafeBufferPointer { left in
                rhs.bytes.withUnsafeBufferPointer { right in ByteComparison.equal(left, right) }
            }
    }

    /// Hashes kind and bytes.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(bytes.count)
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
