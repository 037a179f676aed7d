public import CloudEvents
import CoreTestSupport

/// The events the transport tests send.
public enum TestEvents {
    /// The payloads every mode is tried with.
    public enum Payload: String, Sendable, CaseIterable, CustomStringConvertible {
        /// The reference medium event, `Tests/Data/bench/medium_event.json` (JSON data, extensions).
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
            var event = try JSONEventFormat().decode(try TestMaterial.mediumEvent())
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
}
