extension CloudEventData {
    /// JSON data whose bytes were checked to be exactly one JSON value (strict RFC 8259, with
    /// the nesting `maximumDepth`), so that every encoder can embed them as they are.
    ///
    /// - Throws: ``CloudEventError`` with ``CloudEventError/Code/invalidData`` and the byte offset.
    package static func checkedJSON(_ bytes: ArraySlice<UInt8>, maximumDepth: Int) throws -> CloudEventData {
        try JSONEventEncoder.checkJSONValue(bytes, maximumDepth: maximumDepth)
        return CloudEventData(kind: .json, bytes: bytes, isCheckedJSON: true)
    }
}
