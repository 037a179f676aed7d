/// A CloudEvent: context attributes, extension attributes and optional data.
///
/// A `CloudEvent` is a `Sendable`, `Hashable` value. Creating one is one line:
///
/// ```swift
/// let event = CloudEvent(source: "/orders", type: "com.example.order.created")
/// ```
///
/// The `id` defaults to a fresh UUID v4 string (pass your own to override it); `time` stays
/// absent unless you set it (``Timestamp/now(fractionalDigits:)`` is one call away). Nothing is
/// checked at construction: call ``validate()``, or let an encoder do it, to get every violation
/// at once.
///
/// The attribute text lives in one buffer (see the DocC article on performance), so reading
/// a `String` property builds a `String`; bindings and formats read the bytes directly.
public struct CloudEvent: Sendable {
    /// The attribute text. Every change goes through a setter that clears ``isKnownValid``.
    package var storage: EventStorage {
        didSet { isKnownValid = false }
    }

    /// Set by a decoder (or encoder) that validated this exact value; any mutation clears it, so
    /// re-encoding a decoded, unchanged event does not validate it twice. Not part of equality.
    package var isKnownValid = false

    /// The version of the specification the event follows.
    public var specVersion: CloudEventSpecVersion {
        didSet { isKnownValid = false }
    }

    /// When the occurrence happened (`time`), exactly as written.
    public var time: Timestamp? {
        didSet { isKnownValid = false }
    }

    /// The payload, if any.
    public var data: CloudEventData? {
        didSet { isKnownValid = false }
    }

    /// Creates an event.
    ///
    /// - Parameters:
    ///   - specVersion: `1.0` unless given.
    ///   - id: Defaults to a fresh random UUID v4 (``CloudEvent/newID()``).
    ///   - source: A URI reference identifying the context of the occurrence.
    ///   - type: The event type, e.g. `com.example.order.created`.
    ///   - subject: The subject within the source.
    ///   - time: When it happened; absent unless given.
    ///   - dataContentType: The media type of `data`.
    ///   - dataSchema: The schema of `data` (`dataschema`; `schemaurl` in 0.3).
    ///   - data: The payload.
    ///   - extensions: Extension attributes by name.
    public init(
        specVersion: CloudEventSpecVersion = .v1_0,
        id: String = CloudEvent.newID(),
        source: String,
        type: String,
        subject: String? = nil,
        time: Timestamp? = nil,
        dataContentType: String? = nil,
        dataSchema: String? = nil,
        data: CloudEventData? = nil,
        extensions: KeyValuePairs<String, CloudEventAttributeValue> = [:]
    ) {
        var storage = EventStorage()
        storage.text.reserveCapacity(id.utf8.count + source.utf8.count + type.utf8.count + 64)
        storage.id = storage.append(id)
        storage.source = storage.append(source)
        storage.type = storage.append(type)
        storage.subject = subject.map { storage.append($0) }
        storage.dataContentType = dataContentType.map { storage.append($0) }
        storage.dataSchema = dataSchema.map { storage.append($0) }
        self.storage = storage
        self.specVersion = specVersion
        self.time = time
        self.data = data
        for (name, value) in extensions {
            self[extension: name] = value
        }
    }

    package init(specVersion: CloudEventSpecVersion, storage: EventStorage, time: Timestamp?, data: CloudEventData?) {
        self.specVersion = specVersion
        self.storage = storage
        self.time = time
        self.data = data
    }

    /// A fresh random (version 4) UUID in lower-case text, for use as an `id`.
    public static func newID() -> String {
        RandomUUID.v4String()
    }

    /// Identifies the event (`id`). Required and non-empty.
    public var id: String {
        get { storage.string(storage.id) }
        set { storage.id = storage.replacing(newValue) }
    }

    /// The context in which the event happened (`source`), a URI reference. Required, non-empty.
    public var source: String {
        get { storage.string(storage.source) }
        set { storage.source = storage.replacing(newValue) }
    }

    /// The type of the event (`type`). Required and non-empty.
    public var type: String {
        get { storage.string(storage.type) }
        set { storage.type = storage.replacing(newValue) }
    }

    /// The subject of the event within its source (`subject`).
    public var subject: String? {
        get { storage.subject.map(storage.string) }
        set { storage.subject = newValue.map { storage.replacing($0) } }
    }

    /// The media type of ``data`` (`datacontenttype`), e.g. `application/json`.
    public var dataContentType: String? {
        get { storage.dataContentType.map(storage.string) }
        set { storage.dataContentType = newValue.map { storage.replacing($0) } }
    }

    /// The schema that ``data`` adheres to: `dataschema` (a URI) in 1.0, `schemaurl` (a URI
    /// reference) in 0.3.
    public var dataSchema: String? {
        get { storage.dataSchema.map(storage.string) }
        set { storage.dataSchema = newValue.map { storage.replacing($0) } }
    }
}
