/// Writes events in the JSON event format, compact, in a fixed member order:
///
/// `specversion`, `id`, `source`, `type`, `subject`, `time`, `datacontenttype`, `dataschema`
/// (0.3: `schemaurl`, then `datacontentencoding` when the data is binary), the extensions in the
/// event's order, then `data` or `data_base64`. Absent attributes are omitted, never `null`.
package enum JSONEventEncoder {
    static func encode(_ event: CloudEvent, into output: inout [UInt8], maximumDepth: Int) throws {
        try event.validate()
        if let data = event.data, data.kind == .json, !data.isCheckedJSON {
            try checkJSONValue(data.bytes, maximumDepth: maximumDepth)
        }
        let storage = event.storage
        // Grow geometrically: a batch appends event after event to one buffer, and reserving
        // exactly `count + estimate` each time would copy everything written so far per event.
        let needed = output.count + estimatedSize(of: event)
        if output.capacity < needed { output.reserveCapacity(max(needed, output.capacity * 2)) }
        append("{\"specversion\":\"", to: &output)
        append(event.specVersion == .v1_0 ? "1.0" : "0.3", to: &output)
        append("\",\"id\":", to: &output)
        appendString(storage, storage.id, to: &output)
        append(",\"source\":", to: &output)
        appendString(storage, storage.source, to: &output)
        append(",\"type\":", to: &output)
        appendString(storage, storage.type, to: &output)
        if let subject = storage.subject {
            append(",\"subject\":", to: &output)
            appendString(storage, subject, to: &output)
        }
        if let time = event.time {
            append(",\"time\":\"", to: &output)
            time.write(into: &output)
            output.append(UInt8(ascii: "\""))
        }
        if let contentType = storage.dataContentType {
            append(",\"datacontenttype\":", to: &output)
            appendString(storage, contentType, to: &output)
        }
        if let schema = storage.dataSchema {
            append(event.specVersion == .v1_0 ? ",\"dataschema\":" : ",\"schemaurl\":", to: &output)
            appendString(storage, schema, to: &output)
        }
        let isBinary = event.data?.kind == .binary
        if event.specVersion == .v0_3 && isBinary {
            append(",\"datacontentencoding\":\"base64\"", to: &output)
        }
        for slot in storage.extensions {
            output.append(UInt8(ascii: ","))
            appendString(storage, slot.name, to: &output)
            output.append(UInt8(ascii: ":"))
            appendValue(slot.value, storage, to: &output)
        }
        if let data = event.data {
            switch data.kind {
            case .json:
                append(",\"data\":", to: &output)
                output.append(contentsOf: data.bytes)
            case .text:
                append(",\"data\":", to: &output)
                data.bytes.withUnsafeBufferPointer { appendString($0, to: &output) }
            case .binary:
                append(event.specVersion == .v1_0 ? ",\"data_base64\":\"" : ",\"data\":\"", to: &output)
                data.bytes.withUnsafeBufferPointer { Base64.encode($0, into: &output) }
                output.append(UInt8(ascii: "\""))
            }
        }
        output.append(UInt8(ascii: "}"))
    }

    /// Throws unless `bytes` is exactly one JSON value, optionally surrounded by whitespace.
    package static func checkJSONValue(_ bytes: ArraySlice<UInt8>, maximumDepth: Int) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer, maximumDepth: maximumDepth)
            do {
                scanner.skipWhitespace()
                try scanner.skipValue(depth: 1)
                scanner.skipWhitespace()
                guard scanner.isAtEnd else { throw scanner.unexpected("the end of the JSON data") }
            } catch var error as CloudEventError {
                error.attribute = "data"
                if error.code != .limitExceeded { error.code = .invalidData }
                error.message = "data is not one JSON value: " + error.message
                throw error
            }
        }
    }

    private static func estimatedSize(of event: CloudEvent) -> Int {
        var size = event.storage.text.count + 160 + event.storage.extensions.count * 8
        if let data = event.data {
            size += data.kind == .binary ? (data.bytes.count + 2) / 3 * 4 : data.bytes.count + 16
        }
        return size
    }

    @inline(__always)
    private static func append(_ literal: StaticString, to output: inout [UInt8]) {
        literal.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    private static func appendString(_ storage: EventStorage, _ range: TextRange, to output: inout [UInt8]) {
        storage.withBytes(range) { appendString($0, to: &output) }
    }

    /// Appends a JSON string literal for UTF-8 `bytes`, escaping only what JSON requires.
    package static func appendString(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        let count = bytes.count
        if let base = bytes.baseAddress {
            while index < count {
                while index &+ 8 <= count,
                    !needsEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                {
                    index &+= 8
                }
                guard index < count else { break }
                let byte = base[index]
                index += 1
                guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index - 1]))
                appendEscape(byte, to: &output)
                runStart = index
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        output.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let found =
            ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
        return found & 0x8080_8080_8080_8080 != 0
    }

    private static func appendEscape(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        default:
            let hex: StaticString = "0123456789abcdef"
            output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            output.append(hex.utf8Start[Int(byte >> 4)])
            output.append(hex.utf8Start[Int(byte & 0xF)])
        }
    }

    private static func appendValue(_ value: ExtensionSlot.Value, _ storage: EventStorage, to output: inout [UInt8]) {
        switch value {
        case .boolean(let flag):
            append(flag ? "true" : "false", to: &output)
        case .integer(let integer):
            appendDecimal(integer, to: &output)
        case .timestamp(let timestamp):
            output.append(UInt8(ascii: "\""))
            timestamp.write(into: &output)
            output.append(UInt8(ascii: "\""))
        case .bytes(.binary, let range):
            output.append(UInt8(ascii: "\""))
            storage.withBytes(range) { Base64.encode($0, into: &output) }
            output.append(UInt8(ascii: "\""))
        case .bytes(_, let range):
            appendString(storage, range, to: &output)
        }
    }

    static func appendDecimal(_ value: Int32, to output: inout [UInt8]) {
        var magnitude = value.magnitude
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { output.append(buffer[index]) }
        }
    }
}
