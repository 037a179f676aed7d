/// Reading and writing any attribute, core or extension, by name and with its type.
extension CloudEvent {
    /// An extension attribute by name; `nil` when absent. Setting `nil` removes it.
    ///
    /// The name is not checked here (a setter cannot throw): ``validate()`` reports a name that is
    /// not `[a-z0-9]+` or that collides with a core attribute. Use
    /// ``setAttribute(_:to:)`` to be told at once.
    public subscript(extension name: String) -> CloudEventAttributeValue? {
        get {
            storage.extensionIndex(named: name).map { attributeValue(of: storage.extensions[$0].value) }
        }
        set {
            let index = storage.extensionIndex(named: name)
            guard let newValue else {
                if let index { storage.extensions.remove(at: index) }
                return
            }
            storage.compactIfWasteful(adding: name.utf8.count + newValue.storedByteCount)
            let stored = store(newValue)
            if let index {
                storage.extensions[index].value = stored
            } else {
                let nameRange = storage.append(name)
                storage.extensions.append(ExtensionSlot(name: nameRange, value: stored))
            }
        }
    }

    /// The extension attributes' names, in the order they were added (or decoded).
    public var extensionNames: [String] {
        storage.extensions.map { storage.string($0.name) }
    }

    /// The extension attributes, in the order they were added (or decoded).
    public var extensions: [(name: String, value: CloudEventAttributeValue)] {
        storage.extensions.map { (storage.string($0.name), attributeValue(of: $0.value)) }
    }

    /// Every attribute that is present, core then extension, with its type.
    ///
    /// Core attributes come in the order of ``CloudEventSpecVersion/coreAttributes``.
    public var attributes: [(name: String, value: CloudEventAttributeValue)] {
        var result: [(name: String, value: CloudEventAttributeValue)] = []
        for core in specVersion.coreAttributes {
            if let value = attribute(core.name) { result.append((core.name, value)) }
        }
        return result + extensions
    }

    /// Any attribute, core or extension, by name, with its CloudEvents type; `nil` when absent.
    ///
    /// Core attributes come back with their spec type (`time` as a Timestamp, `dataschema` as a
    /// URI, `source` as a URI-reference). In 0.3, `datacontentencoding` reads `base64` when the
    /// data is binary.
    public func attribute(_ name: String) -> CloudEventAttributeValue? {
        switch name {
        case "specversion": return .string(specVersion.rawValue)
        case "id": return .string(id)
        case "source": return .uriReference(source)
        case "type": return .string(type)
        case "subject": return subject.map { .string($0) }
        case "time": return time.map { .timestamp($0) }
        case "datacontenttype": return dataContentType.map { .string($0) }
        case "dataschema" where specVersion == .v1_0: return dataSchema.map { .uri($0) }
        case "schemaurl" where specVersion == .v0_3: return dataSchema.map { .uriReference($0) }
        case "datacontentencoding" where specVersion == .v0_3:
            return data?.kind == .binary ? .string("base64") : nil
        default: return self[extension: name]
        }
    }

