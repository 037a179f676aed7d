import CloudEvents
import CloudEventsSQL
import Testing

@Suite("Hostile expressions")
struct HostileExpressionTests {
    @Test("An expression longer than the limit is a typed parse error")
    func lengthLimit() throws {
        let limits = CESQLExpression.Limits()
        let long = String(repeating: "1 + ", count: limits.maximumLength / 4) + "1"
        #expect(long.utf8.count > limits.maximumLength)
        do {
            _ = try CESQLExpression(parsing: long)
            Issue.record("no error")
        } catch {
            #expect(error.kind == .parse)
            #expect(error.exceededLimit == .expressionLength)
        }
        let small = CESQLExpression.Limits(maximumLength: 8)
        #expect(throws: CESQLError.self) { try CESQLExpression(parsing: "'123456789'", limits: small) }
        #expect(try CESQLExpression(parsing: "'123456'", limits: small).evaluate(testEvent()).value == .string("123456"))
    }

    static let tooDeep: [String] = [
        String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000),
        String(repeating: "NOT ", count: 100_000) + "true",
        String(repeating: "- ", count: 100_000) + "1",
        String(repeating: "ABS(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
        String(repeating: "1 IN (", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
        String(repeating: "1 + ", count: 2_000) + "1",
        String(repeating: "true OR ", count: 2_000) + "true",
    ]

    @Test("Nesting deeper than the limit is a typed parse error, not a stack overflow", arguments: tooDeep)
    func depthLimit(_ text: String) {
        let limits = CESQLExpression.Limits(maximumLength: 1_000_000)
        do {
            _ = try CESQLExpression(parsing: text, limits: limits)
            Issue.record("no error")
        } catch {
            #expect(error.kind == .parse)
            #expect(error.exceededLimit == .nestingDepth)
        }
    }

    @Test("Nesting within the limit parses and evaluates, also on a task's thread")
    func depthWithinLimit() async throws {
        let depth = CESQLExpression.Limits().maximumDepth - 2
        let nested = String(repeating: "NOT (", count: depth / 2) + "true" + String(repeating: ")", count: depth / 2)
        let chain = String(repeating: "1 + ", count: depth - 1) + "1"
        let event = try testEvent()
        let results = try await Task.detached {
            (try CESQLExpression(parsing: nested).evaluate(event), try CESQLExpression(parsing: chain).evaluate(event))
        }.value
        #expect(results.0 == CESQLResult(value: .boolean(depth / 2 % 2 == 0)))
        #expect(results.1 == CESQLResult(value: .integer(Int32(depth))))
    }

    @Test("LIKE patterns that make backtracking matchers explode match correctly")
    func likeWithoutBacktracking() throws {
        let event = try testEvent()
        let text = String(repeating: "a", count: 45) + "b"
        let cases: [(String, Bool)] = [
            ("'\(text)' LIKE '%a%a%a%a%a%a%a%a%a%a%a%a%a%c'", false),
            ("'\(text)' LIKE '%a%a%a%a%a%a%a%a%a%a%a%a%a%b'", true),
            ("'\(String(repeating: "a", count: 5_000))' LIKE '\(String(repeating: "%a", count: 200))%b'", false),
            ("'\(String(repeating: "ab", count: 2_000))' LIKE '%\(String(repeating: "_b", count: 100))'", true),
            ("'aaa' LIKE '%%%%_%%%%'", true),
        ]
        for (expression, expected) in cases {
            let compiled = try CESQLExpression(parsing: expression, limits: .init(maximumLength: 100_000))
            #expect(compiled.evaluate(event) == CESQLResult(value: .boolean(expected)), "\(expression.prefix(60))")
        }
    }
}
