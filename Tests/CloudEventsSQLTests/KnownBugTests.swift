import CloudEvents
import CloudEventsSQL
import Testing

/// Behaviours other CESQL implementations have got wrong.
@Suite("Known implementation bugs")
struct KnownBugTests {
    static func evaluate(_ text: String) throws -> CESQLResult {
        try CESQLExpression(parsing: text).evaluate(testEvent())
    }

    @Test(
        "Truncated input is a parse error at the right offset",
        arguments: [("'abc", 0), ("1 +", 3), ("\"abc", 0), ("ABC(", 4), ("(1", 2), ("x IN (1,", 8), ("NOT", 3)])
    func truncated(_ text: String, _ offset: Int) {
        do {
            _ = try CESQLExpression(parsing: text)
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.kind == .parse)
            #expect(error.byteOffset == offset, "\(error)")
            #expect(error.message.hasPrefix("expected"), "\(error)")
        }
    }

    @Test("Binary operators of one level associate to the left")
    func leftAssociative() throws {
        #expect(try KnownBugTests.evaluate("true OR true AND false").value == .boolean(false))
        #expect(try KnownBugTests.evaluate("false AND false OR true").value == .boolean(true))
        #expect(try KnownBugTests.evaluate("true XOR true AND false").value == .boolean(false))
        #expect(try KnownBugTests.evaluate("10 - 5 - 2").value == .integer(3))
        #expect(try KnownBugTests.evaluate("100 / 10 / 5").value == .integer(2))
        #expect(try KnownBugTests.evaluate("2 * 3 + 4 * 5").value == .integer(26))
        #expect(try KnownBugTests.evaluate("NOT true = false").value == .boolean(true))
    }

    @Test("String functions and LIKE count characters, not bytes")
    func characters() throws {
        let cases: [(String, CESQLValue)] = [
            ("LENGTH('héllo')", .integer(5)), ("LENGTH(subject)", .integer(5)), ("LENGTH('日本語😀')", .integer(4)),
            ("SUBSTRING('héllo', 2, 3)", .string("éll")), ("SUBSTRING('日本語', -2)", .string("本語")),
            ("LEFT('日本語', 2)", .string("日本")), ("RIGHT('héllo', 4)", .string("éllo")),
            ("'é' LIKE '_'", .boolean(true)), ("'日本語' LIKE '_本_'", .boolean(true)),
            ("UPPER('héllo')", .string("HÉLLO")), ("TRIM('\u{2003} a \u{3000}')", .string("a")),
        ]
        for (expression, expected) in cases {
            #expect(try KnownBugTests.evaluate(expression) == CESQLResult(value: expected), "\(expression)")
        }
    }

    @Test("Integers are 32-bit: literals, casts and overflow")
    func integers() throws {
        let cast = try KnownBugTests.evaluate("INT('2147483648')")
        #expect(cast.value == .integer(0))
        #expect(cast.errors.map(\.kind) == [.cast])
        #expect(try KnownBugTests.evaluate("INT('-2147483648')") == CESQLResult(value: .integer(.min)))
        #expect(try KnownBugTests.evaluate("-2147483648") == CESQLResult(value: .integer(.min)))
        #expect(throws: CESQLError.self) { try CESQLExpression(parsing: "2147483648") }
        #expect(throws: CESQLError.self) { try CESQLExpression(parsing: "- 2147483648") }
        for overflow in ["2147483647 + 1", "-2147483648 - 1", "65536 * 65536", "-2147483648 / -1", "-(-2147483648)"] {
            let result = try KnownBugTests.evaluate(overflow)
            #expect(result.value == .integer(0), "\(overflow)")
            #expect(result.errors.map(\.kind) == [.math], "\(overflow)")
        }
        #expect(try KnownBugTests.evaluate("-2147483648 % -1") == CESQLResult(value: .integer(0)))
        #expect(try KnownBugTests.evaluate("-7 / 2") == CESQLResult(value: .integer(-3)))
        #expect(try KnownBugTests.evaluate("-7 % 2") == CESQLResult(value: .integer(-1)))
    }

    @Test("A missing attribute makes its subexpression the zero value of its type")
    func missingAttribute() throws {
        let cases: [(String, CESQLValue)] = [
            ("true AND (missing = '')", .boolean(false)), ("missing * 5", .integer(0)), ("1 / missing", .integer(0)),
            ("LENGTH(missing)", .integer(0)), ("CONCAT('a', missing)", .string("")), ("missing", .boolean(false)),
            ("1 IN (1, missing)", .boolean(false)), ("missing + 1 + 2", .integer(2)),
        ]
        for (expression, expected) in cases {
            let result = try KnownBugTests.evaluate(expression)
            #expect(result.value == expected, "\(expression)")
            #expect(result.errors.map(\.kind) == [.missingAttribute], "\(expression)")
            #expect(result.errors.first?.attribute == "missing")
        }
        #expect(try KnownBugTests.evaluate("false AND missing") == CESQLResult(value: .boolean(false)))
    }

    @Test("Attributes keep their CloudEvents type; others read as strings")
    func typedAttributes() throws {
        let event = try testEvent(["count": .integer(7), "flag": .boolean(true), "blob": .binary([1, 2, 3])])
        func evaluate(_ text: String) throws -> CESQLResult { try CESQLExpression(parsing: text).evaluate(event) }
        #expect(try evaluate("count + 1") == CESQLResult(value: .integer(8)))
        #expect(try evaluate("flag AND count = 7") == CESQLResult(value: .boolean(true)))
        #expect(try evaluate("blob") == CESQLResult(value: .string("AQID")))
        #expect(try evaluate("source") == CESQLResult(value: .string("/tests")))
        #expect(try CESQLExpression(parsing: "type LIKE 'com.example.%'").matches(event))
        #expect(try !CESQLExpression(parsing: "count / 0 = 0").matches(event))
        #expect(try !CESQLExpression(parsing: "count").matches(event))
    }

    @Test("Keywords and function names are case-insensitive; attribute names are not")
    func caseInsensitivity() throws {
        #expect(try KnownBugTests.evaluate("nOt FaLsE aNd ExIsTs id") == CESQLResult(value: .boolean(true)))
        #expect(try KnownBugTests.evaluate("lower('A') = LoWeR('a')") == CESQLResult(value: .boolean(true)))
        #expect(try KnownBugTests.evaluate("concat_ws('-', 'a', 'b')") == CESQLResult(value: .string("a-b")))
        #expect(throws: CESQLError.self) { try CESQLExpression(parsing: "ID = '1'") }
        #expect(try KnownBugTests.evaluate("NOPE(1)").errors.map(\.kind) == [.missingFunction])
    }

    @Test("The compiled expression is a Sendable value shared across tasks")
    func sendable() async throws {
        let expression = try CESQLExpression(parsing: "INT(id) + 1 = 2")
        let event = try testEvent()
        let matches = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 { group.addTask { expression.matches(event) } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(matches == Array(repeating: true, count: 8))
    }
}

