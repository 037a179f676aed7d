/// The JSON form of filters: `{ "dialect": <dialect-specific properties> }` (section 3.2.4.1).
extension SubscriptionFilter {
    /// Decodes a filter from its JSON form, such as `{"exact": {"type": "com.example"}}`.
    ///
    /// - Throws: ``SubscriptionFilterError``: ``SubscriptionFilterError/Kind/malformedJSON``,
    ///   ``SubscriptionFilterError/Kind/unknownDialect`` for a dialect other than the seven,
    ///   ``SubscriptionFilterError/Kind/invalidFilter`` or ``SubscriptionFilterError/Kind/invalidExpression``.
    public init(json: String) throws(SubscriptionFilterError) {
        try self.init(try Dialect(decoding: SubscriptionFilter.read(json)))
    }

    /// Decodes a subscription's `filters`: a JSON array of filters.
    public static func filters(json: String) throws(SubscriptionFilterError) -> [SubscriptionFilter] {
        guard case .array(let elements) = try read(json) else {
            throw SubscriptionFilterError(.invalidFilter, message: "filters must be a JSON array of filters")
        }
        var filters: [SubscriptionFilter] = []
        for element in elements { filters.append(try SubscriptionFilter(try Dialect(decoding: element))) }
        return filters
    }

    /// The filter's JSON form, compact, with attribute names sorted.
    public var json: String { dialect.json.text }

    private static func read(_ json: String) throws(SubscriptionFilterError) -> JSONValue {
        do {
            return try JSONReader.read(json, maximumDepth: 2 * FilterCompiler.maximumNesting + 2)
        } catch {
            throw SubscriptionFilterError(.malformedJSON, byteOffset: error.offset, message: error.message)
        }
    }
}

extension SubscriptionFilter.Dialect {
    /// The dialect's JSON value.
    var json: JSONValue {
        func attributes(_ map: [String: String]) -> JSONValue {
            .object(map.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })
        }
        let properties: JSONValue
        switch self {
        case .exact(let map), .prefix(let map), .suffix(let map): properties = attributes(map)
        case .all(let filters), .any(let filters): properties = .array(filters.map(\.json))
        case .not(let filter): properties = filter.json
        case .sql(let expression): properties = .string(expression.text)
        }
        return .object([(name, properties)])
    }

    /// A dialect from its JSON value.
    init(decoding value: JSONValue) throws(SubscriptionFilterError) {
        guard case .object(let members) = value, members.count == 1, let (name, properties) = members.first else {
            throw SubscriptionFilterError(
                .invalidFilter, message: "a filter is a JSON object with exactly one member, its dialect")
        }
        func invalid(_ message: String) -> SubscriptionFilterError {
            SubscriptionFilterError(.invalidFilter, dialect: name, message: message)
        }
        switch name {
        case "exact", "prefix", "suffix":
            guard case .object(let pairs) = properties else { throw invalid("\(name) takes an object of strings") }
            var map: [String: String] = [:]
            for (key, value) in pairs {
                guard case .string(let text) = value else { throw invalid("the value for \(key) must be a string") }
                map[key] = text
            }
            self = name == "exact" ? .exact(map) : name == "prefix" ? .prefix(map) : .suffix(map)
        case "all", "any":
            guard case .array(let elements) = properties else { throw invalid("\(name) takes an array of filters") }
            var filters: [Self] = []
            for element in elements { filters.append(try Self(decoding: element)) }
            self = name == "all" ? .all(filters) : .any(filters)
        case "not":
            self = .not(try Self(decoding: properties))
        case "sql":
            guard case .string(let text) = properties else { throw invalid("sql takes a string: a CESQL expression") }
            do {
                self = .sql(try CESQLExpression(parsing: text))
            } catch {
                throw SubscriptionFilterError(
                    .invalidExpression, dialect: name, expressionError: error, message: "the sql expression: \(error)")
            }
        default:
            throw SubscriptionFilterError(
                .unknownDialect, dialect: name,
                message: "unknown filter dialect \"\(name)\"; supported: exact, prefix, suffix, all, any, not, sql")
        }
    }
}
