/// The built-in functions of sections 3.5.1 and 3.5.2, and the casting functions `INT`, `BOOL`
/// and `STRING` (the casts of section 3.7).
enum BuiltinFunction: String, Sendable, CaseIterable {
    case length = "LENGTH", concat = "CONCAT", concatWS = "CONCAT_WS", lower = "LOWER", upper = "UPPER"
    case trim = "TRIM", left = "LEFT", right = "RIGHT", substring = "SUBSTRING", abs = "ABS"
    case int = "INT", bool = "BOOL", string = "STRING"

    /// The function of that name (case-insensitive) taking `arity` arguments, if any.
    init?(name: String, arity: Int) {
        guard let function = BuiltinFunction(rawValue: name.uppercased()) else { return nil }
        switch function {
        case .concat: break
        case .concatWS: guard arity >= 1 else { return nil }
        case .left, .right: guard arity == 2 else { return nil }
        case .substring: guard arity == 2 || arity == 3 else { return nil }
        default: guard arity == 1 else { return nil }
        }
        self = function
    }

    /// What the function returns.
    var returnType: CESQLType {
        switch self {
        case .length, .abs, .int: .integer
        case .bool: .boolean
        default: .string
        }
    }

    /// The type of the parameter at `index`: what the argument there is cast to.
    func parameterType(at index: Int) -> CESQLType? {
        switch self {
        case .left, .right, .substring: index == 0 ? .string : .integer
        case .abs: .integer
        case .int, .bool, .string: nil
        default: .string
        }
    }
}
