import Foundation
import Testing

@Suite("cloudevents convert: an event or batch from one event format to another")
struct ConvertCommandTests {
    /// An event whose time is UTC with the fewest digits, so that every format holds it exactly.
    static let event =
        #"{"specversion":"1.0","id":"ïd-1","source":"/s","type":"t","subject":"Grüße 🌍","#
        + #""time":"2026-12-01T08:30:00.12Z","datacontenttype":"application/json","n":3,"ok":true,"#
        + #""data":{"a":1.10}}"#

    static func convert(_ arguments: [String], _ input: [UInt8]) async throws -> ToolResult {
        try await runTool(["convert"] + arguments, input: input)
    }

    @Test(
        "json to protobuf to avro to json gives the same event back, byte for byte; protobuf and avro are raw bytes",
        arguments: [["protobuf", "avro"], ["avro", "protobuf"]])
    func roundTrip(through formats: [String]) async throws {
        var bytes = Array(Self.event.utf8)
        var from = "json"
        for to in formats + ["json"] {
            let result = try await Self.convert(["--from", from, "--to", to], bytes)
            #expect(result.status == 0, "\(from) to \(to): \(result.error)")
            bytes = result.outputBytes
            from = to
        }
        #expect(String(decoding: bytes, as: UTF8.self) == Self.event)
    }

    @Test("--batch: a JSON batch to protobuf's CloudEventBatch and back; avro has no batch form (usage error)")
    func batch() async throws {
        let batch = Array(
            ("[" + Self.event + "," + #"{"specversion":"1.0","id":"2","source":"/s","type":"t"}"# + "]").utf8)
        let protobuf = try await Self.convert(["--from", "json", "--to", "protobuf", "--batch"], batch)
        #expect(protobuf.status == 0, "\(protobuf.error)")
        let back = try await Self.convert(["--from", "protobuf", "--to", "json", "--batch"], protobuf.outputBytes)
        #expect(back.status == 0, "\(back.error)")
        #expect(back.outputBytes == batch)
        let avro = try await Self.convert(["--from", "json", "--to", "avro", "--batch"], batch)
        #expect(avro.status == 64)
        #expect(avro.error.contains("no batch form"), "\(avro.error)")
    }

    @Test(
        "a time protobuf cannot hold exactly: exit 3 naming it and the flag; --allow-utc-timestamps or --allow-lossy converts"
    )
    func lossyTime() async throws {
        let input = Array(
            #"{"specversion":"1.0","id":"1","source":"/s","type":"t","time":"2026-12-01T08:30:00.120+08:00"}"#.utf8)
        let refused = try await Self.convert(["--from", "json", "--to", "protobuf"], input)
        #expect(refused.status == 3)
        #expect(refused.error.contains("(time)"), "\(refused.error)")
        #expect(refused.error.contains("--allow-utc-timestamps"), "\(refused.error)")
        #expect(refused.outputBytes.isEmpty)
        for flag in ["--allow-utc-timestamps", "--allow-lossy"] {
            let allowed = try await Self.convert(["--from", "json", "--to", "protobuf", flag], input)
            #expect(allowed.status == 0, "\(allowed.error)")
            let json = try await Self.convert(["--from", "protobuf", "--to", "json"], allowed.outputBytes)
            #expect(json.output.contains(#""time":"2026-12-01T00:30:00.12Z""#), "\(json.output)")
        }
    }

    @Test("a typed extension that json or avro would turn into a String: exit 3; --allow-string-extensions converts")
    func lossyExtension() async throws {
        // A URI extension read from json is a String; protobuf keeps a Binary one typed.
        let input = Array(#"{"specversion":"1.0","id":"1","source":"/s","type":"t","n":3}"#.utf8)
        let protobuf = try await Self.convert(["--from", "json", "--to", "protobuf"], input)
        #expect(protobuf.status == 0)
        // Append the attribute entry {"blob": ce_bytes 0x00 0xFF} to the message.
        let value: [UInt8] = [0x22, 2, 0x00, 0xFF]
        let entry: [UInt8] = [0x0A, 4] + Array("blob".utf8) + [0x12, UInt8(value.count)] + value
        let typed = protobuf.outputBytes + [0x2A, UInt8(entry.count)] + entry
        let refused = try await Self.convert(["--from", "protobuf", "--to", "json"], typed)
        #expect(refused.status == 3)
        #expect(refused.error.contains("(blob)"), "\(refused.error)")
        #expect(refused.error.contains("--allow-string-extensions"), "\(refused.error)")
        for flag in ["--allow-string-extensions", "--allow-lossy"] {
            let allowed = try await Self.convert(["--from", "protobuf", "--to", "json", flag], typed)
            #expect(allowed.status == 0, "\(allowed.error)")
            #expect(allowed.output.contains(#""blob":"AP8=""#), "\(allowed.output)")
        }
        // Avro keeps Binary typed.
        let avro = try await Self.convert(["--from", "protobuf", "--to", "avro"], typed)
        #expect(avro.status == 0, "\(avro.error)")
    }

    @Test("input that is not a valid event in the --from format: exit 1 with the reason; an unreadable file: exit 2")
    func invalidInput() async throws {
        let notProtobuf = try await Self.convert(["--from", "protobuf", "--to", "json"], [0x0A, 9, 0x61])
        #expect(notProtobuf.status == 1)
        #expect(notProtobuf.error.contains("malformed_input"), "\(notProtobuf.error)")
        #expect(notProtobuf.error.contains("byte 1"), "\(notProtobuf.error)")
        let noType = try await Self.convert(
            ["--from", "json", "--to", "protobuf"], Array(#"{"specversion":"1.0","id":"1","source":"/s"}"#.utf8))
        #expect(noType.status == 1)
        #expect(noType.error.contains("type"), "\(noType.error)")
        let missing = try await Self.convert(["--from", "json", "--to", "avro", "/nonexistent/event.json"], [])
        #expect(missing.status == 2)
    }

    @Test("--help states the formats, the flags that allow lossy conversions and the exit statuses")
    func help() async throws {
        let result = try await runTool(["convert", "--help"])
        for text in ["--allow-lossy", "--allow-utc-timestamps", "--allow-string-extensions", "Exit status", "3 when"] {
            #expect(result.output.contains(text), "\(text)")
        }
    }
}
