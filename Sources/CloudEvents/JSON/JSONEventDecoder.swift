/// Decodes one event object of the JSON event format into a ``CloudEvent``.
///
/// The event's text buffer is the input bytes of the object itself: an attribute without
/// escapes becomes a range of it, JSON data becomes a slice of it. Only unescaped strings and
/// Base64-decoded data go to a side buffer (`extra`), appended to the text at the end. So a
/// decoded event costs one allocation for its bytes (none when the caller's `[UInt8]` is reused)
/// and one for its extension table.
struct JSONEventDecoder {
    /// Ranges at or above this start point into `extra` until they are resolved.
    static let extraBase: UInt32 = 0x8000_0000

    var scanner: JSONScanner
    /// The longest attribute value, in UTF-8 bytes after unescaping.
    let maximumAttributeLength: Int
    var extra: [UInt8] = []
    var storage = EventStorage()
    var specVersion: CloudEventSpecVersion?
    var time: Timestamp?
    /// `dataschema`, `schemaurl` and `datacontentencoding`, mapped once the version is known.
    var versioned = VersionDependentAttributes()
    var seen: UInt16 = 0
    /// Members that had a non-null value.
    var present: UInt16 = 0
    var dataValue: (start: Int, end: Int, string: JSONScanner.StringToken?)?
    var dataIsNull = false
    var dataBase64: TextRange?
    var nullExtensions: [TextRange] = []
    /// Where the object starts in `scanner.bytes`; ranges are relative to it.
    var objectStart = 0
    /// Attribute values that do not fit their type (a number for `id`, a time that does not parse,
    /// 1.5 for an extension), found while decoding goes on: validation reports them together with
    /// every other violation of the event, not only the first. Syntax errors, duplicates and
    /// limits still stop decoding at once.
    var violations: [CloudEventError] = []

    init(scanner: JSONScanner, maximumAttributeLength: Int) {
        self.scanner = scanner
        self.maximumAttributeLength = maximumAttributeLength
    }

    private enum Member: UInt16 {
        case specversion = 1
        case id = 2
        case source = 4
        case type = 8
        case subject = 16
        case time = 32
        case datacontenttype = 64
        case dataschema = 128
        case schemaurl = 256
        case datacontentencoding = 512
        case data = 1024
        case dataBase64 = 2048

        var name: String {
            switch self {
            case .specversion: "specversion"
            case .id: "id"
            case .source: "source"
            case .type: "type"
            case .subject: "subject"
            case .time: "time"
            case .datacontenttype: "datacontenttype"
            case .dataschema: "dataschema"
            case .schemaurl: "schemaurl"
            case .datacontentencoding: "datacontentencoding"
            case .data: "data"
            case .dataBase64: "data_base64"
            }
        }
    }

    /// Decodes the object at the scanner's position; `depth` is the object's nesting depth.
    /// Returns the event, not yet validated (see ``validate(_:)``), and the index just after it.
    mutating func decodeObject(depth: Int, copyInput: [UInt8]?) throws -> (CloudEvent, Int) {
        scanner.skipWhitespace()
        objectStart = scanner.index
        guard scanner.current == UInt8(ascii: "{") else { throw scanner.unexpected("'{' starting an event object") }
        guard depth <= scanner.maximumDepth else {
            throw scanner.error("nesting deeper than the limit of \(scanner.maximumDepth)", code: .limitExceeded)
        }
        scanner.index += 1
        scanner.skipWhitespace()
        if scanner.current == UInt8(ascii: "}") {
            scanner.index += 1
        } else {
            while true {
                try decodeMember(depth: depth)
                scanner.skipWhitespace()
                guard let byte = scanner.current else { throw scanner.unexpected("',' or '}'") }
                scanner.index += 1
                if byte == UInt8(ascii: "}") { break }
                guard byte == UInt8(ascii: ",") else {
                    scanner.index -= 1
                    throw scanner.unexpected("',' or '}'")
                }
            }
        }
        let end = scanner.index
        return (try finish(end: end, copyInput: copyInput), end)
    }

    // MARK: Members

