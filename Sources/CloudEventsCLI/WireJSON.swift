import CloudEvents

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A JSON value as `encode` writes and `decode` reads a message: objects keep their members'
/// order, integers and other numbers are told apart, so that a typed AMQP value keeps its type.
enum WireJSON: Equatable, Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    /// An integer above `Int64.max` (an AMQP `ulong`).
    case unsigned(UInt64)
    case number(Double)
    case string(String)
    case array([WireJSON])
    case object([(String, WireJSON)])

    static func == (lhs: WireJSON, rhs: WireJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.unsigned(let a), .unsigned(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.elementsEqual(b) { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// Parses one JSON document.
    ///
    /// - Throws: ``WireFormatError`` when it is not JSON.
    static func parse(_ bytes: [UInt8]) throws -> WireJSON {
        do {
            return try JSONDecoder().decode(WireJSON.self, from: Data(bytes))
        } catch {
            throw WireFormatError("the input is not a JSON document")
        }
    }

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var elements: [WireJSON] = []
            while !array.isAtEnd { elements.append(try array.decode(WireJSON.self)) }
            self = .array(elements)
            return
        }
        if let object = try? decoder.container(keyedBy: MemberName.self) {
            self = .object(try object.allKeys.map { ($0.stringValue, try object.decode(WireJSON.self, forKey: $0)) })
            return
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            self = .null
        } else if let flag = try? value.decode(Bool.self) {
            self = .bool(flag)
        } else if let integer = try? value.decode(Int64.self) {
            self = .integer(integer)
        } else if let integer = try? value.decode(UInt64.self) {
            self = .unsigned(integer)
        } else if let number = try? value.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try value.decode(String.self))
        }
    }

    private struct MemberName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The value as compact JSON on one line.
    var text: String {
        var output = ""
        write(into: &output)
        return output
    }

    private func write(into output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .integer(let integer): output += String(integer)
        case .unsigned(let integer): output += String(integer)
        case .number(let number): output += "\(number)"
        case .string(let string): Self.writeString(string, into: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.write(into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (name, value)) in members.enumerated() {
                if index > 0 { output += "," }
                Self.writeString(name, into: &output)
                output += ":"
                value.write(into: &output)
            }
            output += "}"
        }
    }

    /// A JSON string literal, escaped as the JSON event format escapes its strings.
    private static func writeString(_ string: String, into output: inout String) {
        var text = string
        var bytes: [UInt8] = []
        text.withUTF8 { JSONEventEncoder.appendString($0, to: &bytes) }
        output += String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Reading members

    /// The member `name` of an object; `nil` when absent.
    func member(_ name: String) -> WireJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == name }?.1
    }

    /// The object's member `name`, required to be present.
    func required(_ name: String, in context: String) throws -> WireJSON {
        guard case .object = self else { throw WireFormatError("\(context) is not a JSON object") }
        guard let value = member(name) else { throw WireFormatError("\(context) has no \"\(name)\" member") }
        return value
    }
}

/// An input object that does not have the shape its binding's message has (exit status 2).
struct WireFormatError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
