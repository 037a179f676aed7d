import CloudEvents
import CloudEventsSQL
import Testing

@Suite("Subscriptions API filter dialects")
struct SubscriptionFilterTests {
    static func event() throws -> CloudEvent {
        try testEvent(["count": .integer(5), "repo": .string("https://github.com/cloudevents/spec")])
    }

    static let verdicts: [(String, Bool)] = [
        (#"{"exact": {"type": "com.example.test"}}"#, true),
        (#"{"exact": {"type": "com.example.test", "subject": "héllo"}}"#, true),
        (#"{"exact": {"type": "com.example.TEST"}}"#, false),
        (#"{"exact": {"count": "5"}}"#, true),
        (#"{"exact": {"missing": "x"}}"#, false),
        (#"{"prefix": {"type": "com.example.", "repo": "https://github.com/"}}"#, true),
        (#"{"prefix": {"type": "com.other."}}"#, false),
        (#"{"prefix": {"type": "com_example%"}}"#, false),
        (#"{"suffix": {"type": ".test"}}"#, true),
        (#"{"suffix": {"type": "%test"}}"#, false),
        (#"{"suffix": {"subject": "llo"}}"#, true),
        (#"{"all": [{"exact": {"type": "com.example.test"}}, {"prefix": {"source": "/te"}}]}"#, true),
        (#"{"all": [{"exact": {"type": "com.example.test"}}, {"prefix": {"source": "x"}}]}"#, false),
        (#"{"any": [{"exact": {"type": "nope"}}, {"suffix": {"source": "sts"}}]}"#, true),
        (#"{"any": [{"exact": {"type": "nope"}}, {"exact": {"missing": "x"}}]}"#, false),
        (#"{"not": {"exact": {"type": "com.example.test"}}}"#, false),
        (#"{"not": {"exact": {"missing": "x"}}}"#, true),
        (#"{"sql": "source LIKE '%tests' AND count > 4"}"#, true),
        (#"{"sql": "count / 0 = 0"}"#, false),
        (#"{"sql": "count"}"#, false),
        (#"{"not": {"sql": "missing = 1"}}"#, true),
        (#"{"not": {"sql": "type = 'com.example.test'"}}"#, false),
    ]

    @Test("Each dialect decides as the Subscriptions API says", arguments: verdicts)
    func verdict(_ json: String, _ expected: Bool) throws {
        let filter = try SubscriptionFilter(json: json)
        #expect(try filter.matches(SubscriptionFilterTests.event()) == expected)
        #expect(filter.expression.evaluate(try SubscriptionFilterTests.event()).errors.isEmpty)
    }

    @Test("The JSON form round-trips")
    func roundTrip() throws {
        let json = #"{"all":[{"exact":{"subject":"a\"b","type":"t"}},{"not":{"sql":"id = '1'"}},{"any":[{"prefix":{"id":"1"}},{"suffix":{"id":"\u00e9"}}]}]}"#
        let filter = try SubscriptionFilter(json: json)
        let again = try SubscriptionFilter(json: filter.json)
        #expect(again == filter)
        #expect(again.json == filter.json)
        #expect(filter.json.contains(#""subject":"a\"b""#))
        let built = try SubscriptionFilter(.any([.exact(["type": "t"]), .sql(CESQLExpression(parsing: "true"))]))
        #expect(try SubscriptionFilter(json: built.json) == built)
    }

    @Test("A subscription's filters all have to pass; none is a pass")
    func filtersArray() throws {
        let event = try SubscriptionFilterTests.event()
        let filters = try SubscriptionFilter.filters(
            json: #"[{"exact": {"type": "com.example.test"}}, {"sql": "count = 5"}]"#)
        #expect(filters.count == 2)
        #expect(SubscriptionFilter.matchesAll(filters, event))
        #expect(SubscriptionFilter.matchesAll([], event))
        let failing = try SubscriptionFilter.filters(json: #"[{"exact": {"type": "com.example.test"}}, {"sql": "false"}]"#)
        #expect(!SubscriptionFilter.matchesAll(failing, event))
    }

    static let invalid: [(String, SubscriptionFilterError.Kind)] = [
        (#"{"regex": {"type": ".*"}}"#, .unknownDialect),
        (#"{"exact": {"type": "a"}"#, .malformedJSON),
        (#"{"exact": {"type": 1}}"#, .invalidFilter),
        (#"{"exact": {"": "a"}}"#, .invalidFilter),
        (#"{"exact": {"type": ""}}"#, .invalidFilter),
        (#"{"exact": {"Type": "a"}}"#, .invalidFilter),
        (#"{"all": []}"#, .invalidFilter),
        (#"{"any": []}"#, .invalidFilter),
        (#"{"exact": {"type": "a"}, "prefix": {"type": "a"}}"#, .invalidFilter),
        (#"{"sql": "type ="}"#, .invalidExpression),
        (#"{"sql": 1}"#, .invalidFilter),
        (#"{"exact": {"type": "a", "type": "b"}}"#, .malformedJSON),
        (String(repeating: #"{"not": "#, count: 40) + #"{"sql": "true"}"# + String(repeating: "}", count: 40), .invalidFilter),
        (String(repeating: "[", count: 100_000), .malformedJSON),
    ]

    @Test("Invalid filters are typed errors", arguments: invalid)
    func invalidFilter(_ json: String, _ kind: SubscriptionFilterError.Kind) {
        do {
            _ = try SubscriptionFilter(json: json)
            Issue.record("no error")
        } catch {
            #expect(error.kind == kind, "\(error)")
        }
    }

    @Test("An unknown dialect names the dialect")
    func unknownDialect() {
        #expect(throws: SubscriptionFilterError(
            .unknownDialect, dialect: "regex",
            message: "unknown filter dialect \"regex\"; supported: exact, prefix, suffix, all, any, not, sql")
        ) { try SubscriptionFilter(json: #"{"regex": {}}"#) }
    }
}
