import CloudEvents

/// A pass over the bytes of an event (or batch) in the schema's wire format before swift-protobuf
/// decodes them, so that every refusal names its byte offset and nothing is dropped quietly.
///
/// It refuses what swift-protobuf would report without an offset (a truncated value, a length
/// past the end, a string that is not UTF-8) and what it would accept by dropping something: a
/// field the schema does not have (kept aside as an unknown field), a wire type other than the
/// schema's, a singular field or a second data field that repeats (the last one would win), an
/// attribute name that repeats (the map would keep the last), a Boolean other than 0 or 1, and an
/// `int32` outside its range (it would be truncated). It also applies the attribute and batch
/// limits before anything is allocated.
struct ProtobufWireCheck {
    /// The messages of the schema that the check walks.
    enum Message {
        case batch, event, attributeEntry, attributeValue, timestamp, any
    }

    /// How a field's value is written.
    enum Field {
        case string, bytes, boolean, int32, int64
        case message(Message)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let limits: ProtobufEventFormat.Limits
    private var position = 0
    /// The event of a batch being read, for errors.
    private var eventIndex: Int?

    init(_ bytes: UnsafeBufferPointer<UInt8>, limits: ProtobufEventFormat.Limits) {
        self.bytes = bytes
        self.limits = limits
    }

