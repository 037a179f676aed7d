import CloudEvents
public import CloudEventsHTTP
public import CloudEventsKafka
import HTTPTypes

/// Runs Gherkin conformance scenarios against ``/CloudEventsHTTP/HTTPEventDecoder`` and
/// `KafkaEventDecoder`.
///
/// The steps it understands (anything else fails the scenario, so no step passes unread):
/// - `Given HTTP Protocol Binding is supported`, `Given Kafka Protocol Binding is supported`
/// - `Given an HTTP request` with the raw request as a doc string (see ``RawHTTPRequest``)
/// - `Given a Kafka message with payload:` with the record value as a doc string, and
///   `And Kafka headers:` with a `key | value` table of the record's headers
/// - `When parsed as HTTP request`, `When parsed as Kafka message`
/// - `Then the attributes are:` with a `key | value` table: exactly these attributes, no more
/// - `And the data is equal to the following JSON:` with the JSON as a doc string, compared as
///   JSON values
///
/// A scenario that needs another protocol binding (`Given AMQP Protocol Binding is
/// supported`) is skipped with that reason.
public struct FeatureRunner: Sendable {
    /// The HTTP decoder under test.
    public var decoder: HTTPEventDecoder
    /// The Kafka decoder under test.
    public var kafkaDecoder: KafkaEventDecoder

    /// Creates a runner.
    public init(decoder: HTTPEventDecoder = HTTPEventDecoder(), kafkaDecoder: KafkaEventDecoder = KafkaEventDecoder()) {
        self.decoder = decoder
        self.kafkaDecoder = kafkaDecoder
    }

    /// Runs every scenario.
    public func run(_ scenarios: [FeatureScenario]) -> [ConformanceResult] {
        scenarios.map { run($0) }
    }

    /// Runs one scenario; the result's mode is the mode the decoder detected.
    public func run(_ scenario: FeatureScenario) -> ConformanceResult {
        let name = scenario.description
        if let reason = skipReason(scenario) { return .skipped(name, reason: reason) }
        var request: RawHTTPRequest?
        var kafkaMessage: KafkaMessage?
        var decoded: (event: CloudEvent, mode: HTTPContentMode)?
        var checks = 0
        var differences: [String] = []
        func failed(_ difference: String) -> ConformanceResult {
            ConformanceResult(name: name, mode: decoded?.mode, differences: differences + [difference])
        }
        for step in scenario.steps {
            switch step.text {
            case "HTTP Protocol Binding is supported", "Kafka Protocol Binding is supported":
                continue
            case "a Kafka message with payload:":
                guard let text = step.docString else {
                    return failed("line \(step.line): the Kafka message's payload doc string is missing")
                }
                kafkaMessage = KafkaMessage(value: Array(text.utf8))
            case "Kafka headers:":
                guard kafkaMessage != nil else { return failed("line \(step.line): headers before the Kafka message") }
                var rows = step.table
                if rows.first == ["key", "value"] { rows.removeFirst() }
                for row in rows {
                    guard row.count == 2 else {
                        return failed("line \(step.line): each header row needs a key and a value")
                    }
                    kafkaMessage?.headers.append(KafkaMessage.Header(name: row[0], text: row[1]))
                }
            case "parsed as Kafka message":
                guard let message = kafkaMessage else { return failed("line \(step.line): no Kafka message to parse") }
                do {
                    decoded = (try kafkaDecoder.decode(message), try kafkaDecoder.mode(of: message))
                } catch {
                    return failed("decoding failed: \(oneLine(error))")
                }
            case "an HTTP request":
                guard let text = step.docString else {
                    return failed("line \(step.line): the HTTP request doc string is missing")
                }
                do {
                    request = try RawHTTPRequest.parse(text)
                } catch {
                    return failed("line \(step.line): \(error)")
                }
            case "parsed as HTTP request":
                guard var fields = request?.headerFields, let body = request?.body else {
                    return failed("line \(step.line): no HTTP request to parse")
                }
                // The features' Content-Length values are not the bodies' lengths; the body
                // given is what counts, so the stated length is dropped rather than believed.
                fields[.contentLength] = nil
                do {
                    switch try decoder.decode(headerFields: fields, body: body) {
                    case .event(let event, let mode): decoded = (event, mode)
                    case .batch(let events):
                        return failed("decoded a batch of \(events.count) events, expected one event")
                    }
                } catch {
                    return failed("decoding failed: \(oneLine(error))")
                }
            case "the attributes are:":
                guard let event = decoded?.event else { return failed("line \(step.line): nothing was parsed") }
                var rows = step.table
                if rows.first == ["key", "value"] { rows.removeFirst() }
                var expected: [String: String] = [:]
                for row in rows {
                    guard row.count == 2, expected[row[0]] == nil else {
                        return failed("line \(step.line): each attribute row needs a new key and a value: \(row)")
                    }
                    expected[row[0]] = row[1]
                }
                differences += EventComparison.attributeDifferences(expected: expected, actual: event)
                checks += 1
            case "the data is equal to the following JSON:":
                guard let event = decoded?.event else { return failed("line \(step.line): nothing was parsed") }
                guard let json = step.docString else {
                    return failed("line \(step.line): the JSON doc string is missing")
                }
                differences += EventComparison.jsonDifferences(expectedJSON: Array(json.utf8), actual: event.data)
                checks += 1
            default:
                return failed("line \(step.line): unsupported step: \(step)")
            }
        }
        if checks == 0 { return failed("the scenario checks nothing") }
        return ConformanceResult(name: name, mode: decoded?.mode, differences: differences)
    }

    /// The bindings the runner has.
    private static let supportedBindings: Set<String> = ["HTTP", "Kafka"]

    /// Why a scenario cannot run here: it needs a protocol binding the runner does not have.
    private func skipReason(_ scenario: FeatureScenario) -> String? {
        for step in scenario.steps where step.text.hasSuffix(" Protocol Binding is supported") {
            let binding = String(step.text.dropLast(" Protocol Binding is supported".count))
            if !Self.supportedBindings.contains(binding) {
                return "needs the \(binding) protocol binding, which this runner does not have yet"
            }
        }
        return nil
    }
}
