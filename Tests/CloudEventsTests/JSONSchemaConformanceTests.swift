import CoreTestSupport
import Testing

@testable import CloudEvents

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("JSON event format: output validates against the specification's JSON Schema")
struct JSONSchemaConformanceTests {
    @Test("500 generated events and the reference event validate with Python's jsonschema")
    func encodedEventsMatchSchema() throws {
        let format = JSONEventFormat()
        var generator = EventGenerator(seed: 2024)
        var lines: [UInt8] = []
        for _ in 0..<500 {
            lines += try format.encode(generator.event(specVersion: .v1_0)) + [0x0A]
        }
        lines += try format.encode(format.decode(TestMaterial.mediumEvent())) + [0x0A]
        let status = try Self.validate(lines, name: "encoded")
        #expect(status == 0, "schema validation failed (exit status \(status))")
    }

    @Test(
        "the check is not vacuous: a time, source or dataschema the schema's formats forbid fails it",
        arguments: [
            #"{"specversion":"1.0","id":"1","source":"/s","type":"t","time":"2024-05-20 14:23"}"#,
            #"{"specversion":"1.0","id":"1","source":"a b","type":"t"}"#,
            #"{"specversion":"1.0","id":"1","source":"/s","type":"t","dataschema":"not a uri"}"#,
        ])
    func formatViolationsFail(line: String) throws {
        let status = try Self.validate(Array((line + "\n").utf8), name: "violation-\(UInt(bitPattern: line.hashValue))")
        #expect(status == 1, "the validator must find the violation (exit status \(status); 2: a format check is missing)")
    }

    /// Runs scripts/validate_json_schema.py on `lines`; its exit status.
    private static func validate(_ lines: [UInt8], name: String) throws -> Int32 {
        let path = "/tmp/cloudevents-schema-\(getpid())-\(name).jsonl"
        guard let file = fopen(path, "wb") else { throw TestFailure("cannot write \(path)") }
        _ = lines.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
        defer { unlink(path) }
        let schema = TestMaterial.path("json-schema/cloudevents.json")
        let command = "python3 '\(TestMaterial.packageRoot)/scripts/validate_json_schema.py' '\(schema)' '\(path)'"
        let status = system(command)
        // system() returns the wait status: the exit status is in bits 8-15.
        return status == -1 ? -1 : (status >> 8) & 0xFF
    }
}
