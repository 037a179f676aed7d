/// The data of a binary-mode event: the payload, read as its `datacontenttype` declares.
package enum BinaryModeData {
    /// JSON for a JSON content type (checked to be one JSON value), text for a textual one that
    /// is UTF-8, otherwise binary; Base64-decoded when 0.3's `datacontentencoding` is `base64`.
    /// `contentTypeHeader` names where `datacontenttype` came from, for messages. An empty
    /// payload is no data (binary mode cannot tell the two apart).
    static func decode(
        _ body: ArraySlice<UInt8>, contentType: TextRange?, dataEncoding: TextRange?, in storage: EventStorage,
        maximumJSONDepth: Int, contentTypeHeader: @autoclosure () -> String
    ) throws -> CloudEventData? {
        guard !body.isEmpty else { return nil }
        if let dataEncoding {
            guard storage.withBytes(dataEncoding, { ByteComparison.equal($0, "base64") }) else {
                throw CloudEventError(
                    .unsupportedFormat, attribute: "datacontentencoding",
                    message:
                        "datacontentencoding \(storage.string(dataEncoding)) is not supported; 0.3 defines only base64")
            }
            var decoded: [UInt8] = []
            if let failure = body.withUnsafeBufferPointer({ Base64.decode($0, into: &decoded) }) {
                throw failure.error(.malformedInput, attribute: "data", subject: "Base64 body")
            }
            return .binary(decoded)
        }
        guard let contentType else { return CloudEventData(kind: .binary, bytes: body) }
        let (isJSON, isText) = storage.withBytes(contentType) {
            (MediaTypeSyntax.isJSON($0), MediaTypeSyntax.isText($0))
        }
        if isJSON {
            do {
                return try CloudEventData.checkedJSON(body, maximumDepth: maximumJSONDepth)
            } catch var error as CloudEventError {
                error.message = "the body is not the JSON its \(contentTypeHeader()) declares: " + error.message
                throw error
            }
        }
        if isText, body.withUnsafeBufferPointer({ StringRules.validateUTF8($0) }) == nil {
            return CloudEventData(kind: .text, bytes: body)
        }
        return CloudEventData(kind: .binary, bytes: body)
    }

    /// The data of a format that carries the payload as bytes beside a `datacontenttype` (Avro's
    /// `bytes`, Protobuf's `binary_data`), the content type in `storage`: read as the content type
    /// declares, as in binary mode, except that empty bytes are empty data (these formats can tell
    /// it from none).
    package static func decode(
        _ bytes: ArraySlice<UInt8>, contentType: TextRange?, in storage: EventStorage, maximumJSONDepth: Int
    ) throws -> CloudEventData {
        let (isJSON, isText) =
            contentType.map { range in
                storage.withBytes(range) { (MediaTypeSyntax.isJSON($0), MediaTypeSyntax.isText($0)) }
            } ?? (false, false)
        guard !bytes.isEmpty else { return CloudEventData(kind: isText && !isJSON ? .text : .binary, bytes: []) }
        if isJSON {
            return try CloudEventData.checkedJSON(bytes, maximumDepth: maximumJSONDepth)
        }
        if isText, bytes.withUnsafeBufferPointer({ StringRules.validateUTF8($0) }) == nil {
            return CloudEventData(kind: .text, bytes: bytes)
        }
        return CloudEventData(kind: .binary, bytes: bytes)
    }
}
