/// The built-in functions' semantics. Lengths and positions count Unicode scalars (characters),
/// never bytes.
extension BuiltinFunction {
    /// The function applied to `arguments`, each first cast to its parameter type.
    func apply(_ arguments: [CESQLValue], errors: inout [CESQLError]) -> CESQLValue {
        var strings: [String] = []
        var integers: [Int32] = []
        for (index, argument) in arguments.enumerated() {
            switch parameterType(at: index) {
            case .string?: strings.append(Cast.string(argument))
            case .integer?: integers.append(Cast.integer(argument, errors: &errors))
            case .boolean?, nil: break
            }
        }
        switch self {
        case .int: return .integer(Cast.integer(arguments[0], errors: &errors))
        case .bool: return .boolean(Cast.boolean(arguments[0], errors: &errors))
        case .string: return .string(Cast.string(arguments[0]))
        case .length: return .integer(Int32(clamping: strings[0].unicodeScalars.count))
        case .concat: return .string(strings.joined())
        case .concatWS: return .string(strings.dropFirst().joined(separator: strings[0]))
        case .lower: return .string(strings[0].lowercased())
        case .upper: return .string(strings[0].uppercased())
        case .trim: return .string(BuiltinFunction.trimmed(strings[0]))
        case .left, .right:
            guard integers[0] >= 0 else {
                errors.append(
                    CESQLError(.functionEvaluation, message: "\(rawValue) takes a length of 0 or more, not \(integers[0])"))
                return .string(strings[0])
            }
            let scalars = strings[0].unicodeScalars
            let count = Int(integers[0])
            let part = self == .left ? scalars.prefix(count) : scalars.suffix(count)
            return .string(String(String.UnicodeScalarView(part)))
        case .substring:
            return .string(substring(strings[0], Int(integers[0]), integers.count > 1 ? Int(integers[1]) : nil, &errors))
        case .abs:
            guard integers[0] != .min else {
                errors.append(CESQLError(.math, message: "ABS(-2147483648) overflows a 32-bit Integer"))
                return .integer(.max)
            }
            return .integer(Swift.abs(integers[0]))
        }
    }

    /// `SUBSTRING(x, pos[, len])`: positions from 1, or from the end when negative.
    private func substring(_ text: String, _ position: Int, _ length: Int?, _ errors: inout [CESQLError]) -> String {
        let scalars = text.unicodeScalars
        let count = scalars.count
        guard position <= count, position >= -count else {
            errors.append(
                CESQLError(
                    .functionEvaluation,
                    message: "SUBSTRING position \(position) is outside a string of \(count) characters"))
            return ""
        }
        if let length, length < 0 {
            errors.append(CESQLError(.functionEvaluation, message: "SUBSTRING takes a length of 0 or more, not \(length)"))
            return ""
        }
        guard position != 0 else { return "" }
        let start = position > 0 ? position - 1 : count + position
        let available = count - start
        let part = scalars.dropFirst(start).prefix(min(length ?? available, available))
        return String(String.UnicodeScalarView(part))
    }

    /// `x` without its leading and trailing Unicode whitespace.
    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
