import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes whole lines to standard output or standard error, unbuffered and one writer at a time.
///
/// Each call is one `write(2)` loop under a lock, so lines written from concurrent tasks never
/// interleave, and each is on its way to the reader as soon as the call returns: nothing waits in
/// a buffer for a flush (`listen` depends on both).
final class StandardStream: Sendable {
    /// The process's standard output.
    static let output = StandardStream(fileDescriptor: 1)
    /// The process's standard error.
    static let error = StandardStream(fileDescriptor: 2)

    private let fileDescriptor: Mutex<Int32>

    private init(fileDescriptor: Int32) {
        self.fileDescriptor = Mutex(fileDescriptor)
    }

    /// Writes `bytes` as they are.
    func write(_ bytes: [UInt8]) {
        fileDescriptor.withLock { descriptor in
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Self.systemWrite(
                        descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0 && errno == EINTR {
                        continue
                    } else {
                        return  // The reader went away; there is no one left to tell.
                    }
                }
            }
        }
    }

    /// Writes `text` and a newline.
    func writeLine(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.append(UInt8(ascii: "\n"))
        write(bytes)
    }

    private static func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Darwin)
            Darwin.write(descriptor, pointer, count)
        #elseif canImport(Musl)
            Musl.write(descriptor, pointer, count)
        #else
            Glibc.write(descriptor, pointer, count)
        #endif
    }
}

/// A diagnostic on standard error, prefixed with the command that reports it:
/// `cloudevents send: cannot read event.json: No such file or directory`.
func reportError(_ command: String, _ message: String) {
    StandardStream.error.writeLine("cloudevents \(command): \(message)")
}

/// `text` with every line break turned into a space: a message that stays on its output line.
func singleLine(_ text: String) -> String {
    String(text.map { $0.isNewline ? " " : $0 })
}
