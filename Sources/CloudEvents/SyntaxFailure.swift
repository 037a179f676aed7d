/// Where and why a syntax check rejected its input.
///
/// The byte-level checkers (``URISyntax``, ``MediaTypeSyntax``, ``Base64``, ``StringRules``) run on
/// the decoding hot path, so they report failures as this small value instead of building a
/// ``CloudEventError``: nothing is allocated unless the input is bad, and the caller, who knows
/// which attribute and which document the text came from, turns it into an error with
/// ``error(_:attribute:subject:baseOffset:)``. It is an `Error` only so the checkers can use
/// typed throws internally; their entry points return it as an optional.
package struct SyntaxFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Byte offset into the checked text of the first byte that breaks the grammar (the text's
    /// length when the text ends too early).
    package var offset: Int
    /// A short, precise explanation (built only when the input is bad).
    package var reason: String

    /// Unlabelled, because the checkers create many of these and read best as `(offset, why)`.
    package init(_ offset: Int, _ reason: String) {
        self.offset = offset
        self.reason = reason
    }

    package var description: String { "byte \(offset): \(reason)" }

    /// Renders a byte for a message: printable ASCII quoted, anything else in hex, so that a
    /// control character or a stray UTF-8 byte is visible in a log line.
    static func describe(byte: UInt8) -> String {
        if byte >= 0x21 && byte <= 0x7E {
            return "'" + String(Unicode.Scalar(byte)) + "'"
        }
        if byte == 0x20 { return "space" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (byte < 0x10 ? "0" : "") + hex
    }

    /// Builds the library error for this failure.
    ///
    /// `subject` names what was being checked (`"URI"`, `"media type"`...) so the message reads
    /// on its own; `baseOffset` is added to ``offset`` when the checked text is a slice of a
    /// larger input whose offsets the user sees.
    package func error(
        _ code: CloudEventError.Code,
        attribute: String? = nil,
        subject: String,
        baseOffset: Int = 0
    ) -> CloudEventError {
        CloudEventError(
            code,
            attribute: attribute,
            byteOffset: baseOffset + offset,
            message: "invalid \(subject): \(reason)"
        )
    }
}

/// Gives the byte checkers, which take `UnsafeBufferPointer<UInt8>`, access to a string's UTF-8.
enum ByteText {
    /// Native Swift strings are contiguous UTF-8, so this costs nothing for them; only bridged or
    /// otherwise non-contiguous strings pay for a temporary copy.
    @inline(__always)
    static func withUTF8<S: StringProtocol, R>(
        _ text: S,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> R
    ) rethrows -> R {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) {
            return result
        }
        return try Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
