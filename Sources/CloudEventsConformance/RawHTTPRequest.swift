public import HTTPTypes

/// An HTTP/1.1 request written out as text, as in the conformance features' doc strings:
/// request line, header lines, a blank line, then the body.
public struct RawHTTPRequest: Sendable, Hashable {
    /// The method, e.g. `POST`.
    public var method: String
    /// The request target, e.g. `/someresource`.
    public var target: String
    /// The protocol version, e.g. `HTTP/1.1`.
    public var version: String
    /// The header fields, in order.
    public var headerFields: HTTPFields
    /// The body: the text after the blank line, lines joined with `\n`, as UTF-8.
    public var body: [UInt8]

    /// Creates a request.
    public init(method: String, target: String, version: String, headerFields: HTTPFields, body: [UInt8]) {
        self.method = method
        self.target = target
        self.version = version
        self.headerFields = headerFields
        self.body = body
    }

    /// Parses a request written out as text. Lines may end in `\n` or `\r\n`; the body's lines
    /// are joined with `\n` whatever they ended in (a Gherkin doc string has no line endings of
    /// its own). `Content-Length` is kept as written and not checked against the body.
    ///
    /// - Throws: ``ConformanceError`` (with `file` `"HTTP request"` and the 1-based line) for a
    ///   request line that is not `METHOD target version`, a header line without `:`, a field
    ///   name that is not a token, or a folded (continuation) header line.
    public static func parse(_ text: String) throws -> RawHTTPRequest {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        func failure(_ index: Int, _ message: String) -> ConformanceError {
            ConformanceError(file: "HTTP request", line: index + 1, message: message)
        }
        guard let requestLine = lines.first else { throw failure(0, "the request is empty") }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/") else {
            throw failure(0, "the request line must be METHOD target HTTP/version: \(requestLine)")
        }
        var fields = HTTPFields()
        var index = 1
        while index < lines.count, !lines[index].isEmpty {
            let line = lines[index]
            if line.first == " " || line.first == "\t" { throw failure(index, "folded header lines are obsolete") }
            guard let colon = line.firstIndex(of: ":") else { throw failure(index, "a header line needs ':': \(line)") }
            guard let name = HTTPField.Name(String(line[..<colon])) else {
                throw failure(index, "\(line[..<colon]) is not a valid header field name")
            }
            var value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            while value.last == " " || value.last == "\t" { value = value.dropLast() }
            fields.append(HTTPField(name: name, value: String(value)))
            index += 1
        }
        let body = index < lines.count ? lines[(index + 1)...].joined(separator: "\n") : ""
        return RawHTTPRequest(
            method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headerFields: fields,
            body: Array(body.utf8))
    }
}
