/// A lexical token of a CESQL expression, with the byte offset where it starts.
struct Token: Sendable {
    /// What the token is.
    enum Kind: Sendable, Equatable {
        /// A run of decimal digits (the sign, if any, is a separate token).
        case digits(String)
        /// A quoted string literal, escapes resolved.
        case string(String)
        /// A word that is not a keyword: an attribute or function name, as written.
        case word(String)
        /// A keyword, whatever its case.
        case keyword(Keyword)
        /// `(`.
        case openParenthesis
        /// `)`.
        case closeParenthesis
        /// `,`.
        case comma
        /// An operator symbol.
        case symbol(Symbol)
        /// The end of the expression.
        case end
    }

    /// The keywords of the grammar (case-insensitive).
    enum Keyword: String, Sendable, CaseIterable {
        case and = "AND", or = "OR", xor = "XOR", not = "NOT", like = "LIKE", `in` = "IN"
        case exists = "EXISTS", `true` = "TRUE", `false` = "FALSE"
    }

    /// The operator symbols of the grammar.
    enum Symbol: String, Sendable {
        case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
        case equal = "=", notEqual = "!=", lessGreater = "<>", less = "<", lessOrEqual = "<="
        case greater = ">", greaterOrEqual = ">="
    }

    /// What the token is.
    var kind: Kind
    /// The byte offset of its first byte in the expression.
    var offset: Int
    /// The byte offset just past its last byte.
    var end: Int

    /// The token as an error message names it.
    var display: String {
        switch kind {
        case .digits(let digits): "integer \(digits)"
        case .string: "a string literal"
        case .word(let word): "'\(word)'"
        case .keyword(let keyword): keyword.rawValue
        case .openParenthesis: "'('"
        case .closeParenthesis: "')'"
        case .comma: "','"
        case .symbol(let symbol): "'\(symbol.rawValue)'"
        case .end: "the end of the expression"
        }
    }
}