    private mutating func decodeMember(depth: Int) throws {
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: "\"") else { throw scanner.unexpected("a member name") }
        let nameOffset = scanner.index
        let nameToken = try scanner.scanString()
        try scanner.expect(UInt8(ascii: ":"), "':'")
        scanner.skipWhitespace()
        guard !scanner.isAtEnd else { throw scanner.unexpected("a value") }

        let name = nameToken.hasEscapes ? storeUnescaped(nameToken) : range(nameToken)
        let member = withBytes(name) { JSONEventDecoder.classify($0) }
        if let member {
            guard seen & member.rawValue == 0 else {
                throw duplicate(member.name, at: nameOffset)
            }
            seen |= member.rawValue
            try decodeCoreValue(member, depth: depth)
        } else {
            try decodeExtension(name: name, nameOffset: nameOffset, depth: depth)
        }
    }

    private mutating func decodeCoreValue(_ member: Member, depth: Int) throws {
        let valueOffset = scanner.index
        if member == .data {
            let token: JSONScanner.StringToken? =
                scanner.current == UInt8(ascii: "\"") ? try scanner.scanString() : nil
            if token == nil { try scanner.skipValue(depth: depth) }
            dataValue = (valueOffset, scanner.index, token)
            return
        }
        // data_base64 is data, not an attribute: only the document size bounds it.
        guard let text = try scanStringOrNull(member, depth: depth) else {
            return
        }
        present |= member.rawValue
        switch member {
        case .specversion:
            let version = withBytes(text) { CloudEventSpecVersion(utf8: $0) }
            guard let version else {
                var error = CloudEventSpecVersion.unknown(string(text))
                error.byteOffset = scanner.offsetBase + valueOffset
                throw error
            }
            specVersion = version
        case .id: storage.id = text
        case .source: storage.source = text
        case .type: storage.type = text
        case .subject: storage.subject = text
        case .datacontenttype: storage.dataContentType = text
        case .dataschema: versioned.dataSchema = text
        case .schemaurl: versioned.schemaURL = text
        case .datacontentencoding: versioned.dataContentEncoding = text
        case .dataBase64: dataBase64 = text
        case .time:
            do {
                time = try withBytes(text) { try Timestamp.parse(UnsafeRawBufferPointer($0)) }
            } catch var error as CloudEventError {
                error.attribute = "time"
                error.byteOffset = scanner.offsetBase + valueOffset + 1 + (error.byteOffset ?? 0)
                violations.append(error)
            }
        case .data: break
        }
    }

    /// A string value's range, or `nil` for `null` (which the spec defines as absent) and for a
    /// value of another JSON type (skipped, and recorded in ``violations``).
    /// The member's name becomes a String only for an error.
    private mutating func scanStringOrNull(_ member: Member, depth: Int) throws -> TextRange? {
        switch scanner.current ?? 0 {
        case UInt8(ascii: "\""):
            let offset = scanner.index
            let token = try scanner.scanString()
            if member != .dataBase64 && token.end - token.start > maximumAttributeLength {
                try checkLength(token, of: member.name, at: offset)
            }
            return token.hasEscapes ? storeUnescaped(token) : range(token)
        case UInt8(ascii: "n"):
            let offset = scanner.index
            if try scanner.scanLiteral() == nil { return nil }
            violations.append(typeError(member.name, at: offset))
            return nil
        default:
            violations.append(typeError(member.name, at: scanner.index))
            try scanner.skipValue(depth: depth)
            return nil
        }
    }

    private mutating func decodeExtension(name: TextRange, nameOffset: Int, depth: Int) throws {
        if hasExtension(named: name) {
            throw duplicate(string(name), at: nameOffset)
        }
        let isValidName = withBytes(name) { StringRules.isValidAttributeName($0) }
        guard isValidName else {
            let shown = string(name)
            var error = CloudEventError(
                .invalidAttributeName, attribute: shown,
                message: "member \"\(shown)\" is not a valid attribute name (one or more of a-z, 0-9)")
            error.byteOffset = scanner.offsetBase + nameOffset
            violations.append(error)
            try scanner.skipValue(depth: depth)
            return
        }
        let valueOffset = scanner.index
        let value: ExtensionSlot.Value
        switch scanner.current ?? 0 {
        case UInt8(ascii: "\""):
            let token = try scanner.scanString()
            // The name becomes a String only for the error, never on the way of a valid event.
            if token.end - token.start > maximumAttributeLength {
                try checkLength(token, of: string(name), at: valueOffset)
            }
            value = .bytes(.string, token.hasEscapes ? storeUnescaped(token) : range(token))
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            guard let flag = try scanner.scanLiteral() else {
                nullExtensions.append(name)
                return
            }
            value = .boolean(flag)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let number = try scanner.scanNumber()
            guard number.isInteger else {
                let attribute = string(name)
                let text = String(
                    decoding: UnsafeBufferPointer(rebasing: scanner.bytes[number.start..<number.end]), as: UTF8.self)
                violations.append(
                    CloudEventError(
                        .invalidAttributeValue, attribute: attribute, byteOffset: scanner.offsetBase + valueOffset,
                        message: "\(text) is not an Integer; CloudEvents numbers are whole numbers in the Int32 range"))
                return
            }
            switch IntegerSyntax.parse(UnsafeBufferPointer(rebasing: scanner.bytes[number.start..<number.end])) {
            case .value(let integer): value = .integer(integer)
            default:
                let attribute = string(name)
                let text = String(
                    decoding: UnsafeBufferPointer(rebasing: scanner.bytes[number.start..<number.end]), as: UTF8.self)
                violations.append(
                    CloudEventError(
                        .integerOutOfRange, attribute: attribute, byteOffset: scanner.offsetBase + valueOffset,
                        message: "\(text) is outside the Integer range -2147483648...2147483647"))
                return
            }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let attribute = string(name)
            violations.append(
                CloudEventError(
                    .invalidAttributeValue, attribute: attribute, byteOffset: scanner.offsetBase + valueOffset,
                    message: "extension values must be a string, number, boolean or null, not an object or array"))
            try scanner.skipValue(depth: depth)
            return
        default:
            throw scanner.unexpected("a JSON value")
        }
        if storage.extensions.isEmpty { storage.extensions.reserveCapacity(4) }
        storage.extensions.append(ExtensionSlot(name: name, value: value))
    }

    // MARK: Finishing

    private mutating func finish(end: Int, copyInput: [UInt8]?) throws -> CloudEvent {
        guard let specVersion else {
            // Without a version there is no event to validate: a specversion of the wrong type is the error.
            if let wrongType = violations.first(where: { $0.attribute == "specversion" }) { throw wrongType }
            throw CloudEventError(
                .missingAttribute, attribute: "specversion", byteOffset: scanner.offsetBase + objectStart,
                message: "specversion is required; without it the object is not a CloudEvent")
        }
        // Members whose meaning depends on the version, which may have come last.
        let versioned = self.versioned
        storage.dataSchema = versioned.dataSchema(in: specVersion)
        versioned.forEachExtension(in: specVersion) { name, value in appendStringExtension(name, value) }
        let data = try decodeData(specVersion: specVersion)

        // Build the text buffer: the object's bytes, then the side buffer.
        let length = end - objectStart
        var text: [UInt8]
        if let copyInput, objectStart == 0, end == copyInput.count, extra.isEmpty {
            text = copyInput
        } else {
            text = []
            text.reserveCapacity(length + extra.count)
            text.append(contentsOf: UnsafeBufferPointer(rebasing: scanner.bytes[objectStart..<end]))
            text.append(contentsOf: extra)
        }
        storage.text = text
        resolveRanges(length: length)
        // The data first, so that the event is made once, not copied to be given its data.
        let eventData = data.map { data in
            CloudEventData(
                kind: data.kind, bytes: storage.bytes(resolve(data.range, length: length)),
                isCheckedJSON: data.kind == .json)
        }
        return CloudEvent(specVersion: specVersion, storage: storage, time: time, data: eventData)
    }

    /// The required attributes the object lacked or gave as `null`.
    var missingRequired: [String] {
        RequiredAttributes.missing(
            id: present & Member.id.rawValue != 0, source: present & Member.source.rawValue != 0,
            type: present & Member.type.rawValue != 0)
    }

    private mutating func decodeData(specVersion: CloudEventSpecVersion) throws -> (
        kind: CloudEventData.Kind, range: TextRange
    )? {
        if let dataBase64 {
            guard dataValue == nil else {
                throw CloudEventError(
                    .invalidData, attribute: "data", byteOffset: scanner.offsetBase + objectStart,
                    message: "data and data_base64 are mutually exclusive")
            }
            return (.binary, try decodeBase64(dataBase64, attribute: "data_base64"))
        }
        if let encoding = versioned.dataEncoding(in: specVersion) {
            let isBase64 = withBytes(encoding) { ByteComparison.equal($0, "base64") }
            guard isBase64 else {
                throw CloudEventError(
                    .unsupportedFormat, attribute: "datacontentencoding",
                    message: "datacontentencoding \"\(string(encoding))\""
                        + " is not supported; 0.3 defines only base64")
            }
            guard let dataValue, let token = dataValue.string else {
                throw CloudEventError(
                    .invalidData, attribute: "data",
                    message: "datacontentencoding base64 requires data to be a Base64 string")
            }
            let text = token.hasEscapes ? storeUnescaped(token) : range(token)
            return (.binary, try decodeBase64(text, attribute: "data"))
        }
        guard let dataValue else { return nil }
        let declaresJSON =
            storage.dataContentType.map { range in withBytes(range) { MediaTypeSyntax.isJSON($0) } } ?? true
        if declaresJSON {
            let start = UInt32(truncatingIfNeeded: dataValue.start - objectStart)
            return (.json, TextRange(start: start, count: UInt32(truncatingIfNeeded: dataValue.end - dataValue.start)))
        }
        guard let token = dataValue.string else {
            let isNull = scanner.bytes[dataValue.start] == UInt8(ascii: "n")
            if isNull { return nil }
            throw CloudEventError(
                .invalidData, attribute: "data", byteOffset: scanner.offsetBase + dataValue.start,
                message: "datacontenttype does not declare JSON, so data must be a JSON string")
        }
        return (.text, token.hasEscapes ? storeUnescaped(token) : range(token))
    }

    private mutating func decodeBase64(_ text: TextRange, attribute: String) throws -> TextRange {
        var decoded: [UInt8] = []
        let failure = withBytes(text) { Base64.decode($0, into: &decoded) }
        if let failure {
            throw CloudEventError(
                .malformedInput, attribute: attribute, message: "\(attribute) is not valid Base64: \(failure)")
        }
        let start = JSONEventDecoder.extraBase + UInt32(truncatingIfNeeded: extra.count)
        extra.append(contentsOf: decoded)
        return TextRange(start: start, count: UInt32(truncatingIfNeeded: decoded.count))
    }

    private mutating func appendStringExtension(_ name: String, _ value: TextRange) {
        let nameRange = storeExtra(name)
        storage.extensions.append(ExtensionSlot(name: nameRange, value: .bytes(.string, value)))
    }

    private mutating func resolveRanges(length: Int) {
        storage.id = resolve(storage.id, length: length)
        storage.source = resolve(storage.source, length: length)
        storage.type = resolve(storage.type, length: length)
        storage.subject = storage.subject.map { resolve($0, length: length) }
        storage.dataContentType = storage.dataContentType.map { resolve($0, length: length) }
        storage.dataSchema = storage.dataSchema.map { resolve($0, length: length) }
        for index in storage.extensions.indices {
            let slot = storage.extensions[index]
            storage.extensions[index].name = resolve(slot.name, length: length)
            if case .bytes(let type, let range) = slot.value {
                storage.extensions[index].value = .bytes(type, resolve(range, length: length))
            }
        }
    }

    private func resolve(_ range: TextRange, length: Int) -> TextRange {
        guard range.start >= JSONEventDecoder.extraBase else { return range }
        return TextRange(
            start: range.start - JSONEventDecoder.extraBase + UInt32(truncatingIfNeeded: length), count: range.count)
    }

    // MARK: Ranges during the scan

    private func range(_ token: JSONScanner.StringToken) -> TextRange {
        TextRange(
            start: UInt32(truncatingIfNeeded: token.start - objectStart),
            count: UInt32(truncatingIfNeeded: token.end - token.start))
    }

    private mutating func storeUnescaped(_ token: JSONScanner.StringToken) -> TextRange {
        let start = extra.count
        JSONScanner.unescape(scanner.bytes, token, into: &extra)
        return TextRange(
            start: JSONEventDecoder.extraBase + UInt32(truncatingIfNeeded: start),
            count: UInt32(truncatingIfNeeded: extra.count - start))
    }

    private mutating func storeExtra(_ string: String) -> TextRange {
        let start = extra.count
        extra.append(contentsOf: string.utf8)
        return TextRange(
            start: JSONEventDecoder.extraBase + UInt32(truncatingIfNeeded: start),
            count: UInt32(truncatingIfNeeded: string.utf8.count))
    }

    /// Whether an extension of this name was decoded already, with a value or as `null`.
    ///
    /// A non-mutating loop rather than closures over `self`, which would copy the decoder.
    private func hasExtension(named name: TextRange) -> Bool {
        withBytes(name) { nameBytes in
            for slot in storage.extensions where withBytes(slot.name, { ByteComparison.equal($0, nameBytes) }) {
                return true
            }
            for range in nullExtensions where withBytes(range, { ByteComparison.equal($0, nameBytes) }) {
                return true
            }
            return false
        }
    }

    private func string(_ range: TextRange) -> String {
        withBytes(range) { String(decoding: $0, as: UTF8.self) }
    }

    private func withBytes<R>(_ range: TextRange, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if range.start >= JSONEventDecoder.extraBase {
            let start = Int(range.start - JSONEventDecoder.extraBase)
            return try extra.withUnsafeBufferPointer {
                try body(UnsafeBufferPointer(rebasing: $0[start..<start + Int(range.count)]))
            }
        }
        let start = objectStart + Int(range.start)
        return try body(UnsafeBufferPointer(rebasing: scanner.bytes[start..<start + Int(range.count)]))
    }

    // MARK: Errors and names

    /// Throws ``CloudEventError/Code/limitExceeded`` when the string value starting (with its
    /// quote) at `offset` is longer than ``maximumAttributeLength`` once unescaped; counts
    /// without unescaping, so a refused value costs no memory.
    private func checkLength(_ token: JSONScanner.StringToken, of attribute: String, at offset: Int) throws {
        let written = token.end - token.start
        // Unescaping never lengthens a string, so a short one needs no count (callers test
        // this first too, so that the attribute's name is made only for a long value).
        guard written > maximumAttributeLength else { return }
        let length = token.hasEscapes ? JSONScanner.unescapedCount(scanner.bytes, token) : written
        guard length > maximumAttributeLength else { return }
        throw CloudEventError(
            .limitExceeded, attribute: attribute, byteOffset: scanner.offsetBase + offset,
            message: "the value of \(attribute) is \(length) bytes, over the limit of \(maximumAttributeLength)")
    }

    private func duplicate(_ name: String, at offset: Int) -> CloudEventError {
        CloudEventError(
            .malformedInput, attribute: name, byteOffset: scanner.offsetBase + offset,
            message: "member \"\(name)\" appears more than once in the event object")
    }

    private func typeError(_ attribute: String, at offset: Int) -> CloudEventError {
        CloudEventError(
            .attributeTypeMismatch, attribute: attribute, byteOffset: scanner.offsetBase + offset,
            message: "\(attribute) must be a JSON string (or null when optional)")
    }

    private static func classify(_ name: UnsafeBufferPointer<UInt8>) -> Member? {
        func equals(_ literal: StaticString) -> Bool {
            ByteComparison.equal(name, literal)
        }
        switch name.count {
        case 2: return equals("id") ? .id : nil
        case 4:
            if equals("type") { return .type }
            if equals("time") { return .time }
            return equals("data") ? .data : nil
        case 6: return equals("source") ? .source : nil
        case 7: return equals("subject") ? .subject : nil
        case 9: return equals("schemaurl") ? .schemaurl : nil
        case 10: return equals("dataschema") ? .dataschema : nil
        case 11:
            if equals("specversion") { return .specversion }
            return equals("data_base64") ? .dataBase64 : nil
        case 15: return equals("datacontenttype") ? .datacontenttype : nil
        case 19: return equals("datacontentencoding") ? .datacontentencoding : nil
        default: return nil
        }
    }
}
