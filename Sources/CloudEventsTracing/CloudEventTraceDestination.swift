/// Where a traced send goes or a traced event arrived, for the span's messaging and server
/// attributes (`messaging.destination.name`, `server.address`, `server.port`, `url.full`).
public struct CloudEventTraceDestination: Sendable, Hashable {
    /// `messaging.destination.name`: the URL path for HTTP, the topic or queue for a broker.
    public var name: String
    /// `server.address`: the peer's host name or address, when known.
    public var serverAddress: String?
    /// `server.port`, when known.
    public var serverPort: Int?
    /// `url.full`: the URL a request goes to, when there is one.
    public var url: String?
    /// `network.protocol.name`, e.g. `http`.
    public var protocolName: String

    /// Creates a destination from its parts.
    public init(
        name: String, serverAddress: String? = nil, serverPort: Int? = nil, url: String? = nil,
        protocolName: String = "http"
    ) {
        self.name = name
        self.serverAddress = serverAddress
        self.serverPort = serverPort
        self.url = url
        self.protocolName = protocolName
    }

    /// The destination of an HTTP request to `url` (`scheme://host[:port]/path...`): the path as
    /// its name, the host and port (the scheme's default when absent) as the server.
    public init(httpURL url: String) {
        var rest = Substring(url)
        var scheme = "http"
        if let separator = rest.firstRange(of: "://") {
            scheme = rest[..<separator.lowerBound].lowercased()
            rest = rest[separator.upperBound...]
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var path = rest[authorityEnd...]
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        var host = authority
        var port: Int? = scheme == "https" ? 443 : scheme == "http" ? 80 : nil
        // A port follows the last colon, unless that colon is inside an IPv6 literal's brackets.
        if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
            host = authority[..<colon]
            port = Int(authority[authority.index(after: colon)...]) ?? port
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        self.init(
            name: path.isEmpty ? "/" : String(path), serverAddress: host.isEmpty ? nil : String(host),
            serverPort: port, url: url, protocolName: "http")
    }
}
