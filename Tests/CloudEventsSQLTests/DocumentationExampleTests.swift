import CloudEvents
import CloudEventsSQL
import Testing

/// The examples of the DocC catalog (Docs.docc/CloudEventsSQL.md) do what it says.
@Suite("Documentation examples")
struct DocumentationExampleTests {
    @Test("A missing attribute gives its subexpression the zero value, with the error")
    func missingAttribute() throws {
        let result = try CESQLExpression(parsing: "LENGTH(subject) + missing * 2").evaluate(testEvent())
        #expect(result.value == .integer(5))
        #expect(result.errors.map(\.description) == ["missingAttribute (missing) at byte 18: the event has no attribute missing"])
    }

    @Test("A parse error names the byte offset and what was expected")
    func parseError() {
        do {
            _ = try CESQLExpression(parsing: "type = 'unterminated")
            Issue.record("no error")
        } catch {
            #expect(
                error.description
                    == "parse at byte 7: expected the closing quote of the string literal that starts here")
        }
    }

    @Test("The filters example")
    func filters() throws {
        let filters = try SubscriptionFilter.filters(
            json: """
                [{"prefix": {"type": "com.github."}},
                 {"not": {"sql": "subject LIKE '%/draft/%'"}}]
                """)
        var event = try testEvent()
        event.type = "com.github.push"
        #expect(SubscriptionFilter.matchesAll(filters, event))
        event.subject = "docs/draft/one"
        #expect(!SubscriptionFilter.matchesAll(filters, event))
        let filter = try CESQLExpression(parsing: "type LIKE 'com.example.order.%' AND INT(priority) >= 3")
        event.type = "com.example.order.created"
        #expect(!filter.matches(event))
        try event.setAttribute("priority", to: .string("4"))
        #expect(filter.matches(event))
    }
}
