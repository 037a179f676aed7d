public import CloudEvents

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The events the transport tests send.
public enum TestEvents {
    /// The payloads every mode is tried with.
    public enum Payload: String, Sendable, CaseIterable, CustomStringConvertible {
        /// The reference medium event of `../shared/bench/medium_event.json` (JSON data, extensions).
        case medium
        /// A 1 MiB binary payload.
        case oneMebibyteBinary

        /// The payload's name.
        public var description: String { rawValue }
    }

    /// A fresh event (new id) with `payload`.
    public static func event(_ payload: Payload) throws -> CloudEvent {
        switch payload {
        case .medium:
            var event = try JSONEventFormat().decode(try mediumEventBytes())
            event.id = CloudEvent.newID()
            return event
        case .oneMebibyteBinary:
            var event = largeEvent
            event.id = CloudEvent.newID()
            return event
        }
    }

    /// The 1 MiB event, made once: every byte value, in an order that is not a simple run, so
    /// truncation or re-encoding anywhere shows.
    private static let largeEvent: CloudEvent = {
        let bytes = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 11) }
        return CloudEvent(
            source: "/tests/large", type: "com.example.test.large", dataContentType: "application/octet-stream",
            data: .binary(bytes))
    }()

    /// A small valid event.
    public static func small(_ index: Int = 0) -> CloudEvent {
        CloudEvent(
            source: "/tests", type: "com.example.test", subject: "item-\(index)", dataContentType: "application/json",
            data: .json(#"{"index":\#(index)}"#))
    }

    /// `event` as a binary-mode receiver sees it: HTTP headers carry text, so typed extension
    /// values (Integer, Boolean) arrive as Strings.
    public static func asReceivedInBinaryMode(_ event: CloudEvent) -> CloudEvent {
        var expected = event
        for (name, value) in event.extensions {
            switch value {
            case .integer(let number): expected[extension: name] = .string(String(number))
            case .boolean(let flag): expected[extension: name] = .string(flag ? "true" : "false")
            default: break
            }
        }
        return expected
    }

    /// The reference medium event's bytes, without its trailing newline, located from this file
    /// as `<package root>/../shared/bench/medium_event.json`.
    public static func mediumEventBytes() throws -> [UInt8] {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        let path = components.joined(separator: "/") + "/../shared/bench/medium_event.json"
        guard let file = fopen(path, "rb") else {
            throw CloudEventError(.malformedInput, message: "cannot open \(path)")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        while bytes.last == 0x0A { bytes.removeLast() }
        return bytes
    }
}
