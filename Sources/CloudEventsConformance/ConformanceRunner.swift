public import CloudEvents
public import CloudEventsHTTP
import HTTPTypes

/// Runs YAML conformance cases through the HTTP binding: encode, add the transport extensions,
/// decode, and compare with the case.
///
/// ```swift
/// let runner = ConformanceRunner()
/// for conformanceCase in try ConformanceCase.load(.builtIn) {
///     for result in runner.run(conformanceCase) { print(result) }
/// }
/// ```
///
/// A ``relay`` sees each message between encoder and decoder: an adapter's tests can pass it
/// through their own request and response types, and a test of this runner can tamper with it.
public struct ConformanceRunner: Sendable {
    /// A step between encoding and decoding that returns the message as the receiver gets it.
    public typealias Relay = @Sendable (EncodedHTTPMessage) throws -> EncodedHTTPMessage

    /// The decoder under test.
    public var decoder: HTTPEventDecoder
    /// The step between encoder and decoder; `nil` hands the encoded message over unchanged.
    public var relay: Relay?

    /// Creates a runner.
    public init(decoder: HTTPEventDecoder = HTTPEventDecoder(), relay: Relay? = nil) {
        self.decoder = decoder
        self.relay = relay
    }

    /// Runs a case in each of its ``ConformanceCase/modes``: one result per mode.
    public func run(_ conformanceCase: ConformanceCase) -> [ConformanceResult] {
        conformanceCase.modes.map { run(conformanceCase, mode: $0) }
    }

    /// Runs every case in each of its modes.
    public func run(_ cases: [ConformanceCase]) -> [ConformanceResult] {
        cases.flatMap { run($0) }
    }

    /// Runs a case in one mode.
    ///
    /// The event is encoded with `HTTPEventEncoder(mode:)` and an unlimited header budget (the
    /// budget is not what is being tested), the case's transport extensions are appended as
    /// header fields (in both modes: a receiver must ignore them either way), and the decoded
    /// event must have exactly the case's attributes and data, in the same mode.
    public func run(_ conformanceCase: ConformanceCase, mode: HTTPContentMode) -> ConformanceResult {
        let name = conformanceCase.name
        func failed(_ difference: String) -> ConformanceResult {
            ConformanceResult(name: name, mode: mode, differences: [difference])
        }
        let event: CloudEvent
        do {
            event = try conformanceCase.event()
        } catch {
            return failed("cannot build the event: \(oneLine(error))")
        }
        var message: EncodedHTTPMessage
        do {
            message = try HTTPEventEncoder(mode: mode, headerBudget: .unlimited).encode(event)
        } catch {
            return failed("encoding failed: \(oneLine(error))")
        }
        var differences: [String] = []
        if message.mode != mode { differences.append("the encoder used \(message.mode) mode") }
        for fieldName in conformanceCase.transportExtensions.keys.sorted() {
            guard let field = HTTPField.Name(fieldName) else {
                differences.append("transport extension \(fieldName) is not a valid header field name")
                continue
            }
            let value = ConformanceCase.attributeText(conformanceCase.transportExtensions[fieldName] ?? "")
            message.headerFields.append(HTTPField(name: field, value: value))
        }
        if let relay {
            do {
                message = try relay(message)
            } catch {
                return failed("relaying the message failed: \(oneLine(error))")
            }
        }
        let decoded: DecodedHTTPMessage
        do {
            decoded = try decoder.decode(headerFields: message.headerFields, body: message.body)
        } catch {
            return failed("decoding failed: \(oneLine(error))")
        }
        guard case .event(let received, let receivedMode) = decoded else {
            return failed("decoded a batch of \(decoded.events.count) events, expected one event")
        }
        if receivedMode != mode { differences.append("decoded as \(receivedMode) mode") }
        differences += EventComparison.attributeDifferences(
            expected: conformanceCase.expectedAttributes, actual: received)
        differences += EventComparison.dataDifferences(expected: conformanceCase.expectedData, actual: received.data)
        return ConformanceResult(name: name, mode: mode, differences: differences)
    }
}

/// An error's description on one line (a ``CloudEvents/CloudEventError`` lists its violations on
/// further lines).
func oneLine(_ error: any Error) -> String {
    String(describing: error).split(whereSeparator: \.isNewline).map { $0.drop { $0 == " " } }.joined(separator: " ")
}
