import CloudEvents
import CoreTestSupport
import Testing

@testable import CloudEventsSQL

/// The specialised leaves (an attribute against a string literal, a `LIKE` pattern or an Integer
/// literal) must give exactly what the general tree gives: the same value and the same errors,
/// messages and byte offsets included, whether the fast path applies or not.
@Suite("CESQL: specialised comparisons agree with the general tree")
struct SpecializedPathTests {
    /// Events where the fast paths apply, and where they do not (missing attributes, attributes of
    /// another type, JSON escapes, a 0.3 event, a stray extension named like a core attribute).
    static let events: [CloudEvent] = {
        let format = JSONEventFormat()
        var events: [CloudEvent] = []
        do {
            events.append(try format.decode(TestMaterial.bytes("bench/medium_event.json")))
            events.append(
                try format.decode(
                    #"{"specversion":"1.0","id":"a\u0027b","source":"\/orders\/eu","type":"com.example.order.\u0063reated","#
                        + #""retrycount":"3","critical":"yes","traceparent":"x\"y","region":"caf\u00e9 \ud83d\ude00","#
                        + #""dataschema":"https://example.com/s","schemaurl":"https://example.com/stray"}"#))
            events.append(
                try format.decode(
                    #"{"specversion":"0.3","id":"1","source":"/orders/x","type":"t","schemaurl":"/s?x=1","#
                        + #""retrycount":-7,"dataschema":"https://example.com/ext","datacontentencoding":"base64","#
                        + #""data":"3q2+7w=="}"#))
            events.append(
                try format.decode(#"{"specversion":"1.0","id":"1","source":"/x","type":"t","retrycount":true}"#))
            events.append(
                try format.decode(#"{"specversion":"1.0","id":"1","source":"/x","type":"t","retrycount":"abc"}"#))
            var stray = CloudEvent(id: "1", source: "/orders/y", type: "com.example.order.created")
            stray[extension: "type"] = .string("shadowed")
            stray[extension: "retrycount"] = .integer(Int32.max)
            stray[extension: "blob"] = .binary([0x2F, 0x6F])
            stray[extension: "when"] = .timestamp(try Timestamp(parsing: "2024-05-20T14:23:18Z"))
            stray[extension: "link"] = .uriReference("/orders/7")
            events.append(stray)
        } catch {
            Issue.record("building the test events: \(error)")
        }
        return events
    }()

    static let attributes = [
        "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "schemaurl", "specversion",
        "datacontentencoding", "retrycount", "critical", "traceparent", "region", "blob", "when", "link", "missing",
    ]

    static let strings = [
        "", "com.example.order.created", "/orders/eu", "/orders/eu-west-1/shop-17", "a'b", "x\"y", "café 😀", "3",
        "-7", "true", "TRUE", "yes", "1.0", "0.3", "base64", "3q2+7w==", "/s?x=1", "https://example.com/s",
        "https://example.com/ext", "shadowed", "/orders/7", "2024-05-20T14:23:18Z", "L28=",
    ]

    static let patterns = [
        "%", "", "_", "/orders/%", "/orders%", "/orders/_%", "com.%", "%created", "com.example.order.created",
        "caf%", "café%", "café 😀", "caf_ 😀", "x\"%", "a'%", "3%", "1.%", "\\%%", "%\\_%", "https://%", "/s?%",
        "com.example.order.created%", "/orders/eu%", "a'b%", "café 😀%", "-7%", "base64%",
    ]

    static let integers: [Int32] = [5, 3, -7, 0, 1, -1, Int32.max, Int32.min]

    /// `text` as a CESQL string literal: a backslash before each quote.
    static func quoted(_ text: String) -> String {
        "'" + String(text.flatMap { $0 == "'" ? ["\\", "'"] : [$0] }) + "'"
    }

    static var expressions: [String] {
        var texts = ["type = 'com.example.order.created' AND source LIKE '/orders/%' AND retrycount < 5"]
        for attribute in attributes {
            for string in strings {
                let literal = quoted(string)
                texts += ["\(attribute) = \(literal)", "\(attribute) != \(literal)", "\(attribute) <> \(literal)"]
            }
            for pattern in patterns {
                let literal = quoted(pattern)
                texts += ["\(attribute) LIKE \(literal)", "\(attribute) NOT LIKE \(literal)"]
            }
            for integer in integers {
                for comparison in ["<", "<=", ">", ">="] { texts.append("\(attribute) \(comparison) \(integer)") }
            }
            texts.append("NOT (\(attribute) = 'x') OR (\(attribute) LIKE '/%' AND \(attribute) >= 2)")
            texts.append("(\(attribute) LIKE '%a%') XOR EXISTS \(attribute)")
            texts.append("(\(attribute) = '3') XOR (\(attribute) < 3) OR NOT EXISTS \(attribute)")
            texts.append("(\(attribute) NOT LIKE 'c_f%') AND (EXISTS \(attribute) OR \(attribute) > 0)")
        }
        return texts
    }

    @Test("value and errors agree on every event", arguments: attributes)
    func agree(attribute: String) throws {
        let texts = Self.expressions.filter { $0.hasPrefix(attribute + " ") || $0.contains("(\(attribute) ") }
        #expect(!texts.isEmpty)
        for text in texts {
            let fast = try CESQLExpression(parsing: text)
            let general = try CESQLExpression(parsing: text, specializing: false)
            for (index, event) in Self.events.enumerated() {
                #expect(fast.evaluate(event) == general.evaluate(event), "\(text) on event \(index)")
            }
        }
    }

    @Test("the benchmark filter agrees on every event")
    func benchmarkFilter() throws {
        let text = "type = 'com.example.order.created' AND source LIKE '/orders/%' AND retrycount < 5"
        let fast = try CESQLExpression(parsing: text)
        let general = try CESQLExpression(parsing: text, specializing: false)
        for (index, event) in Self.events.enumerated() {
            #expect(fast.evaluate(event) == general.evaluate(event), "event \(index)")
        }
        #expect(Self.events.map(fast.matches) == [true, true, false, false, false, false])
    }

    @Test("the common shapes compile to specialised leaves, and others keep the general tree")
    func shapes() throws {
        func root(_ text: String) throws -> Node { try CESQLExpression(parsing: text).root }
        guard case .textEquality(let attribute, "x", _, negated: true) = try root("type != 'x'") else {
            Issue.record("type != 'x'")
            return
        }
        #expect(attribute.name == "type" && attribute.offset == 0)
        guard case .textLike(_, let pattern, negated: false) = try root("source LIKE '/orders/%'") else {
            Issue.record("source LIKE '/orders/%'")
            return
        }
        #expect(pattern.prefix == Array("/orders/".utf8))
        guard case .integerOrdering(.less, let integer, -5, at: 11) = try root("retrycount < -5") else {
            Issue.record("retrycount < -5")
            return
        }
        #expect(integer.name == "retrycount" && integer.offset == 0)
        guard case .logic(.and, .textEquality, .integerOrdering, at: 8) = try root("a = 'x' AND b >= 1") else {
            Issue.record("a = 'x' AND b >= 1")
            return
        }
        guard case .equality(negated: false, .literal, .attribute, at: 4) = try root("'x' = type") else {
            Issue.record("'x' = type")
            return
        }
    }

    @Test("expressions of Boolean operators, EXISTS and specialised leaves get a flat form; others do not")
    func flatForm() throws {
        for text in [
            "type = 'com.example.order.created' AND source LIKE '/orders/%' AND retrycount < 5",
            "NOT (a LIKE '%x%') XOR EXISTS b", "dataschema = 'x' OR schemaurl != 'y'",
        ] {
            #expect(try CESQLExpression(parsing: text).fast != nil, "\(text)")
            #expect(try CESQLExpression(parsing: text, specializing: false).fast == nil, "\(text)")
        }
        for text in ["INT(a) = 1", "time = 'x'", "EXISTS specversion", "a = b", "'x' = a", "a < 1 + 1", "true"] {
            #expect(try CESQLExpression(parsing: text).fast == nil, "\(text)")
        }
        let filter = try SubscriptionFilter(.prefix(["source": "/orders/"]))
        #expect(filter.expression.fast != nil)
    }

    @Test("subscription filters compile to specialised leaves too")
    func subscriptionFilter() throws {
        let filter = try SubscriptionFilter(.exact(["type": "com.example.order.created"]))
        guard case .logic(.and, .exists, .textEquality, at: nil) = filter.expression.root else {
            Issue.record("exact")
            return
        }
    }

    @Test("a literal-prefix pattern matches as the scalar-by-scalar matcher does")
    func prefixPatterns() {
        let texts = ["", "/", "/orders", "/orders/", "/orders/x", "/Orders/x", "café", "café 😀", "cafe\u{301}", "😀"]
        let patterns = ["%", "/%", "/orders/%", "/orders%%", "café%", "caf%", "😀%", "cafe%", "\\%%"]
        for pattern in patterns {
            let compiled = LikePattern(pattern)
            #expect(compiled.prefix != nil, "\(pattern)")
            let general = LikePattern(elements: compiled.elements + [.anyOne, .anyRun])
            for text in texts {
                // `prefix%` is `prefix` or `prefix_%`; the second pattern has no literal prefix.
                #expect(general.prefix == nil)
                let expected =
                    text.unicodeScalars.elementsEqual(Self.literals(compiled).unicodeScalars) || general.matches(text)
                #expect(compiled.matches(text) == expected, "\(text) LIKE \(pattern)")
            }
        }
    }

    /// The literal characters of a pattern, as text.
    static func literals(_ pattern: LikePattern) -> String {
        var scalars = String.UnicodeScalarView()
        for case .literal(let scalar) in pattern.elements { scalars.append(scalar) }
        return String(scalars)
    }
}
