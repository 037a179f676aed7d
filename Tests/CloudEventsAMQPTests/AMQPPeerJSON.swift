import CloudEventsAMQP
import CoreTestSupport
import Foundation
import Testing

/// The JSON form of an AMQP message the Python peer speaks (`Tests/Peers/amqp_peer.py`), which
/// is also the form of `cloudevents encode --binding amqp`:
/// `{"properties": {"content-type": …}, "application-properties": [[name, type, value]…], "body": b64}`.
enum AMQPPeerJSON {
    static func json(_ message: AMQPMessage) throws -> [UInt8] {
        let properties: [Any] = message.applicationProperties.map { [$0.name, $0.value.typeName, value($0.value)] }
        let object: [String: Any] = [
            "properties": ["content-type": message.properties.contentType as Any? ?? NSNull()],
            "application-properties": properties,
            "body": message.body.map { Data($0).base64EncodedString() } ?? NSNull(),
        ]
        return Array(try JSONSerialization.data(withJSONObject: object))
    }

    private static func value(_ value: AMQPValue) -> Any {
        switch value {
        case .null: NSNull()
        case .boolean(let flag): flag
        case .ubyte(let number): Int(number)
        case .ushort(let number): Int(number)
        case .uint(let number): Int(number)
        case .ulong(let number): number
        case .byte(let number): Int(number)
        case .short(let number): Int(number)
        case .int(let number): Int(number)
        case .long(let number), .timestamp(let number): number
        case .float(let number): Double(number)
        case .double(let number): number
        case .char(let scalar): String(scalar)
        case .uuid(let bytes): UUID(uuid: tuple(bytes)).uuidString.lowercased()
        case .binary(let bytes): Data(bytes).base64EncodedString()
        case .string(let text), .symbol(let text): text
        }
    }

    private static func tuple(_ b: [UInt8]) -> uuid_t {
        (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])
    }

    static func message(_ object: [String: Any]) throws -> AMQPMessage {
        let properties = try #require(object["properties"] as? [String: Any])
        let entries = try #require(object["application-properties"] as? [[Any]])
        var message = AMQPMessage(properties: .init(contentType: properties["content-type"] as? String))
        for entry in entries {
            let name = try #require(entry[0] as? String)
            let type = try #require(entry[1] as? String)
            message.applicationProperties.append(.init(name: name, value: try value(type, entry[2])))
        }
        message.body = (object["body"] as? String).flatMap { Data(base64Encoded: $0) }.map { Array($0) }
        return message
    }

    private static func value(_ type: String, _ raw: Any) throws -> AMQPValue {
        let number = raw as? NSNumber
        switch type {
        case "null": return .null
        case "boolean": return .boolean(try #require(raw as? Bool))
        case "long": return .long(try #require(number).int64Value)
        case "timestamp": return .timestamp(try #require(number).int64Value)
        case "double": return .double(try #require(number).doubleValue)
        case "string": return .string(try #require(raw as? String))
        case "symbol": return .symbol(try #require(raw as? String))
        case "binary":
            return .binary(Array(try #require((raw as? String).flatMap { Data(base64Encoded: $0) })))
        default:
            Issue.record("the peer sent an AMQP \(type), which proton would not make of a Python value")
            return .null
        }
    }

    /// Runs the peer with `command` and `input` on its standard input; its JSON answer.
    static func peer(_ command: String, _ input: [UInt8]) throws -> [String: Any] {
        try PythonPeer.run("amqp_peer.py", command, input: input)
    }
}
