public import CloudEvents
public import CloudEventsHTTP

/// One case of the upstream CloudEvents conformance YAML format: an event, the HTTP mode to send
/// it in, and extra HTTP header fields.
///
/// Each YAML document of a file in `cloudevents/conformance` (`yaml/**/*.yaml`, documents
/// separated by `---`) is one case:
///
/// ```yaml
/// # Minimum plain/text; charset=us-ascii     ← part of the name
/// Mode: binary                               ← optional: binary | structured
/// ContextAttributes:
///   specversion: 1.0
///   id: conformance-0001
///   Extensions:
///     comexampleextension1: "value"
/// TransportExtensions:
///   user-agent: "foo"
/// Data: |
///   Hello, World!
/// ```
///
/// Values are kept exactly as YAML gives them, so a `|` block scalar keeps its final newline.
/// ``event()`` then applies the upstream tool's own sending rule (see there).
public struct ConformanceCase: Sendable, Hashable, CustomStringConvertible {
    /// The file (relative to the directory searched), the document's index in it (from 0), and
    /// the comment line above the document if there is one: `v1.0/v1_minimum.yaml#2 (Minimum ...)`.
    public var name: String
    /// The mode the case asks for; `nil` means either, and the runner uses both.
    public var mode: HTTPContentMode?
    /// The context attributes (`specversion`, `id`, `source`, `type`, `time`, `datacontenttype`,
    /// `dataschema` or `schemaurl`, `subject`...) by name, as YAML text.
    public var contextAttributes: [String: String]
    /// The extension attributes (`ContextAttributes.Extensions`) by name, as YAML text.
    public var extensions: [String: String]
    /// Extra HTTP header fields (`TransportExtensions`) by name: never CloudEvents attributes.
    public var transportExtensions: [String: String]
    /// The payload as YAML text (`Data`), if any.
    public var data: String?

    /// Creates a case.
    public init(
        name: String, mode: HTTPContentMode? = nil, contextAttributes: [String: String],
        extensions: [String: String] = [:], transportExtensions: [String: String] = [:], data: String? = nil
    ) {
        self.name = name
        self.mode = mode
        self.contextAttributes = contextAttributes
        self.extensions = extensions
        self.transportExtensions = transportExtensions
        self.data = data
    }

    /// The modes to run: ``mode``, or binary and structured when the case leaves it open.
    public var modes: [HTTPContentMode] {
        mode.map { [$0] } ?? [.binary, .structured]
    }

    /// The case's name.
    public var description: String { name }

    /// Every attribute the decoded event must have, and no more: name → canonical string.
    ///
    /// Context attributes and extensions together, each value with surrounding white space
    /// removed, as ``event()`` sends them.
    public var expectedAttributes: [String: String] {
        var result: [String: String] = [:]
        for (name, value) in contextAttributes { result[name] = ConformanceCase.attributeText(value) }
        for (name, value) in extensions { result[name] = ConformanceCase.attributeText(value) }
        return result
    }

    /// The data the decoded event must carry, or `nil` for none.
    ///
    /// - JSON `datacontenttype` (`application/json`, any `*/json` or `*/*+json`, case-insensitive,
    ///   parameters allowed): ``/CloudEvents/CloudEventData/json(_:)`` of the text with surrounding
    ///   white space removed (the block scalar's newline is YAML, not JSON).
    /// - No `datacontenttype`: the text's UTF-8 bytes as ``/CloudEvents/CloudEventData/binary(_:)``.
    ///   A binary-mode receiver gets a body without a `Content-Type` and cannot know what it is,
    ///   so binary is the only kind both modes can agree on. Upstream `v1.yaml` and `v03.yaml`
    ///   have JSON-looking data and no `datacontenttype`: calling that JSON would make a binary-mode
    ///   sender state `Content-Type: application/json` (the JSON format's implied type), and the
    ///   receiver would then see a `datacontenttype` the case does not have; calling it text is
    ///   invalid (absent `datacontenttype` implies JSON, and text data cannot claim JSON).
    /// - Any other `datacontenttype`: ``/CloudEvents/CloudEventData/text(_:)`` of the text as it is.
    public var expectedData: CloudEventData? {
        guard let data else { return nil }
        guard let contentType = contextAttributes["datacontenttype"].map(ConformanceCase.attributeText) else {
            return .binary(Array(data.utf8))
        }
        if ConformanceCase.isJSONMediaType(contentType) { return .json(ConformanceCase.trimmed(data)) }
        return .text(data)
    }

    /// Builds the event the case describes.
    ///
    /// Attribute values are sent with surrounding white space removed, as the upstream tool does
    /// (its `addHeader` applies `strings.TrimSpace` to every value it writes). That is also what
    /// makes upstream `v1.yaml` and `v03.yaml` valid at all: their `comexampleextension2` is a `|`
    /// block scalar ending in a newline, and U+000A is a control character the CloudEvents String
    /// type forbids. ``extensions`` keeps the YAML text untouched; only the event is trimmed.
    /// Extension values are Strings. The data is ``expectedData``.
    ///
    /// - Throws: ``ConformanceError`` for a missing `specversion`, `id`, `source` or `type`;
    ///   ``/CloudEvents/CloudEventError`` for a value the model rejects (unknown spec version,
    ///   malformed time, invalid extension name...).
    public func event() throws -> CloudEvent {
        func required(_ name: String) throws -> String {
            guard let value = contextAttributes[name] else {
                throw ConformanceError(file: self.name, message: "the case has no \(name)")
            }
            return ConformanceCase.attributeText(value)
        }
        let specVersion = try CloudEventSpecVersion(parsing: try required("specversion"))
        var event = CloudEvent(
            specVersion: specVersion, id: try required("id"), source: try required("source"), type: try required("type")
        )
        event.data = expectedData
        let coreNames: Set = ["specversion", "id", "source", "type"]
        for name in contextAttributes.keys.sorted() where !coreNames.contains(name) {
            try event.setAttribute(name, to: .string(ConformanceCase.attributeText(contextAttributes[name] ?? "")))
        }
        for name in extensions.keys.sorted() {
            try event.setAttribute(name, to: .string(ConformanceCase.attributeText(extensions[name] ?? "")))
        }
        return event
    }

    /// An attribute value as sent: without surrounding white space.
    static func attributeText(_ value: String) -> String {
        trimmed(value)
    }

    static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    /// Whether a media type declares JSON: subtype `json` or a `+json` suffix (RFC 6839),
    /// case-insensitively, whatever the parameters.
    static func isJSONMediaType(_ mediaType: String) -> Bool {
        let essence = trimmed(String(mediaType.prefix { $0 != ";" })).lowercased()
        let parts = essence.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        return parts[1] == "json" || (parts[1].hasSuffix("+json") && parts[1].count > 5)
    }
}
