@testable import CloudEvents

/// Generates varied, valid events for property tests, deterministically from a seed.
struct EventGenerator {
    var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    /// A string of allowed characters, with some that need JSON escaping or are non-ASCII.
    mutating func text(maxLength: Int = 24) -> String {
        let pool: [Unicode.Scalar] = ["a", "z", "0", "9", " ", "\"", "\\", "/", "é", "ü", "🌎", "中", "-", ".", "~", "\u{A0}"]
        var result = ""
        for _ in 0..<int(1...maxLength) { result.unicodeScalars.append(pool[int(0...pool.count - 1)]) }
        return result
    }

    mutating func name() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var result = String(letters[int(0...25)])
        for _ in 0..<int(0...12) { result.append(letters[int(0...letters.count - 1)]) }
        return result
    }

    mutating func timestamp() -> Timestamp {
        let digits = int(0...9)
        var nanos = int(0...999_999_999)
        var divisor = 1
        for _ in 0..<(9 - digits) { divisor *= 10 }
        nanos -= nanos % divisor
        let offset = chance(30) ? 0 : int(-1439...1439)
        return (try? Timestamp(
            year: int(1...9998), month: int(1...12), day: int(1...28), hour: int(0...23), minute: int(0...59),
            second: int(0...59), nanosecond: nanos, fractionalDigits: digits, utcOffsetMinutes: offset)) ?? .now()
    }

    mutating func jsonValue(depth: Int = 0) -> String {
        switch int(0...(depth > 3 ? 3 : 5)) {
        case 0: return ["1.10", "-0", "12345678901234567890", "1E+2", "0.5e-3", "42"][int(0...5)]
        case 1: return ["true", "false", "null"][int(0...2)]
        case 2, 3: return "\"" + text().replacingAll("\\", "\\\\").replacingAll("\"", "\\\"") + "\""
        case 4: return "[" + (0..<int(0...3)).map { _ in jsonValue(depth: depth + 1) }.joined(separator: ",") + "]"
        default:
            return "{" + (0..<int(0...3)).map { _ in "\"\(name())\":" + jsonValue(depth: depth + 1) }
                .joined(separator: ",") + "}"
        }
    }

    mutating func attributeValue() -> CloudEventAttributeValue {
        switch int(0...6) {
        case 0: return .boolean(chance(50))
        case 1: return .integer(Int32.random(in: .min ... .max, using: &random))
        case 2: return .string(text())
        case 3: return .binary((0..<int(0...20)).map { _ in UInt8.random(in: 0...255, using: &random) })
        case 4: return .uri("https://example.com/" + name())
        case 5: return .uriReference("../" + name() + "?q=1#f")
        default: return .timestamp(timestamp())
        }
    }

    mutating func event(specVersion: CloudEventSpecVersion? = nil) -> CloudEvent {
        let version = specVersion ?? (chance(80) ? .v1_0 : .v0_3)
        var event = CloudEvent(
            specVersion: version, id: text(), source: chance(50) ? "/" + name() : "urn:x:" + name(), type: text())
        if chance(50) { event.subject = text() }
        if chance(60) { event.time = timestamp() }
        if chance(40) { event.dataSchema = "https://schemas.example.com/" + name() }
        for _ in 0..<int(0...4) {
            let extensionName = name()
            if ByteComparison.isReservedName(Array(extensionName.utf8).withUnsafeBufferPointer { $0 }, in: version) {
                continue
            }
            event[extension: extensionName] = attributeValue()
        }
        switch int(0...3) {
        case 0: break
        case 1:
            if chance(50) { event.dataContentType = ["application/json", "application/vnd.x+json; v=1"][int(0...1)] }
            event.data = .json(jsonValue())
        case 2:
            event.dataContentType = ["text/plain; charset=utf-8", "application/xml"][int(0...1)]
            event.data = .text(text() + "\n\t" + text())
        default:
            if chance(50) { event.dataContentType = "application/octet-stream" }
            event.data = .binary((0..<int(0...64)).map { _ in UInt8.random(in: 0...255, using: &random) })
        }
        return event
    }
}

extension String {
    /// Replaces every occurrence of `target` (standard library only; the core tests use no Foundation).
    func replacingAll(_ target: Character, _ replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
