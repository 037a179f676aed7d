import CloudEvents
import CloudEventsSQL
import CoreTestSupport
import Testing
import Yams

/// One test of the CESQL TCK (Tests/Data/cesql-tck), as its YAML gives it.
struct TCKCase: Sendable, CustomTestStringConvertible {
    /// The TCK files, all of them.
    static let files = [
        "binary_comparison_operators", "binary_logical_operators", "binary_math_operators", "case_sensitivity",
        "casting_functions", "context_attributes_access", "exists_expression", "in_expression",
        "integer_builtin_functions", "like_expression", "literals", "negate_operator", "not_operator",
        "parse_errors", "spec_examples", "string_builtin_functions", "sub_expression",
        "subscriptions_api_recreations",
    ]

    /// The file, without `.yaml`.
    var file: String
    /// The test's `name`.
    var name: String
    /// The test's `expression`.
    var expression: String
    /// The `result`, if given.
    var result: CESQLValue?
    /// The `error`, if given.
    var error: CESQLError.Kind?
    /// The input event as JSON: `event`, or `eventOverrides` over a default valid event.
    var eventJSON: String

    var testDescription: String { "\(file): \(name)" }

    /// Every case of every file, in file order; a file that fails to load fails the test run.
    static func loadAll() throws -> [TCKCase] {
        try files.flatMap { try load($0) }
    }

    static func load(_ file: String) throws -> [TCKCase] {
        let text = String(decoding: try TestMaterial.bytes("cesql-tck/\(file).yaml"), as: UTF8.self)
        guard let root = try Yams.compose(yaml: text), let tests = root["tests"]?.sequence else {
            throw TCKError(message: "\(file).yaml has no tests")
        }
        return try tests.map { test in
            guard let name = test["name"]?.string, let expression = test["expression"]?.string else {
                throw TCKError(message: "a test of \(file).yaml has no name or expression")
            }
            var error: CESQLError.Kind? = nil
            if let kind = test["error"]?.string {
                guard let parsed = CESQLError.Kind(rawValue: kind) else {
                    throw TCKError(message: "\(file).yaml: unknown error kind \(kind)")
                }
                error = parsed
            }
            let event: String
            if let given = test["event"] {
                event = json(given)
            } else {
                var attributes: [(String, Node)] = [
                    ("specversion", Node("1.0", Tag(.str), .doubleQuoted)), ("id", Node("tck-id")),
                    ("source", Node("http://localhost/tck")), ("type", Node("tck.type")),
                ]
                for (key, value) in test["eventOverrides"]?.mapping ?? [:] {
                    guard let key = key.string else { continue }
                    attributes.removeAll { $0.0 == key }
                    attributes.append((key, value))
                }
                event = "{" + attributes.map { CESQLValue.string($0.0).json + ":" + json($0.1) }.joined(separator: ",") + "}"
            }
            return TCKCase(
                file: file, name: name, expression: expression, result: test["result"].map(value), error: error,
                eventJSON: event)
        }
    }

    /// A YAML scalar as a CESQL value: a plain `true`/`false`/integer is typed, anything else a String.
    static func value(_ node: Node) -> CESQLValue {
        if let scalar = node.scalar, scalar.style == .plain {
            if let boolean = node.bool { return .boolean(boolean) }
            if let text = node.string, let integer = Int32(text, radix: 10) { return .integer(integer) }
        }
        return .string(node.scalar?.string ?? "")
    }

    /// A YAML mapping or scalar as JSON text, scalars typed as ``value(_:)`` types them.
    static func json(_ node: Node) -> String {
        if let mapping = node.mapping {
            return "{" + mapping.map { CESQLValue.string($0.key.string ?? "").json + ":" + json($0.value) }.joined(separator: ",")
                + "}"
        }
        switch value(node) {
        case .boolean(let boolean): return boolean ? "true" : "false"
        case .integer(let integer): return String(integer)
        case .string(let text): return CESQLValue.string(text).json
        }
    }
}

/// A TCK file that cannot be read as the TCK's README describes.
struct TCKError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
