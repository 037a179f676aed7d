import BenchmarkInputs
import CloudEvents
import CloudEventsHTTP
import HTTPTypes

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an inline task leaves its result; only the main thread touches it.
final class Outcome: @unchecked Sendable {
    var result: Result<Int, any Error>?
}

/// Runs one operation of the HTTP receive and send paths a given number of times on the
/// reference medium event, with no framework around it, for an instruction counter:
///
///     valgrind --tool=callgrind InstructionProbe OPERATION COUNT
///
/// Instructions per operation are the difference between a run of COUNT and a run of 0 (setup
/// alone), divided by COUNT: `scripts/bench-instructions.sh` does this for every operation.
/// Callgrind counts instructions, which do not depend on what else runs on the machine.
///
/// `main` is synchronous, and the endpoint's async `respond` runs in `Task.immediate` on the main
/// thread: callgrind (3.19) stops with an internal error once Swift's global executor starts its
/// worker threads, and nothing here suspends (the handlers return at once), which the probe checks.
@main
struct InstructionProbe {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count == 2, let operation = Operation(rawValue: arguments[0]), let count = Int(arguments[1])
        else {
            print("usage: InstructionProbe OPERATION COUNT, where OPERATION is one of:")
            for operation in Operation.allCases { print("  \(operation.rawValue)") }
            return
        }
        let inputs = try Inputs()
        var checksum = 0
        for _ in 0..<count { checksum &+= try operation.runInline(inputs) }
        print("\(operation.rawValue) × \(count): checksum \(checksum)")
    }
}

/// What the operations work on, prepared before any of them runs.
struct Inputs: Sendable {
    let event: CloudEvent
    let binary: EncodedHTTPMessage
    let structured: EncodedHTTPMessage
    let headerPairs: [(HTTPField.Name, String)]
    let binaryRequest: HTTPRequest
    let structuredRequest: HTTPRequest
    let accepting: HTTPCloudEventEndpoint
    let replying: HTTPCloudEventEndpoint

    init() throws {
        event = try JSONEventFormat().decode(BenchmarkInputs.mediumEvent)
        binary = try HTTPEventEncoder(mode: .binary).encode(event)
        structured = try HTTPEventEncoder(mode: .structured).encode(event)
        headerPairs = binary.headerFields.map { ($0.name, $0.value) }
        binaryRequest = HTTPRequest(method: .post, scheme: "http", authority: "127.0.0.1", path: "/", headerFields: binary.headerFields)
        structuredRequest = HTTPRequest(
            method: .post, scheme: "http", authority: "127.0.0.1", path: "/", headerFields: structured.headerFields)
        accepting = HTTPCloudEventEndpoint { _, _ in nil }
        let reply = CloudEvent(
            source: "/examples/receiver", type: "com.example.order.accepted", subject: event.subject,
            extensions: ["correlationid": .string(event.id)])
        replying = HTTPCloudEventEndpoint { _, _ in reply }
    }
}

enum Operation: String, CaseIterable {
    case binaryEncode = "binary-encode"
    case binaryDecode = "binary-decode"
    case structuredEncode = "structured-encode"
    case structuredDecode = "structured-decode"
    /// The binary-mode header fields built with swift-http-types alone (names and values ready),
    /// and the body copied: HTTPBindingBenchmarks' floor.
    case fieldsFloor = "fields-floor"
    case endpointBinary = "endpoint-binary"
    case endpointStructured = "endpoint-structured"
    case endpointBinaryReply = "endpoint-binary-reply"
    case endpointStructuredReply = "endpoint-structured-reply"

    /// Runs the operation once on this thread; the result depends on its output, so that nothing
    /// is optimised away.
    func runInline(_ inputs: Inputs) throws -> Int {
        let decoder = HTTPEventDecoder()
        switch self {
        case .binaryEncode: return try HTTPEventEncoder(mode: .binary).encode(inputs.event).headerFields.count
        case .binaryDecode:
            return try decoder.decodeEvent(headerFields: inputs.binary.headerFields, body: inputs.binary.body).id.utf8.count
        case .structuredEncode: return try HTTPEventEncoder(mode: .structured).encode(inputs.event).body.count
        case .structuredDecode:
            return try decoder.decodeEvent(headerFields: inputs.structured.headerFields, body: inputs.structured.body)
                .id.utf8.count
        case .fieldsFloor:
            var fields = HTTPFields()
            fields.reserveCapacity(inputs.headerPairs.count)
            for (name, value) in inputs.headerPairs { fields[name] = value }
            return fields.count &+ Array(inputs.binary.body).count
        case .endpointBinary: return try respond(inputs.accepting, inputs.binaryRequest, inputs.binary.body)
        case .endpointStructured: return try respond(inputs.accepting, inputs.structuredRequest, inputs.structured.body)
        case .endpointBinaryReply: return try respond(inputs.replying, inputs.binaryRequest, inputs.binary.body)
        case .endpointStructuredReply:
            return try respond(inputs.replying, inputs.structuredRequest, inputs.structured.body)
        }
    }

    /// The endpoint's answer, run in an immediate task that must not suspend.
    private func respond(_ endpoint: HTTPCloudEventEndpoint, _ request: HTTPRequest, _ body: [UInt8]) throws -> Int {
        let outcome = Outcome()
        Task.immediate {
            do {
                let response = try await endpoint.respond(
                    to: request, body: body, context: CloudEventContext(transport: "http"))
                outcome.result = .success(
                    response.head.status.code &+ response.body.count &+ response.head.headerFields.count)
            } catch {
                outcome.result = .failure(error)
            }
        }
        guard let result = outcome.result else {
            print("\(rawValue) suspended, so it cannot be counted on this thread")
            exit(1)
        }
        return try result.get()
    }
}
