/// The specification's rules for attribute values, as ``CloudEventError``s naming the attribute.
///
/// The byte checkers report a ``SyntaxFailure``; this is where a failure gets its attribute,
/// error code and message.
enum AttributeRules {
    /// The String rule: no control characters, surrogates or noncharacters.
    static func checkString(_ bytes: UnsafeBufferPointer<UInt8>, attribute: String?) -> CloudEventError? {
        guard let found = StringRules.firstForbiddenCharacter(in: bytes) else { return nil }
        return StringRules.forbiddenCharacterError(offset: found.offset, scalar: found.scalar, attribute: attribute)
    }

    /// RFC 3986: an absolute URI (`absolute`) or any URI reference.
    static func checkURI(_ bytes: UnsafeBufferPointer<UInt8>, absolute: Bool, attribute: String?) -> CloudEventError? {
        let failure = absolute ? URISyntax.checkAbsoluteURI(bytes) : URISyntax.checkURIReference(bytes)
        return failure?.error(.invalidAttributeValue, attribute: attribute, subject: absolute ? "URI" : "URI-reference")
    }

    /// RFC 2045/2046 media type syntax, for `datacontenttype`, which is also a String: the
    /// obs-text that RFC 9110 admits in quoted parameter values must still be UTF-8 without
    /// forbidden characters, or the value would change the first time it is written as text.
    static func checkMediaType(_ bytes: UnsafeBufferPointer<UInt8>) -> CloudEventError? {
        if let offset = StringRules.validateUTF8(bytes) {
            return StringRules.forbiddenCharacterError(
                offset: offset, scalar: StringRules.malformedScalar, attribute: "datacontenttype")
        }
        if let failure = checkString(bytes, attribute: "datacontenttype") { return failure }
        return MediaTypeSyntax.check(bytes)?.error(.invalidAttributeValue, attribute: "datacontenttype", subject: "media type")
    }
}
