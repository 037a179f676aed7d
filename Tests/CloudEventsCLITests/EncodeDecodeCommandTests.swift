import Foundation
import Testing

@Suite("cloudevents encode and decode: an event on each protocol binding's wire")
struct EncodeDecodeCommandTests {
    /// An event as the JSON format writes it (so `decode`'s line can be compared byte for byte).
    static let event =
        #"{"specversion":"1.0","id":"ïd-1","source":"/s","type":"t","subject":"Grüße 🌍","#
        + #""time":"2026-12-01T08:30:00.123456789+08:00","datacontenttype":"application/json","#
        + #""partitionkey":"k7","n":3,"data":{"a":1}}"#
    /// The same event after binary mode, where a header carries no type: Integer 3 arrives as "3".
    static let eventAfterHeaders = event.replacingOccurrences(of: #""n":3"#, with: #""n":"3""#)

    static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    @Test(
        "encode --binding kafka prints the record as the contract spells it: headers in order, Base64, key null (JSON data)"
    )
    func kafkaContract() async throws {
        let result = try await runTool(
            ["encode", "--binding", "kafka", "--mode", "binary"],
            input: Array(#"{"specversion":"1.0","id":"1","source":"/s","type":"t","data":"hi"}"#.utf8))
        #expect(result.status == 0, "\(result.error)")
        let b = Self.base64
        let expected =
            #"{"key":null,"headers":[["ce_specversion",""# + b("1.0") + #""],["ce_id",""# + b("1")
            + #""],["ce_source",""# + b("/s") + #""],["ce_type",""# + b("t") + #""],["content-type",""#
            + b("application/json") + #""]],"value":""# + b(#""hi""#) + #""}"# + "\n"
        #expect(result.output == expected)
        // Without data there is no value.
        let bare = try await runTool(
            ["encode", "--binding", "kafka"],
            input: Array(#"{"specversion":"1.0","id":"1","source":"/s","type":"t"}"#.utf8))
        #expect(bare.output.hasSuffix(#""value":null}"# + "\n"), "\(bare.output)")
    }

    @Test(
        "encode --binding kafka: --key sets the key, --key-mapper partitionkey takes the extension; elsewhere a usage error"
    )
    func kafkaKeys() async throws {
        let input = Array(Self.event.utf8)
        let keyed = try await runTool(["encode", "--binding", "kafka", "--key", "abc"], input: input)
        #expect(keyed.output.hasPrefix(#"{"key":""# + Self.base64("abc") + "\""), "\(keyed.output)")
        let mapped = try await runTool(["encode", "--binding", "kafka", "--key-mapper", "partitionkey"], input: input)
        #expect(mapped.output.hasPrefix(#"{"key":""# + Self.base64("k7") + "\""), "\(mapped.output)")
        let misplaced = try await runTool(["encode", "--binding", "nats", "--key", "abc"], input: input)
        #expect(misplaced.status == 64)
        #expect(misplaced.error.contains("--binding kafka only"), "\(misplaced.error)")
    }

    @Test(
        "encode then decode gives the event back, printed as listen prints it, in every binding and mode",
        arguments: [
            ("kafka", "binary"), ("kafka", "structured"), ("amqp", "binary"), ("amqp", "structured"),
            ("mqtt5", "binary"), ("mqtt5", "structured"),
            ("mqtt3", "structured"), ("nats", "binary"), ("nats", "structured"), ("http", "binary"),
            ("http", "structured"),
        ])
    func roundTrip(binding: String, mode: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let eventFile = try directory.write("event.json", Self.event)
        let encoded = try await runTool(["encode", "--binding", binding, "--mode", mode, "--event", eventFile])
        #expect(encoded.status == 0, "\(encoded.error)")
        #expect(encoded.output.hasSuffix("}\n") && encoded.output.filter { $0 == "\n" }.count == 1)
        let messageFile = try directory.write("message.json", encoded.output)
        let decoded = try await runTool(["decode", "--binding", binding, messageFile])
        #expect(decoded.status == 0, "\(decoded.error)")
        // Text headers turn Integer 3 into "3"; AMQP's typed properties keep it.
        let textHeaders = mode == "binary" && binding != "amqp"
        #expect(decoded.output == (textHeaders ? Self.eventAfterHeaders : Self.event) + "\n")
        let fromInput = try await runTool(["decode", "--binding", binding], input: Array(encoded.output.utf8))
        #expect(fromInput.output == decoded.output)
    }

    @Test(
        "encode --binding amqp: application properties in their AMQP types; a time an AMQP timestamp cannot hold as a string"
    )
    func amqpContract() async throws {
        let event =
            #"{"specversion":"1.0","id":"1","source":"/s","type":"t","time":"2026-12-01T08:30:00.123Z","n":3,"#
            + #""flag":true,"blob":"AAE=","data_base64":"AAE="}"#
        let result = try await runTool(["encode", "--binding", "amqp"], input: Array(event.utf8))
        #expect(result.status == 0, "\(result.error)")
        #expect(
            result.output
                == #"{"properties":{"content-type":null},"application-properties":[["cloudEvents_specversion","string","1.0"],"#
                + #"["cloudEvents_id","string","1"],["cloudEvents_source","string","/s"],["cloudEvents_type","string","t"],"#
                + #"["cloudEvents_time","timestamp",1796113800123],["cloudEvents_n","long",3],["cloudEvents_flag","boolean",true],"#
                + #"["cloudEvents_blob","string","AAE="]],"body":"AAE="}"# + "\n")
        let offset =
            #"{"specversion":"1.0","id":"1","source":"/s","type":"t","time":"2026-12-01T08:30:00.123456+08:00"}"#
        let kept = try await runTool(["encode", "--binding", "amqp"], input: Array(offset.utf8))
        #expect(
            kept.output.contains(#"["cloudEvents_time","string","2026-12-01T08:30:00.123456+08:00"]"#), "\(kept.output)"
        )
        #expect(kept.output.hasSuffix(#""body":null}"# + "\n"))
        // Every AMQP type the object can name reads back; a ulong above Int64 keeps its digits.
        let typed =
            #"{"properties":{"content-type":null},"application-properties":[["cloudEvents_specversion","symbol","1.0"],"#
            + #"["cloudEvents_id","string","1"],["cloudEvents_source","string","/s"],["cloudEvents_type","string","t"],"#
            + #"["cloudEvents_small","ubyte",200],["cloudEvents_raw","binary","AAE="],["other","ulong",18446744073709551615],"#
            + #"["app","uuid","01234567-89ab-cdef-0123-456789abcdef"]],"body":null}"#
        let decoded = try await runTool(["decode", "--binding", "amqp"], input: Array(typed.utf8))
        #expect(decoded.status == 0, "\(decoded.error)")
        #expect(
            decoded.output == #"{"specversion":"1.0","id":"1","source":"/s","type":"t","small":200,"raw":"AAE="}"#
                + "\n")
    }

    @Test("encode exits 1 when the event cannot travel so, 65 when it is not a valid event")
    func encodeRefusals() async throws {
        let mqtt3 = try await runTool(
            ["encode", "--binding", "mqtt3", "--mode", "binary"], input: Array(Self.event.utf8))
        #expect(mqtt3.status == 1)
        #expect(mqtt3.output.isEmpty)
        #expect(mqtt3.error.contains("MQTT 3.1.1 has no binary mode"), "\(mqtt3.error)")
        let empty = #"{"specversion":"1.0","id":"1","source":"/s","type":"t","data_base64":""}"#
        let emptyData = try await runTool(["encode", "--binding", "nats"], input: Array(empty.utf8))
        #expect(emptyData.status == 1)
        #expect(emptyData.error.contains("empty data cannot travel in NATS binary mode"), "\(emptyData.error)")
        let invalid = try await runTool(["encode", "--binding", "kafka"], input: Array(#"{"id":"1"}"#.utf8))
        #expect(invalid.status == 65)
        #expect(invalid.output.isEmpty)
    }

    @Test(
        "decode exits 1 for a message that is not a valid CloudEvent, with the reason",
        arguments: [
            ("kafka", #"{"key":null,"headers":[["ce_id","MQ=="]],"value":null}"#, "ce_specversion"),
            (
                "nats", #"{"headers":[["ce-specversion","1.0"],["ce-id","1"],["ce-id","2"]],"payload":""}"#,
                "ce-id appears more than once"
            ),
            (
                "mqtt5", #"{"content-type":"application/cloudevents+avro","user-properties":[],"payload":""}"#,
                "supported"
            ),
            ("mqtt3", #"{"payload":""# + Data("{}".utf8).base64EncodedString() + #""}"#, "specversion"),
            ("http", #"{"headers":[["Content-Type","text/plain"]],"body":""}"#, "ce-specversion"),
            (
                "amqp",
                #"{"properties":{"content-type":null},"application-properties":[["cloudEvents_specversion","string","1.0"],"#
                    + #"["cloudEvents_id","long",1]],"body":null}"#, "cloudEvents_id"
            ),
        ])
    func decodeInvalidEvent(binding: String, message: String, reason: String) async throws {
        let result = try await runTool(["decode", "--binding", binding], input: Array(message.utf8))
        #expect(result.status == 1, "\(result.error)")
        #expect(result.output.isEmpty)
        #expect(result.error.hasPrefix("cloudevents decode: "))
        #expect(result.error.contains(reason), "\(result.error)")
    }

    @Test(
        "decode exits 2 for input that is not the binding's message object, naming what is wrong",
        arguments: [
            ("kafka", "not json", "not a JSON document"),
            ("kafka", #"{"headers":[],"value":null}"#, #"no "key" member"#),
            (
                "kafka", #"{"key":null,"headers":[["ce_id"]],"value":null}"#,
                #""headers[0]" must be a [name, value] pair"#
            ),
            ("kafka", #"{"key":"%%%","headers":[],"value":null}"#, #""key" is not Base64"#),
            ("nats", #"{"headers":[["ce-id",1]],"payload":""}"#, #""headers[0]" must have a string value"#),
            (
                "mqtt5", #"{"content-type":7,"user-properties":[],"payload":""}"#,
                #""content-type" must be a string or null"#
            ),
            ("http", #"{"headers":[["bad name","x"]],"body":""}"#, "not an HTTP field name"),
            ("nats", "[]", "the NATS message is not a JSON object"),
            (
                "amqp", #"{"properties":{},"application-properties":[],"body":null}"#,
                #""properties" has no "content-type" member"#
            ),
            (
                "amqp",
                #"{"properties":{"content-type":null},"application-properties":[["a","long","x"]],"body":null}"#,
                #""application-properties[0]" must be an integer that an AMQP long holds"#
            ),
            (
                "amqp",
                #"{"properties":{"content-type":null},"application-properties":[["a","decimal128",1]],"body":null}"#,
                "not an AMQP type of application properties"
            ),
        ])
    func decodeMalformedInput(binding: String, message: String, reason: String) async throws {
        let result = try await runTool(["decode", "--binding", binding], input: Array(message.utf8))
        #expect(result.status == 2, "\(result.error)")
        #expect(result.output.isEmpty)
        #expect(result.error.contains(reason), "\(result.error)")
    }
}