    /// Checks one `CloudEvent` message.
    static func checkEvent(_ bytes: ArraySlice<UInt8>, limits: ProtobufEventFormat.Limits) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            var check = ProtobufWireCheck(buffer, limits: limits)
            try check.walk(.event, end: buffer.count, attribute: nil)
        }
    }

    /// Checks one `CloudEventBatch` message.
    static func checkBatch(_ bytes: ArraySlice<UInt8>, limits: ProtobufEventFormat.Limits) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            var check = ProtobufWireCheck(buffer, limits: limits)
            try check.walk(.batch, end: buffer.count, attribute: nil)
        }
    }

    func failure(_ message: String, at offset: Int, attribute: String? = nil) -> CloudEventError {
        CloudEventError(
            .malformedInput, attribute: attribute, byteOffset: offset, index: eventIndex,
            message: "Protobuf: \(message) (byte \(offset))")
    }

    /// The field `number` of `message`: how it is written and whether it may repeat.
    static func field(_ number: UInt64, of message: Message) -> (field: Field, repeats: Bool)? {
        switch (message, number) {
        case (.batch, 1): (.message(.event), true)
        case (.event, 1), (.event, 2), (.event, 3), (.event, 4), (.event, 7): (.string, false)
        case (.event, 5): (.message(.attributeEntry), true)
        case (.event, 6): (.bytes, false)
        case (.event, 8): (.message(.any), false)
        case (.attributeEntry, 1): (.string, false)
        case (.attributeEntry, 2): (.message(.attributeValue), false)
        case (.attributeValue, 1): (.boolean, false)
        case (.attributeValue, 2): (.int32, false)
        case (.attributeValue, 3), (.attributeValue, 5), (.attributeValue, 6): (.string, false)
        case (.attributeValue, 4): (.bytes, false)
        case (.attributeValue, 7): (.message(.timestamp), false)
        case (.timestamp, 1): (.int64, false)
        case (.timestamp, 2): (.int32, false)
        case (.any, 1): (.string, false)
        case (.any, 2): (.bytes, false)
        default: nil
        }
    }

    /// The fields of `message` that form a `oneof`: only one of them may appear.
    static func isOneofMember(_ number: UInt64, of message: Message) -> Bool {
        switch message {
        case .event: (6...8).contains(number)
        case .attributeValue: true
        default: false
        }
    }

    /// Walks the fields of one `message` that ends at `end`. Returns the key of an attribute
    /// entry (its byte range; an absent key is the empty one), for the duplicate check.
    @discardableResult
    mutating func walk(_ message: Message, end: Int, attribute: String?) throws -> Range<Int>? {
        var seen: UInt16 = 0
        var oneofSeen = false
        var key: Range<Int>? = nil
        var attributeKeys: [Range<Int>] = []
        var events = 0
        while position < end {
            let tagOffset = position
            let tag = try readVarint(end: end, what: "a field tag", attribute: attribute)
            let number = tag >> 3
            guard let (field, repeats) = Self.field(number, of: message) else {
                throw failure(
                    "field \(number) is not in the schema's \(message) message", at: tagOffset, attribute: attribute)
            }
            let wireType = tag & 7
            let expected: UInt64 =
                switch field {
                case .string, .bytes, .message: 2
                case .boolean, .int32, .int64: 0
                }
            guard wireType == expected else {
                throw failure(
                    "field \(number) of the \(message) message has wire type \(wireType), not \(expected)",
                    at: tagOffset, attribute: attribute)
            }
            if !repeats {
                let bit: UInt16 = 1 << UInt16(number)
                guard seen & bit == 0 else {
                    throw failure(
                        "field \(number) of the \(message) message appears more than once", at: tagOffset,
                        attribute: attribute)
                }
                seen |= bit
                if Self.isOneofMember(number, of: message) {
                    guard !oneofSeen else {
                        throw failure(
                            "a second field of the \(message) message's oneof (\(number))", at: tagOffset,
                            attribute: attribute)
                    }
                    oneofSeen = true
                }
            }
            let valueOffset = position
            switch field {
            case .boolean:
                guard try readVarint(end: end, what: "a Boolean", attribute: attribute) <= 1 else {
                    throw failure("a Boolean other than 0 or 1", at: valueOffset, attribute: attribute)
                }
            case .int32:
                let raw = Int64(bitPattern: try readVarint(end: end, what: "an int32", attribute: attribute))
                guard Int32(exactly: raw) != nil else {
                    throw failure("\(raw) is outside int32", at: valueOffset, attribute: attribute)
                }
            case .int64:
                _ = try readVarint(end: end, what: "an int64", attribute: attribute)
            case .string, .bytes, .message:
                let range = try readLength(end: end, attribute: attribute)
                switch field {
                case .string:
                    if let bad = StringRules.validateUTF8(UnsafeBufferPointer(rebasing: bytes[range])) {
                        throw failure("a string that is not UTF-8", at: range.lowerBound + bad, attribute: attribute)
                    }
                    if message == .attributeEntry { key = range }
                case .message(let inner):
                    if message == .batch {
                        events += 1
                        guard events <= limits.maximumBatchSize else {
                            throw CloudEventError(
                                .limitExceeded, byteOffset: tagOffset,
                                message: "Protobuf: the batch has over \(limits.maximumBatchSize) events")
                        }
                        eventIndex = events - 1
                    }
                    let name = message == .attributeEntry ? key.map { string($0) } : attribute
                    position = range.lowerBound
                    if let entryKey = try walk(inner, end: range.upperBound, attribute: name) {
                        guard attributeKeys.count < limits.maximumAttributeCount else {
                            throw CloudEventError(
                                .limitExceeded, byteOffset: tagOffset, index: eventIndex,
                                message: "Protobuf: the event has over \(limits.maximumAttributeCount) attributes")
                        }
                        if attributeKeys.contains(where: { bytes[$0].elementsEqual(bytes[entryKey]) }) {
                            let name = string(entryKey)
                            throw failure("attribute \(name) appears more than once", at: tagOffset, attribute: name)
                        }
                        attributeKeys.append(entryKey)
                    }
                default:
                    break
                }
                position = range.upperBound
            }
        }
        return message == .attributeEntry ? key ?? end..<end : nil
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Reads a length prefix and returns the range of the bytes it counts.
    private mutating func readLength(end: Int, attribute: String?) throws -> Range<Int> {
        let start = position
        let length = try readVarint(end: end, what: "a length", attribute: attribute)
        guard length <= UInt64(end - position) else {
            throw failure(
                "a length of \(length) bytes runs past the end of its message", at: start, attribute: attribute)
        }
        let range = position..<(position + Int(length))
        position = range.upperBound
        return range
    }

    /// Reads a base-128 varint of at most 64 bits.
    private mutating func readVarint(end: Int, what: String, attribute: String?) throws -> UInt64 {
        let start = position
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else {
                throw failure("the input ends inside \(what)", at: start, attribute: attribute)
            }
            let byte = bytes[position]
            position += 1
            guard shift < 63 || byte <= 1 else {
                throw failure("\(what) longer than 64 bits", at: start, attribute: attribute)
            }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }
}
