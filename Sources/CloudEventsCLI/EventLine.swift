import CloudEvents

/// One event as one line: the format `listen` prints and `filter` reads and prints.
enum EventLine {
    /// `event` in the JSON event format (compact, the encoder's member order) and a newline.
    ///
    /// JSON data is embedded as the bytes received, and may contain line breaks between its tokens;
    /// they become spaces (a byte for a byte), the one change that keeps an event on one line. No
    /// other line break can occur: the encoder escapes control characters inside strings.
    static func bytes(for event: CloudEvent) throws -> [UInt8] {
        var bytes = try JSONEventFormat().encode(event)
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") {
            bytes[index] = UInt8(ascii: " ")
        }
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}