@Suite("String equality")
struct StringEqualityTests {
    @Test("Equality compares Unicode scalars: canonically equivalent strings are not equal")
    func scalars() throws {
        let event = try testEvent()
        for expression in ["'\u{E9}' = 'e\u{301}'", "'\u{E9}' IN ('e\u{301}')", "'\u{E9}' LIKE 'e\u{301}'"] {
            #expect(try CESQLExpression(parsing: expression).evaluate(event) == CESQLResult(value: .boolean(false)))
        }
        #expect(try CESQLExpression(parsing: "subject = 'h\u{E9}llo'").matches(event))
    }
}

@Suite("Error locations")
struct ErrorLocationTests {
    @Test("Evaluation errors name the byte offset of their attribute, operator or function")
    func offsets() throws {
        let cases: [(String, CESQLError.Kind, Int)] = [
            ("1 + 5 / 0", .math, 6), ("LEFT('a', -1) = 'a'", .functionEvaluation, 0),
            ("  missing", .missingAttribute, 2),
            ("true AND NOPE()", .missingFunction, 9), ("-(-2147483648)", .math, 0), ("ABS(-2147483648)", .math, 0),
            // A cast error: the operator or function whose operand does not cast, innermost first.
            ("NOT 'x'", .cast, 0), ("'x' AND true", .cast, 4), ("false OR (1 < 'x')", .cast, 12),
            ("1 = 1 AND 'x' = 2", .cast, 14), ("2 IN ('a')", .cast, 2), ("-'x'", .cast, 0), ("1 + 'x'", .cast, 2),
            ("subject >= 1", .cast, 8), ("(subject > 1) XOR false", .cast, 9), ("BOOL('x') AND true", .cast, 0),
            ("TRUE AND (false OR 'x')", .cast, 16),
        ]
        for (expression, kind, offset) in cases {
            let errors = try CESQLExpression(parsing: expression).evaluate(testEvent()).errors
            #expect(errors.map(\.kind) == [kind], "\(expression)")
            #expect(errors.first?.byteOffset == offset, "\(expression)")
        }
    }
}
