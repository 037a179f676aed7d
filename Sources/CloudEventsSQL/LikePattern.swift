import CloudEvents

/// A compiled `LIKE` pattern, matched over Unicode scalars without backtracking.
///
/// `%` matches any run of characters, `_` exactly one; `\%` and `\_` match `%` and `_`; any
/// other character (a lone backslash included) matches itself, case-sensitively.
struct LikePattern: Sendable {
    /// One element of the pattern.
    enum Element: Sendable, Equatable {
        /// `%`: zero or more characters.
        case anyRun
        /// `_`: exactly one character.
        case anyOne
        /// Exactly this character.
        case literal(Unicode.Scalar)
    }

    /// The elements, runs of `%` collapsed into one.
    let elements: [Element]
    /// When the pattern has no wildcard: the UTF-8 of the only text it matches.
    let exactText: [UInt8]?
    /// When the pattern is literal characters then one `%` (`'/orders/%'`): the UTF-8 of the
    /// prefix every match starts with, and nothing else is checked.
    let prefix: [UInt8]?

    /// A pattern of these elements (a subscription filter's prefix or suffix).
    init(elements: [Element]) {
        self.elements = elements
        exactText = nil
        prefix = Self.literalPrefix(elements)
    }

    init(_ pattern: String) {
        var elements: [Element] = []
        var hasWildcard = false
        var scalars = pattern.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "%":
                hasWildcard = true
                if elements.last != .anyRun { elements.append(.anyRun) }
            case "_":
                hasWildcard = true
                elements.append(.anyOne)
            case "\\" where pending == "%" || pending == "_":
                if let escaped = pending { elements.append(.literal(escaped)) }
                pending = scalars.next()
            default:
                elements.append(.literal(scalar))
            }
        }
        self.elements = elements
        exactText = hasWildcard ? nil : Self.literalPrefix(elements + [.anyRun])
        prefix = Self.literalPrefix(elements)
    }

    /// The UTF-8 of the literal characters of `elements` when they are all literal but a last `%`.
    private static func literalPrefix(_ elements: [Element]) -> [UInt8]? {
        guard elements.last == .anyRun else { return nil }
        var bytes: [UInt8] = []
        for element in elements.dropLast() {
            guard case .literal(let scalar) = element else { return nil }
            bytes.append(contentsOf: scalar.utf8)
        }
        return bytes
    }

    /// Whether `text` matches the whole pattern (its UTF-8 bytes, matched by ``matches(utf8:)``).
    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { matches(utf8: $0) }
    }

    /// Whether the UTF-8 text `text` matches the whole pattern, one scalar at a time (attributes
    /// stored as UTF-8 are matched without building a `String`).
    ///
    /// Greedy two-pointer matching: on a mismatch it goes back only to the last `%`, one
    /// character further, so the work is at most the text's length times the pattern's.
    func matches(utf8 text: UnsafeBufferPointer<UInt8>) -> Bool {
        if let exactText { return exactText.withUnsafeBufferPointer { ByteComparison.equal(text, $0) } }
        if let prefix {
            // Text is valid UTF-8, so its scalars start with the prefix's exactly when its bytes do.
            guard text.count >= prefix.count else { return false }
            return prefix.withUnsafeBufferPointer {
                ByteComparison.equal(UnsafeBufferPointer(rebasing: text[..<$0.count]), $0)
            }
        }
        let end = text.count
        var textIndex = 0
        var patternIndex = 0
        var lastRun: Int? = nil
        var lastRunText = 0
        while textIndex < end {
            if patternIndex < elements.count {
                switch elements[patternIndex] {
                case .anyRun:
                    lastRun = patternIndex
                    lastRunText = textIndex
                    patternIndex += 1
                    continue
                case .anyOne:
                    patternIndex += 1
                    textIndex += Self.scalarLength(text[textIndex])
                    continue
                case .literal(let scalar) where Self.scalar(in: text, at: textIndex) == scalar:
                    patternIndex += 1
                    textIndex += Self.scalarLength(text[textIndex])
                    continue
                case .literal:
                    break
                }
            }
            guard let run = lastRun else { return false }
            patternIndex = run + 1
            lastRunText += Self.scalarLength(text[lastRunText])
            textIndex = lastRunText
        }
        while patternIndex < elements.count, elements[patternIndex] == .anyRun { patternIndex += 1 }
        return patternIndex == elements.count
    }

    /// The length of the UTF-8 sequence that `lead` starts.
    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar whose UTF-8 sequence starts at `index`; `nil` for a sequence cut short.
    private static func scalar(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar? {
        let lead = text[index]
        let length = scalarLength(lead)
        guard length > 1 else { return Unicode.Scalar(lead) }
        guard index + length <= text.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(text[index + offset] & 0x3F) }
        return Unicode.Scalar(value)
    }
}
