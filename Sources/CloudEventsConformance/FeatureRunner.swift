import CloudEvents
public import CloudEventsHTTP
import HTTPTypes

/// Runs Gherkin conformance scenarios against ``/CloudEventsHTTP/HTTPEventDecoder``.
///
/// The steps it understands (anything else fails the scenario, so no step passes unread):
/// - `Given HTTP Protocol Binding is supported`
/// - `Given an HTTP request` with the raw request as a doc string (see ``RawHTTPRequest``)
/// - `When parsed as HTTP request`
/// - `Then the attributes are:` with a `key | value` table: exactly these attributes, no more
/// - `And the data is equal to the following JSON:` with the JSON as a doc string, compared as
///   JSON values
///
/// A scenario that needs another protocol binding (`Given Kafka Protocol Binding is
/// supported`, or any step about Kafka) is skipped with that reason: this package has no Kafka
/// binding yet.
public struct FeatureRunner: Sendable {
    /// The decoder under test.
    public var decoder: HTTPEventDecoder

    /// Creates a runner.
    public init(decoder: HTTPEventDecoder = HTTPEventDecoder()) {
        self.decoder = decoder
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
        var decoded: (event: CloudEvent, mode: HTTPContentMode)?
        var checks = 0
        var differences: [String] = []
        func failed(_ difference: String) -> ConformanceResult {
            ConformanceResult(name: name, mode: decoded?.mode, differences: differences + [difference])
        }
        for step in scenario.steps {
            switch step.text {
            case "HTTP Protocol Binding is supported":
                continue
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

    /// Why a scenario cannot run here: it needs a protocol binding other than HTTP.
    private func skipReason(_ scenario: FeatureScenario) -> String? {
        for step in scenario.steps {
            if step.text.hasSuffix(" Protocol Binding is supported"), step.text != "HTTP Protocol Binding is supported"
            {
                let binding = step.text.dropLast(" Protocol Binding is supported".count)
                return "needs the \(binding) protocol binding, which this package does not have yet"
            }
            if step.text.contains("Kafka") {
                return "needs the Kafka protocol binding, which this package does not have yet"
            }
        }
        return nil
    }
}
