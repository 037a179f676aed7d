/// RFC 2045/2046 media types (`datacontenttype`, HTTP `Content-Type`), read over bytes.
///
/// Grammar: `type "/" subtype *( OWS ";" OWS parameter )` with `parameter = token "=" ( token /
/// quoted-string )` and `token = 1*<VCHAR except tspecials ()<>@,;:\"/[]?=>` (RFC 2045 §5.1,
/// OWS as in RFC 9110). One leniency, because real senders produce it and rejecting it gains
/// nothing: a trailing `;` is accepted. Leading or trailing whitespace (which an HTTP field value
/// cannot carry), whitespace around `=` and empty parameters (`;;`) are not. Quoted strings
/// admit `obs-text` (bytes >= 0x80) as RFC 9110 does, so a UTF-8 parameter value passes.
package enum MediaTypeSyntax {
    /// Checks that the whole text is a well-formed media type.
    package static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> SyntaxFailure? {
        do throws(SyntaxFailure) {
            try parse(bytes) { _, _, _ in false }
            return nil
        } catch {
            return error
        }
    }

    /// String form of ``check(_:)-(UnsafeBufferPointer<UInt8>)``.
    static func check(_ text: some StringProtocol) -> SyntaxFailure? {
        ByteText.withUTF8(text) { check($0) }
    }

    /// The byte ranges of the type and subtype, or nil when the text does not start with
    /// `token "/" token` followed by the end, whitespace or `;`.
    ///
    /// Parameters are not checked: the questions asked of the essence ("is this JSON?") should
    /// get the same answer whether or not a parameter further on is malformed; ``check(_:)``
    /// is where malformed parameters are reported.
    static func essence(_ b: UnsafeBufferPointer<UInt8>) -> (type: Range<Int>, subtype: Range<Int>)? {
        let n = b.count
        let slash = scanToken(b, from: 0)
        guard slash > 0, slash < n, b[slash] == UInt8(ascii: "/") else { return nil }
        let end = scanToken(b, from: slash + 1)
        guard end > slash + 1 else { return nil }
        if end < n {
            let c = b[end]
            guard c == UInt8(ascii: ";") || c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") else { return nil }
        }
        return (0..<slash, (slash + 1)..<end)
    }

    /// Whether the essence (`type/subtype`) equals `lowercasedASCII`, ignoring ASCII case and
    /// any parameters; how the HTTP binding recognises `application/cloudevents+json` and
    /// `application/cloudevents-batch+json` whatever the sender's capitalisation.
    package static func hasEssence(_ b: UnsafeBufferPointer<UInt8>, equalTo lowercasedASCII: StaticString) -> Bool {
        guard let (type, subtype) = essence(b) else { return false }
        return equalsIgnoringCase(b, type.lowerBound..<subtype.upperBound, lowercasedASCII)
    }

    /// String form of ``hasEssence(_:equalTo:)-(UnsafeBufferPointer<UInt8>,_)``.
    package static func hasEssence(_ text: some StringProtocol, equalTo lowercasedASCII: StaticString) -> Bool {
        ByteText.withUTF8(text) { hasEssence($0, equalTo: lowercasedASCII) }
    }

    /// Whether the essence (`type/subtype`) equals `mediaType`, ignoring ASCII case and any
    /// parameters; how a binding picks the event format a `Content-Type` names.
    package static func hasEssence(_ b: UnsafeBufferPointer<UInt8>, equalTo mediaType: String) -> Bool {
        guard let (type, subtype) = essence(b) else { return false }
        let range = type.lowerBound..<subtype.upperBound
        let compared = mediaType.utf8.withContiguousStorageIfAvailable { equalsIgnoringCase(b, range, $0) }
        return compared ?? equalsIgnoringCase(b, range, mediaType)
    }

    /// Whether two media types have the same essence (`type/subtype`), ignoring ASCII case and
    /// any parameters: `application/JSON; charset=utf-8` and `application/json`.
    package static func haveSameEssence(_ first: String, _ second: String) -> Bool {
        ByteText.withUTF8(first) { a in
            ByteText.withUTF8(second) { b in
                guard let (aType, aSubtype) = essence(a), let (bType, bSubtype) = essence(b) else { return false }
                let aRange = aType.lowerBound..<aSubtype.upperBound
                let bRange = bType.lowerBound..<bSubtype.upperBound
                guard aRange.count == bRange.count else { return false }
                return zip(aRange, bRange).allSatisfy { lower(a[$0]) == lower(b[$1]) }
            }
        }
    }

    /// Whether the text starts with `prefix`, ignoring ASCII case (`application/cloudevents`
    /// starts every CloudEvents format's media type).
    package static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ lowercasedASCII: StaticString) -> Bool {
        guard b.count >= lowercasedASCII.utf8CodeUnitCount else { return false }
        return equalsIgnoringCase(b, 0..<lowercasedASCII.utf8CodeUnitCount, lowercasedASCII)
    }

    /// The content type a binding writes for an event format's media type: with
    /// `; charset=utf-8` for a JSON-based one (the JSON event format is UTF-8), as it is otherwise.
    package static func contentType(ofFormat mediaType: String) -> String {
        isJSON(mediaType) ? mediaType + "; charset=utf-8" : mediaType
    }

    /// Whether data of this type is JSON: subtype `json` or a `+json` structured suffix
    /// (RFC 6839), case-insensitively, whatever the parameters. The JSON event format embeds
    /// such data as JSON rather than as a string or Base64.
    package static func isJSON(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let (_, subtype) = essence(b) else { return false }
        return hasSubtypeOrSuffix(b, subtype, "json", "+json")
    }

    /// String form of ``isJSON(_:)-(UnsafeBufferPointer<UInt8>)``.
    package static func isJSON(_ text: some StringProtocol) -> Bool {
        ByteText.withUTF8(text) { isJSON($0) }
    }

    /// Whether data of this type is text, so its bytes may be carried as a string rather than
    /// Base64. Deliberately short: `text/*`, and the common textual `application` formats
    /// recognised by subtype or structured suffix: JSON (`json`, `+json`), XML (`xml`, `+xml`),
    /// YAML (`yaml`, `+yaml`, RFC 9512) and JavaScript (`javascript`, `ecmascript`). Anything
    /// else is treated as binary, which is always safe, only less compact.
    package static func isText(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let (type, subtype) = essence(b) else { return false }
        if equalsIgnoringCase(b, type, "text") { return true }
        return hasSubtypeOrSuffix(b, subtype, "json", "+json")
            || hasSubtypeOrSuffix(b, subtype, "xml", "+xml")
            || hasSubtypeOrSuffix(b, subtype, "yaml", "+yaml")
            || (equalsIgnoringCase(b, type, "application")
                && (equalsIgnoringCase(b, subtype, "javascript") || equalsIgnoringCase(b, subtype, "ecmascript")))
    }

    /// String form of ``isText(_:)-(UnsafeBufferPointer<UInt8>)``.
    package static func isText(_ text: some StringProtocol) -> Bool {
        ByteText.withUTF8(text) { isText($0) }
    }

    /// The value of the first parameter called `name` (ASCII case-insensitive), unquoted and
    /// unescaped; used for `charset`. Nil when absent, or when the media type is malformed
    /// before the parameter is reached. A value that is not valid UTF-8 comes back with
    /// replacement characters.
    package static func parameter(named name: String, in b: UnsafeBufferPointer<UInt8>) -> String? {
        var found: (value: Range<Int>, quoted: Bool)?
        do throws(SyntaxFailure) {
            try parse(b) { nameRange, valueRange, quoted in
                guard equalsIgnoringCase(b, nameRange, name) else { return false }
                found = (valueRange, quoted)
                return true
            }
        } catch {
            // A failure after the parameter was found does not hide it.
        }
        guard let (range, quoted) = found else { return nil }
        guard quoted else { return String(decoding: b[range], as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            if b[i] == UInt8(ascii: "\\") && i + 1 < range.upperBound { i += 1 }
            bytes.append(b[i])
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// String form of ``parameter(named:in:)-(_,UnsafeBufferPointer<UInt8>)``.
    static func parameter(named name: String, in text: some StringProtocol) -> String? {
        ByteText.withUTF8(text) { parameter(named: name, in: $0) }
    }

    // MARK: - Parsing

    /// Reads the whole media type, handing each parameter's name and value ranges (a quoted
    /// value without its quotes, escapes still in place) to `visit`, which returns true to stop.
    private static func parse(
        _ b: UnsafeBufferPointer<UInt8>,
        visit: (_ name: Range<Int>, _ value: Range<Int>, _ quoted: Bool) -> Bool
    ) throws(SyntaxFailure) {
        let n = b.count
        var i = scanToken(b, from: 0)
        if i == 0 {
            if n == 0 { throw SyntaxFailure(0, "a media type needs a type and a subtype, e.g. 'text/plain'") }
            throw SyntaxFailure(
                0, SyntaxFailure.describe(byte: b[0]) + " cannot start a media type; expected a type token")
        }
        if i == n { throw SyntaxFailure(i, "missing '/' and subtype after the type") }
        if b[i] != UInt8(ascii: "/") {
            throw SyntaxFailure(
                i, SyntaxFailure.describe(byte: b[i]) + " is not allowed in the type; expected '/' and a subtype")
        }
        i += 1
        let subtypeStart = i
        i = scanToken(b, from: i)
        if i == subtypeStart {
            throw SyntaxFailure(
                i,
                i == n
                    ? "missing subtype after '/'"
                    : SyntaxFailure.describe(byte: b[i]) + " cannot start a subtype; expected a token")
        }
        while true {
            let tokenEnd = i
            i = skipWhitespace(b, from: i)
            if i == n {
                if i != tokenEnd { throw trailingWhitespace(at: tokenEnd) }
                return
            }
            if b[i] != UInt8(ascii: ";") {
                throw SyntaxFailure(
                    i,
                    i == tokenEnd
                        ? SyntaxFailure.describe(byte: b[i]) + " is not allowed in a media type token"
                        : "expected ';' before the next parameter, found " + SyntaxFailure.describe(byte: b[i]))
            }
            let afterSemicolon = i + 1
            i = skipWhitespace(b, from: afterSemicolon)
            if i == n {
                if i != afterSemicolon { throw trailingWhitespace(at: afterSemicolon) }
                return  // lenient trailing ';'
            }
            let nameStart = i
            i = scanToken(b, from: i)
            if i == nameStart {
                throw SyntaxFailure(i, "expected a parameter name, found " + SyntaxFailure.describe(byte: b[i]))
            }
            let name = nameStart..<i
            if i == n { throw SyntaxFailure(i, "the parameter needs '=' and a value") }
            if b[i] != UInt8(ascii: "=") {
                throw SyntaxFailure(
                    i, "expected '=' after the parameter name, found " + SyntaxFailure.describe(byte: b[i]))
            }
            i += 1
            if i < n && b[i] == UInt8(ascii: "\"") {
                let open = i
                i += 1
                while true {
                    if i == n { throw SyntaxFailure(open, "unterminated quoted string") }
                    let c = b[i]
                    if c == UInt8(ascii: "\"") { break }
                    if c == UInt8(ascii: "\\") {
                        // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
                        i += 1
                        if i == n { throw SyntaxFailure(open, "unterminated quoted string") }
                        if !isQuotedText(b[i]) && b[i] != UInt8(ascii: "\"") && b[i] != UInt8(ascii: "\\") {
                            throw SyntaxFailure(
                                i, SyntaxFailure.describe(byte: b[i]) + " cannot be escaped in a quoted string")
                        }
                    } else if !isQuotedText(c) {
                        throw SyntaxFailure(i, SyntaxFailure.describe(byte: c) + " is not allowed in a quoted string")
                    }
                    i += 1
                }
                let value = (open + 1)..<i
                i += 1
                if visit(name, value, true) { return }
            } else {
                let valueStart = i
                i = scanToken(b, from: i)
                if i == valueStart {
                    throw SyntaxFailure(
                        i,
                        i == n
                            ? "missing parameter value after '='"
                            : SyntaxFailure.describe(byte: b[i]) + " cannot start a parameter value; quote the value")
                }
                if visit(name, valueStart..<i, false) { return }
            }
        }
    }

    // MARK: - Bytes

    /// token characters: VCHAR except tspecials `()<>@,;:\"/[]?=` (bit sets as in URISyntax).
    private static var tokenLo: UInt64 { 0x03FF_6CFA_0000_0000 }
    private static var tokenHi: UInt64 { 0x7FFF_FFFF_C7FF_FFFE }

    /// A byte of an RFC 2045 token; internal so the tests can check the set byte by byte.
    @inline(__always)
    static func isTokenCharacter(_ c: UInt8) -> Bool { URISyntax.contains(c, tokenLo, tokenHi) }

    /// qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
    @inline(__always)
    private static func isQuotedText(_ c: UInt8) -> Bool {
        if c >= 0x20 { return c != 0x7F && c != UInt8(ascii: "\"") && c != UInt8(ascii: "\\") }
        return c == UInt8(ascii: "\t")
    }

    /// The end of the token starting at `start` (`start` itself when there is none).
    @inline(__always)
    private static func scanToken(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < b.count && isTokenCharacter(b[i]) { i += 1 }
        return i
    }

    /// Trailing white space would not survive an HTTP header field (field values are trimmed),
    /// so a `datacontenttype` with it could arrive changed: refuse it instead.
    private static func trailingWhitespace(at offset: Int) -> SyntaxFailure {
        SyntaxFailure(offset, "trailing white space is not allowed (an HTTP Content-Type field could not carry it)")
    }

    /// Skips OWS (spaces and tabs), which RFC 9110 allows around `;`.
    @inline(__always)
    private static func skipWhitespace(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < b.count && (b[i] == UInt8(ascii: " ") || b[i] == UInt8(ascii: "\t")) { i += 1 }
        return i
    }

    /// ASCII-only lowercasing: media type names are ASCII and compare case-insensitively.
    @inline(__always)
    private static func lower(_ c: UInt8) -> UInt8 {
        c &- UInt8(ascii: "A") < 26 ? c | 0x20 : c
    }

    /// ASCII case-insensitive comparison of `b[range]` with `lowercased`.
    private static func equalsIgnoringCase(
        _ b: UnsafeBufferPointer<UInt8>,
        _ range: Range<Int>,
        _ lowercased: StaticString
    ) -> Bool {
        lowercased.withUTF8Buffer { expected in
            guard expected.count == range.count else { return false }
            var j = 0
            for i in range {
                if lower(b[i]) != expected[j] { return false }
                j += 1
            }
            return true
        }
    }

    /// ASCII case-insensitive comparison of `b[range]` with the bytes of a run-time name.
    private static func equalsIgnoringCase(
        _ b: UnsafeBufferPointer<UInt8>,
        _ range: Range<Int>,
        _ other: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard other.count == range.count else { return false }
        var j = 0
        for i in range {
            if lower(b[i]) != lower(other[j]) { return false }
            j += 1
        }
        return true
    }

    /// ASCII case-insensitive comparison of `b[range]` with a run-time name (a parameter name).
    private static func equalsIgnoringCase(
        _ b: UnsafeBufferPointer<UInt8>,
        _ range: Range<Int>,
        _ other: String
    ) -> Bool {
        guard other.utf8.count == range.count else { return false }
        var i = range.lowerBound
        for c in other.utf8 {
            if lower(b[i]) != lower(c) { return false }
            i += 1
        }
        return true
    }

    /// Whether the subtype is exactly `name` or ends with the structured `suffix` (`+name`).
    private static func hasSubtypeOrSuffix(
        _ b: UnsafeBufferPointer<UInt8>,
        _ subtype: Range<Int>,
        _ name: StaticString,
        _ suffix: StaticString
    ) -> Bool {
        if equalsIgnoringCase(b, subtype, name) { return true }
        let count = suffix.utf8CodeUnitCount
        return subtype.count > count
            && equalsIgnoringCase(b, (subtype.upperBound - count)..<subtype.upperBound, suffix)
    }
}
