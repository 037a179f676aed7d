import CloudEvents
import CloudEventsSQL
import Foundation
import Testing

/// `=` and `LIKE` on a text attribute compare its stored UTF-8 bytes; the same comparison on a
/// computed String (`CONCAT(attribute, '')`, the general path) must give the same result.
@Suite("CESQL: byte comparisons of stored attributes agree with the general path")
struct ByteComparisonPathTests {
    static let event: CloudEvent = {
        var event = CloudEvent(
            id: "id-Zoë-😀", source: "/orders/eu-west-1/shop_17", type: "com.example.order.created",
            subject: "a%b_c\\d", dataContentType: "text/plain; charset=utf-8", dataSchema: "https://example.com/s")
        event[extension: "region"] = .string("eu-west-1 “Zoë” ✓")
        event[extension: "callback"] = .uri("https://example.com/hooks?x=1")
        event[extension: "blob"] = .binary([0xDE, 0xAD, 0xBE, 0xEF])
        event[extension: "count"] = .integer(7)
        event[extension: "flag"] = .boolean(true)
        return event
    }()

    static let attributes = [
        "id", "source", "type", "subject", "datacontenttype", "dataschema", "region", "callback", "blob", "count",
        "flag", "specversion",
    ]

    static let patterns = [
        "%", "", "_", "%_", "id-Zoë-😀", "id-Zo_-_", "id-Zo%", "%😀", "%ë%", "/orders/%", "%shop\\_17", "%shop_17",
        "com.example.%.created", "a\\%b\\_c\\d", "a%b_c%", "eu-west-1 “Zoë” ✓", "eu-west-1 _Zoë_ _", "%://%",
        "3q2+7w==", "7", "true", "1.0", "__", "%%%", "x%",
    ]

    @Test("LIKE and NOT LIKE", arguments: attributes)
    func like(attribute: String) throws {
        for pattern in Self.patterns {
            let literal = "'" + pattern.replacingOccurrences(of: "'", with: "''") + "'"
            for negation in ["", "NOT "] {
                let fast = try CESQLExpression(parsing: "\(attribute) \(negation)LIKE \(literal)")
                let general = try CESQLExpression(parsing: "CONCAT(\(attribute), '') \(negation)LIKE \(literal)")
                let (a, b) = (fast.evaluate(Self.event), general.evaluate(Self.event))
                #expect(a.value == b.value, "\(attribute) \(negation)LIKE \(literal)")
                #expect(a.errors.map(\.kind) == b.errors.map(\.kind), "\(attribute) \(negation)LIKE \(literal)")
            }
        }
    }

    @Test("= and != against a string literal", arguments: attributes)
    func equality(attribute: String) throws {
        let values =
            Self.patterns + [
                "/orders/eu-west-1/shop_17", "com.example.order.created", "a%b_c\\d", "text/plain; charset=utf-8",
                "https://example.com/s", "https://example.com/hooks?x=1", "id-Zoë-😀",
            ]
        for value in values {
            let literal = "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
            for comparison in ["=", "!=", "<>"] {
                let fast = try CESQLExpression(parsing: "\(attribute) \(comparison) \(literal)")
                let general = try CESQLExpression(parsing: "CONCAT(\(attribute), '') \(comparison) \(literal)")
                let (a, b) = (fast.evaluate(Self.event), general.evaluate(Self.event))
                #expect(a.value == b.value, "\(attribute) \(comparison) \(literal)")
                #expect(a.errors.map(\.kind) == b.errors.map(\.kind), "\(attribute) \(comparison) \(literal)")
            }
        }
    }

    @Test("a missing attribute is not compared: the subexpression is false with a missingAttribute error")
    func missingAttribute() throws {
        for text in ["missing = 'x'", "missing != 'x'", "missing LIKE '%'", "missing NOT LIKE 'x'"] {
            let result = try CESQLExpression(parsing: text).evaluate(Self.event)
            #expect(result.value == .boolean(false), "\(text)")
            #expect(result.errors.map(\.kind) == [.missingAttribute], "\(text)")
        }
    }
}
