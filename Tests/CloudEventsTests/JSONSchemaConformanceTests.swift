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
        lines += try format.encode(format.decode(SharedMaterial.bytes("bench/medium_event.json"))) + [0x0A]

        let path = "/tmp/cloudevents-schema-\(getpid()).jsonl"
        guard let file = fopen(path, "wb") else { throw TestFailure("cannot write \(path)") }
        _ = lines.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
        defer { unlink(path) }

        let schema = SharedMaterial.root + "/spec/formats/cloudevents.json"
        let command = "python3 '\(SharedMaterial.packageRoot)/scripts/validate_json_schema.py' '\(schema)' '\(path)'"
        let status = system(command)
        #expect(status == 0, "schema validation failed: \(command)")
    }
}
