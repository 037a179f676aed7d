import CloudEvents
import CloudEventsSQL
import FuzzSupport

/// libFuzzer's callback: runs one input through `fuzz(_:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// The entry point SwiftPM links as `main` (see `LibFuzzer`).
@_cdecl("FuzzCESQL_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    LibFuzzer.run(argc, argv, testOneInput)
}

/// The event every parsed expression is evaluated against: every core attribute and an
/// extension of each CloudEvents type CESQL sees (Boolean, Integer, String).
let event: CloudEvent = {
    var event = CloudEvent(
        id: "fuzz-1", source: "/fuzz/source", type: "com.example.fuzz", subject: "Zoë",
        dataContentType: "application/json")
    event[extension: "count"] = .integer(-7)
    event[extension: "flag"] = .boolean(true)
    event[extension: "name"] = .string("%_\\")
    return event
}()

/// CESQL expressions: `CESQLExpression(parsing:)` on arbitrary text, then evaluation.
///
/// Invariants: parsing either succeeds or throws a parse error whose byte offset lies inside the
/// input (or at its end), never crashing or recursing without bound (the depth limit); a parsed
/// expression keeps its text, parses again to an equal expression, and evaluates without
/// crashing, the same way twice, to a value and errors of the spec's kinds.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let text = String(decoding: input, as: UTF8.self)
    let expression: CESQLExpression
    do {
        expression = try CESQLExpression(parsing: text)
    } catch {
        invariant(error.kind == .parse, "parsing failed with \(error.kind): \(error)")
        invariant(
            error.byteOffset.map { $0 >= 0 && $0 <= text.utf8.count } ?? true,
            "parse error offset \(String(describing: error.byteOffset)) outside 0...\(text.utf8.count)")
        return
    }
    invariant(expression.text == text, "the expression's text changed")
    let again = try? CESQLExpression(parsing: expression.text)
    invariant(again == expression, "the text of a parsed expression does not parse again")
    let first = expression.evaluate(event)
    let second = expression.evaluate(event)
    invariant(first == second, "two evaluations differ: \(first) and \(second)")
    invariant(first.matches == expression.matches(event), "matches disagrees with the result")
}