    /// Sets any attribute, core or extension, by name; `nil` removes an optional one.
    ///
    /// A core attribute takes a value of its type, or a String in that type's canonical form
    /// (so `setAttribute("time", to: .string("2024-05-20T14:23:18.120Z"))` parses the time).
    ///
    /// - Throws: ``CloudEventError`` when the name is not `[a-z0-9]+` or is reserved, when a
    ///   required attribute would be removed, when the value does not fit the core attribute's
    ///   type, or for an unknown `specversion`.
    public mutating func setAttribute(_ name: String, to value: CloudEventAttributeValue?) throws {
        guard let core = specVersion.coreAttributes.first(where: { $0.name == name }) else {
            try CloudEvent.checkExtensionName(name, specVersion: specVersion)
            self[extension: name] = value
            return
        }
        guard let value else {
            guard !core.isRequired else {
                throw CloudEventError(
                    .missingAttribute, attribute: name, message: "\(name) is required and cannot be removed")
            }
            switch name {
            case "subject": subject = nil
            case "time": time = nil
            case "datacontenttype": dataContentType = nil
            case "datacontentencoding": try setDataContentEncoding(nil)
            default: dataSchema = nil
            }
            return
        }
        let typed = try value.converted(to: core.type, attribute: name)
        switch (name, typed) {
        case ("specversion", .string(let text)): specVersion = try CloudEventSpecVersion(parsing: text)
        case ("id", .string(let text)): id = text
        case ("source", .uriReference(let text)): source = text
        case ("type", .string(let text)): type = text
        case ("subject", .string(let text)): subject = text
        case ("time", .timestamp(let timestamp)): time = timestamp
        case ("datacontenttype", .string(let text)): dataContentType = text
        case ("dataschema", .uri(let text)), ("schemaurl", .uriReference(let text)): dataSchema = text
        case ("datacontentencoding", .string(let text)): try setDataContentEncoding(text)
        default:
            throw CloudEventError(
                .attributeTypeMismatch, attribute: name, message: "\(name) takes a \(core.type) value")
        }
    }

    /// 0.3's `datacontentencoding` is derived from the data: `base64` exactly when it is binary.
    private mutating func setDataContentEncoding(_ encoding: String?) throws {
        let isBinary = data?.kind == .binary
        guard (encoding == "base64") == isBinary else {
            throw CloudEventError(
                .invalidAttributeValue, attribute: "datacontentencoding",
                message: encoding == nil || encoding == "base64"
                    ? "datacontentencoding follows the data: set binary data to get base64, other data to remove it"
                    : "datacontentencoding \"\(encoding ?? "")\" is not supported; only base64 is")
        }
    }

    /// Checks that `name` can name an extension attribute of `specVersion`.
    static func checkExtensionName(_ name: String, specVersion: CloudEventSpecVersion) throws {
        var copy = name
        let isValid = copy.withUTF8 { StringRules.isValidAttributeName($0) }
        guard isValid else {
            throw CloudEventError(
                .invalidAttributeName, attribute: name,
                message: "attribute names must be one or more lower-case ASCII letters or digits")
        }
        if name == "data" || specVersion.coreAttributes.contains(where: { $0.name == name }) {
            throw CloudEventError(
                .invalidAttributeName, attribute: name,
                message: "\(name) is reserved by the specification and cannot name an extension")
        }
    }

    func attributeValue(of stored: ExtensionSlot.Value) -> CloudEventAttributeValue {
        switch stored {
        case .boolean(let value): return .boolean(value)
        case .integer(let value): return .integer(value)
        case .timestamp(let value): return .timestamp(value)
        case .bytes(let type, let range):
            switch type {
            case .binary: return .binary(Array(storage.bytes(range)))
            case .uri: return .uri(storage.string(range))
            case .uriReference: return .uriReference(storage.string(range))
            default: return .string(storage.string(range))
            }
        }
    }

    /// Appends a value's bytes (no compaction: see ``EventStorage/compactIfWasteful(adding:)``).
    private mutating func store(_ value: CloudEventAttributeValue) -> ExtensionSlot.Value {
        switch value {
        case .boolean(let value): return .boolean(value)
        case .integer(let value): return .integer(value)
        case .timestamp(let value): return .timestamp(value)
        case .string(let text): return .bytes(.string, storage.append(text))
        case .uri(let text): return .bytes(.uri, storage.append(text))
        case .uriReference(let text): return .bytes(.uriReference, storage.append(text))
        case .binary(let bytes): return .bytes(.binary, storage.append(bytes: bytes))
        }
    }
}

extension CloudEventAttributeValue {
    /// The bytes the value takes in an event's text buffer.
    var storedByteCount: Int {
        switch self {
        case .boolean, .integer, .timestamp: 0
        case .string(let text), .uri(let text), .uriReference(let text): text.utf8.count
        case .binary(let bytes): bytes.count
        }
    }
}
