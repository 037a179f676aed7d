import CloudEvents
import CloudEventsSQL
import Testing

/// The TCK's answer replaced by the specification's, where the two disagree.
struct SpecOverride: Sendable {
    /// The answer the specification gives.
    var result: CESQLValue?
    /// The error the specification gives, if any.
    var error: CESQLError.Kind?
    /// The normative sentence that decides.
    var decidingSentence: String
}

/// Why `1 != 1 / 0` is `true` (with a MathError), where the TCK expects the error to make it `false`.
let errorsDoNotChangeTheFlow =
    "§3.3: \"an expression evaluation flow is defined statically and cannot be modified by expected or "
    + "unexpected errors\"; §3.4.2: `x / y` \"Returns `0` and a _MathError_ if `y = 0`\", so `1 != 1 / 0` is "
    + "`1 != 0`, true (§1: referential transparency). Only a missing attribute makes its subexpression "
    + "the zero value (§3.2)."

/// Every TCK case where this module follows the specification's normative text over the TCK's
/// expected answer, keyed by "file: test name". None is skipped: each is tested with the
/// specification's answer.
let specOverrides: [String: SpecOverride] = [
    "not_operator: Invalid int cast": SpecOverride(
        result: .boolean(false), error: nil,
        decidingSentence:
            "§3.7: Integer -> Boolean is a MUST cast: \"Returns `false` if the integer is `0`, and `true` otherwise.\" "
            + "So NOT 10 is NOT true: false, without an error."),
    "exists_expression: required attributes always exist": SpecOverride(
        result: nil, error: .parse,
        decidingSentence:
            "§2.2: \"Value identifiers in CESQL MUST follow the same restrictions of the Attribute Naming Convention\" "
            + "(value-identifier ::= ( lowercase-char | digit )+); only keywords are case-insensitive (§2), "
            + "so SOURCE is not a value identifier and the expression does not parse."),
    "binary_logical_operators: AND operator is NOT short circuit evaluated when the first operand evaluates to true":
        SpecOverride(
            result: .boolean(true), error: .math, decidingSentence: errorsDoNotChangeTheFlow),
    "binary_logical_operators: OR operator is NOT short circuit evaluated when the first operand evaluates to false":
        SpecOverride(
            result: .boolean(true), error: .math, decidingSentence: errorsDoNotChangeTheFlow),
]

@Suite("CESQL TCK")
struct TCKTests {
    static let cases: [TCKCase] = (try? TCKCase.loadAll()) ?? []

    @Test("The TCK files load, every one with cases")
    func filesLoad() throws {
        for file in TCKCase.files {
            #expect(try !TCKCase.load(file).isEmpty, "\(file).yaml")
        }
        #expect(TCKTests.cases.count > 200)
    }

    @Test("Every override names a TCK case")
    func overridesExist() {
        let names = Set(TCKTests.cases.map(\.testDescription))
        for key in specOverrides.keys { #expect(names.contains(key), "\(key)") }
    }

    @Test("TCK case", arguments: TCKTests.cases)
    func tckCase(_ tck: TCKCase) throws {
        var expectedResult = tck.result
        var expectedError = tck.error
        if let override = specOverrides[tck.testDescription] {
            expectedResult = override.result
            expectedError = override.error
        }
        let event = try JSONEventFormat().decode(tck.eventJSON)
        if expectedError == .parse {
            #expect(throws: CESQLError.self) { try CESQLExpression(parsing: tck.expression) }
            do {
                _ = try CESQLExpression(parsing: tck.expression)
            } catch {
                #expect(error.kind == .parse)
                #expect(error.byteOffset != nil)
            }
            return
        }
        let expression = try CESQLExpression(parsing: tck.expression)
        let result = expression.evaluate(event)
        if let expectedResult { #expect(result.value == expectedResult, "errors: \(result.errors)") }
        if let expectedError {
            #expect(Set(result.errors.map(\.kind)) == [expectedError], "errors: \(result.errors)")
        } else {
            #expect(result.errors.isEmpty)
        }
    }
}
