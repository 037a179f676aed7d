import ArgumentParser
import CloudEvents

/// The event to send: from `--event FILE`, or built from attribute flags.
struct EventFlags: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            """
            A JSON-format event to send as it is ('-' reads standard input); for --mode batch, a JSON batch \
            (or one event, sent as a batch of one). Cannot be combined with the attribute and data options.
            """, valueName: "FILE"))
    var event: String?

    @Option(help: "The event's id. Default: a fresh random UUID, made only when --id is not given.")
    var id: String?

    @Option(help: "The event's source, a URI reference (required without --event).")
    var source: String?

    @Option(help: "The event's type, e.g. com.example.order.created (required without --event).")
    var type: String?

    @Option(help: "The event's subject.")
    var subject: String?

    @Option(
        help: ArgumentHelp(
            "The event's time, RFC 3339, sent exactly as written (offset and fractional digits kept).",
            valueName: "TIMESTAMP"))
    var time: String?

    @Option(
        help: ArgumentHelp(
            "The media type of the data; it also decides what the data is (see --data).", valueName: "MEDIA-TYPE"))
    var datacontenttype: String?

    @Option(help: ArgumentHelp("The event's dataschema, an absolute URI.", valueName: "URI"))
    var dataschema: String?

    @Option(
        name: .customLong("ext"),
        help: ArgumentHelp(
            """
            An extension attribute, repeatable: 'name=value' is a String, always ('n=5' is the String \
            "5"); 'name:TYPE=value' gives the value a type, one of boolean, integer, string, binary \
            (Base64), uri, uri-reference, timestamp ('n:integer=5', 'ok:boolean=true'). The value is \
            everything after the first '='. A value that is not valid for its type is an error.
            """, valueName: "name[:TYPE]=value"))
    var extensions: [String] = []

    @Option(
        help: ArgumentHelp(
            """
            The data, as the UTF-8 bytes of TEXT. With a JSON --datacontenttype (application/json, */*+json) \
            it is JSON data and must be one JSON value, kept byte for byte; with a text type (text/*, XML, \
            YAML...) it is text; otherwise, and when --datacontenttype is absent, it is binary data.
            """, valueName: "TEXT"))
    var data: String?

    @Option(
        help: ArgumentHelp(
            "The data, as the bytes of FILE, sent unchanged; what it is follows the same rule as --data.",
            valueName: "FILE"))
    var dataFile: String?

    /// Whether any option that builds an event from flags is present.
    private var hasAttributeFlags: Bool {
        id != nil || source != nil || type != nil || subject != nil || time != nil || datacontenttype != nil
            || dataschema != nil || !extensions.isEmpty || data != nil || dataFile != nil
    }

    func validate() throws {
        if event != nil {
            guard !hasAttributeFlags else {
                throw ValidationError(
                    "--event cannot be combined with attribute or data options; edit the file instead")
            }
            return
        }
        guard source != nil, type != nil else {
            throw ValidationError("give --event FILE, or at least --source and --type")
        }
        guard data == nil || dataFile == nil else { throw ValidationError("give --data or --data-file, not both") }
        // Malformed values are usage errors of this command: found here, where the parser still
        // knows which command's usage to print.
        _ = try parsedTime()
        _ = try parsedExtensions()
    }

    /// The event built from the attribute options.
    ///
    /// - Throws: `ValidationError` for a malformed option value; `EventFileError` when
    ///   `--data-file` cannot be read.
    func makeEvent() throws -> CloudEvent {
        guard let source, let type else { throw ValidationError("give --event FILE, or at least --source and --type") }
        var event = CloudEvent(
            id: id ?? CloudEvent.newID(), source: source, type: type, subject: subject,
            dataContentType: datacontenttype, dataSchema: dataschema)
        event.time = try parsedTime()
        for (name, value) in try parsedExtensions() { event[extension: name] = value }
        event.data = try makeData()
        return event
    }

    /// `--time`, parsed.
    private func parsedTime() throws -> Timestamp? {
        guard let time else { return nil }
        do {
            return try Timestamp(parsing: time)
        } catch {
            throw ValidationError("--time '\(time)' is not an RFC 3339 timestamp: \(Self.message(of: error))")
        }
    }

    /// Every `--ext`, parsed, in order; a name given twice is an error.
    private func parsedExtensions() throws -> [(name: String, value: CloudEventAttributeValue)] {
        var seen: Set<String> = []
        return try extensions.map { text in
            let parsed = try Self.parseExtension(text)
            guard seen.insert(parsed.name).inserted else {
                throw ValidationError("--ext \(parsed.name) is given more than once")
            }
            return parsed
        }
    }

    private func makeData() throws -> CloudEventData? {
        let bytes: [UInt8]
        if let data {
            bytes = Array(data.utf8)
        } else if let dataFile {
            bytes = try EventFileReader.readBytes(dataFile)
        } else {
            return nil
        }
        guard let contentType = datacontenttype else { return .binary(bytes) }
        if MediaTypeSyntax.isJSON(contentType) { return .json(bytes: bytes) }
        guard MediaTypeSyntax.isText(contentType) else { return .binary(bytes) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ValidationError("the data is not UTF-8 text, as --datacontenttype \(contentType) says it is")
        }
        return .text(text)
    }

    /// The type names `--ext name:TYPE=value` accepts, lower case.
    static let typeNames: [String: CloudEventAttributeType] = [
        "boolean": .boolean, "integer": .integer, "string": .string, "binary": .binary, "uri": .uri,
        "uri-reference": .uriReference, "urireference": .uriReference, "timestamp": .timestamp,
    ]

    /// Parses `name=value` (a String) or `name:TYPE=value`.
    static func parseExtension(_ text: String) throws -> (name: String, value: CloudEventAttributeValue) {
        guard let equals = text.firstIndex(of: "=") else {
            throw ValidationError("--ext '\(text)' is not name=value or name:TYPE=value")
        }
        let key = text[..<equals]
        let valueText = String(text[text.index(after: equals)...])
        let name: String
        let type: CloudEventAttributeType
        if let colon = key.firstIndex(of: ":") {
            name = String(key[..<colon])
            let typeName = key[key.index(after: colon)...].lowercased()
            guard let named = typeNames[typeName] else {
                let known = typeNames.keys.filter { $0 != "urireference" }.sorted().joined(separator: ", ")
                throw ValidationError("--ext \(name): unknown type '\(typeName)'; use one of \(known)")
            }
            type = named
        } else {
            name = String(key)
            type = .string
        }
        guard !name.isEmpty else { throw ValidationError("--ext '\(text)' has no attribute name") }
        guard type != .string else { return (name, .string(valueText)) }
        do {
            return (name, try CloudEventAttributeValue(canonicalString: valueText, as: type, attribute: name))
        } catch {
            throw ValidationError("--ext \(name): '\(valueText)' is not a valid \(type): \(message(of: error))")
        }
    }

    private static func message(of error: any Error) -> String {
        (error as? CloudEventError)?.message ?? "\(error)"
    }
}
