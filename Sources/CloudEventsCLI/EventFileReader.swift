import CloudEvents

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads JSON-format event files: a path, or `-` for standard input.
enum EventFileReader {
    /// What a JSON document holds, told by its first byte that is not white space.
    enum DocumentKind: Equatable {
        /// `{`: one event.
        case event
        /// `[`: a batch.
        case batch
        /// Anything else, with a description of what was found.
        case neither(String)
    }

    /// The JSON event format for files given on the command line: a file is trusted input, so it
    /// may be as large as the format allows (1 GiB) and a batch as long as it is. The library's
    /// defaults (16 MiB, 100,000 events) protect servers from what strangers send.
    static let fileFormat = JSONEventFormat(
        limits: JSONEventFormat.Limits(maximumDocumentSize: 1 << 30, maximumBatchLength: Int.max))

    /// Every byte of `path`, or of standard input when `path` is `-`.
    ///
    /// - Throws: ``EventFileError`` naming the file and the system's reason.
    static func readBytes(_ path: String) throws -> [UInt8] {
        if path == "-" { return try readAll(fileDescriptor: 0, name: "standard input") }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw EventFileError(path: path, reason: systemError()) }
        defer { close(descriptor) }
        return try readAll(fileDescriptor: descriptor, name: path)
    }

    /// How `path` is named in messages: `-` reads as `standard input`.
    static func displayName(_ path: String) -> String {
        path == "-" ? "standard input" : path
    }

    /// Whether `bytes` hold an event or a batch, by their first byte that is not JSON white space.
    static func kind(of bytes: [UInt8]) -> DocumentKind {
        guard let first = bytes.first(where: { !isJSONWhitespace($0) }) else {
            return .neither("the input is empty")
        }
        switch first {
        case UInt8(ascii: "{"): return .event
        case UInt8(ascii: "["): return .batch
        default:
            let shown = (0x21..<0x7F).contains(first) ? "'\(Character(Unicode.Scalar(first)))'" : "byte \(first)"
            return .neither("expected '{' (an event) or '[' (a batch), found \(shown)")
        }
    }

    /// The JSON white space bytes: space, tab, line feed, carriage return.
    static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func readAll(fileDescriptor: Int32, name: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var status = stat()
        if fstat(fileDescriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG {
            bytes.reserveCapacity(Int(status.st_size))
        }
        let chunkSize = 1 << 20
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = read(fileDescriptor, chunk.baseAddress, chunkSize)
            if count > 0 {
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
            } else if count == 0 {
                return bytes
            } else if errno != EINTR {
                throw EventFileError(path: name, reason: systemError())
            }
        }
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}

/// A file that could not be read.
struct EventFileError: Error, CustomStringConvertible {
    /// The path, or `standard input`.
    var path: String
    /// The system's reason.
    var reason: String

    var description: String { "cannot read \(path): \(reason)" }
}
