/// The type casts of section 3.7.
enum Cast {
    /// `value` cast to `type`; a failed cast appends a cast error and gives the type's zero value.
    static func value(_ value: CESQLValue, to type: CESQLType, errors: inout [CESQLError]) -> CESQLValue {
        switch type {
        case .boolean: .boolean(boolean(value, errors: &errors))
        case .integer: .integer(integer(value, errors: &errors))
        case .string: .string(string(value))
        }
    }

    /// Integer → Boolean: `false` for 0; String → Boolean: `true` or `false` in any case.
    static func boolean(_ value: CESQLValue, errors: inout [CESQLError]) -> Bool {
        switch value {
        case .boolean(let boolean): return boolean
        case .integer(let integer): return integer != 0
        case .string(let text):
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default:
                errors.append(CESQLError(.cast, message: "cannot cast the String \"\(text)\" to Boolean"))
                return false
            }
        }
    }

    /// Boolean → Integer: 1 or 0; String → Integer: base 10, an optional sign, 32 bits.
    static func integer(_ value: CESQLValue, errors: inout [CESQLError]) -> Int32 {
        switch value {
        case .boolean(let boolean): return boolean ? 1 : 0
        case .integer(let integer): return integer
        case .string(let text):
            if let integer = Int32(text, radix: 10) { return integer }
            errors.append(
                CESQLError(.cast, message: "cannot cast the String \"\(text)\" to a 32-bit Integer"))
            return 0
        }
    }

    /// Any value as a String: `true`/`false`, base 10 digits, or the string itself.
    static func string(_ value: CESQLValue) -> String {
        if case .string(let text) = value { return text }
        return value.description
    }

    /// String equality as CESQL means it: the same Unicode scalars (Swift's `==` would also
    /// equate canonically equivalent strings, such as a precomposed and a decomposed `é`).
    static func same(_ x: String, _ y: String) -> Bool {
        x.utf8.elementsEqual(y.utf8)
    }

    /// Value equality with ``same(_:_:)`` for strings.
    static func same(_ x: CESQLValue, _ y: CESQLValue) -> Bool {
        switch (x, y) {
        case (.string(let a), .string(let b)): same(a, b)
        default: x == y
        }
    }
}
