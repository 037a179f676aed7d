import CloudEvents

/// Reads the `data` union, turning the schema's JSON-value branches into JSON text.
struct AvroDataReader {
    /// What the data union held.
    enum Value {
        /// The `null` branch: no data.
        case none
        /// The `bytes` branch: the data's bytes, read as `datacontenttype` declares.
        case bytes([UInt8])
        /// A JSON value branch, as JSON text.
        case json([UInt8])
    }

    let limits: AvroEventFormat.Limits
    private var entries = 0
    private var json: [UInt8] = []

    init(limits: AvroEventFormat.Limits) {
        self.limits = limits
    }

    mutating func read(_ reader: inout AvroBinaryReader) throws -> Value {
        let branch = try reader.readUnionIndex(branches: 7, of: "data")
        switch AvroEventFormat.DataBranch(rawValue: Int64(branch)) {
        case .bytes: return .bytes(Array(try reader.readBytes()))
        case .null, nil: return .none
        case .boolean: writeBoolean(try reader.readBoolean())
        case .map:
            // map<[null, boolean, AvroCloudEventData, double, string]>
            try writeObject(&reader, depth: 1) { this, reader, depth in
                switch try reader.readUnionIndex(branches: 5, of: "a data map value") {
                case 0: this.json += Array("null".utf8)
                case 1: this.writeBoolean(try reader.readBoolean())
                case 2: try this.writeRecord(&reader, depth: depth + 1)
                case 3: try this.writeDouble(&reader)
                default: this.writeString(try reader.readString(attribute: "data"))
                }
            }
        case .array: try writeArrayOfRecords(&reader, depth: 1)
        case .double: try writeDouble(&reader)
        case .string: writeString(try reader.readString(attribute: "data"))
        }
        return .json(json)
    }

    /// `AvroCloudEventData`: a record whose one field, `value`, is
    /// map<[null, boolean, map<AvroCloudEventData>, array<AvroCloudEventData>, double, string]>.
    private mutating func writeRecord(_ reader: inout AvroBinaryReader, depth: Int) throws {
        try writeObject(&reader, depth: depth) { this, reader, depth in
            switch try reader.readUnionIndex(branches: 6, of: "a data record value") {
            case 0: this.json += Array("null".utf8)
            case 1: this.writeBoolean(try reader.readBoolean())
            case 2:
                try this.writeObject(&reader, depth: depth + 1) { this, reader, depth in
                    try this.writeRecord(&reader, depth: depth + 1)
                }
            case 3: try this.writeArrayOfRecords(&reader, depth: depth + 1)
            case 4: try this.writeDouble(&reader)
            default: this.writeString(try reader.readString(attribute: "data"))
            }
        }
    }

    private mutating func writeArrayOfRecords(_ reader: inout AvroBinaryReader, depth: Int) throws {
        try writeBlocks(&reader, depth: depth, open: "[", close: "]") { this, reader in
            try this.writeRecord(&reader, depth: depth + 1)
        }
    }

    /// An object whose members' values `value` writes.
    private mutating func writeObject(
        _ reader: inout AvroBinaryReader, depth: Int,
        _ value: (inout AvroDataReader, inout AvroBinaryReader, Int) throws -> Void
    ) throws {
        try writeBlocks(&reader, depth: depth, open: "{", close: "}") { this, reader in
            this.writeString(try reader.readString(attribute: "data"))
            this.json.append(UInt8(ascii: ":"))
            try value(&this, &reader, depth)
        }
    }

    /// The entries of a map or an array, each written by `entry`, comma-separated, between
    /// `open` and `close`.
    private mutating func writeBlocks(
        _ reader: inout AvroBinaryReader, depth: Int, open: Unicode.Scalar, close: Unicode.Scalar,
        _ entry: (inout AvroDataReader, inout AvroBinaryReader) throws -> Void
    ) throws {
        try checkDepth(depth, reader)
        json.append(UInt8(ascii: open))
        var first = true
        var this = self
        json = []  // so that `this` holds the only reference to the text, and appends do not copy it
        try reader.readBlocks(limit: limits.maximumDataEntries - entries, of: "the data") { reader in
            if !first { this.json.append(UInt8(ascii: ",")) }
            first = false
            this.entries += 1
            try entry(&this, &reader)
        }
        self = this
        json.append(UInt8(ascii: close))
    }

    private func checkDepth(_ depth: Int, _ reader: AvroBinaryReader) throws {
        guard depth <= limits.maximumDepth else {
            throw CloudEventError(
                .limitExceeded, attribute: "data", byteOffset: reader.position,
                message: "Avro: the data nests deeper than \(limits.maximumDepth) levels (byte \(reader.position))")
        }
    }

    private mutating func writeBoolean(_ flag: Bool) {
        json += Array((flag ? "true" : "false").utf8)
    }

    private mutating func writeDouble(_ reader: inout AvroBinaryReader) throws {
        let start = reader.position
        let number = try reader.readDouble()
        guard number.isFinite else {
            throw reader.failure("the data holds \(number), which JSON cannot", at: start, attribute: "data")
        }
        // Swift writes the shortest text that reads back as the same double (`12.5`, `1e-05`).
        json += Array("\(number)".utf8)
    }

    private mutating func writeString(_ text: String) {
        var text = text
        text.withUTF8 { JSONEventEncoder.appendString($0, to: &json) }
    }
}
