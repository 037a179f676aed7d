public import CloudEvents

/// The CloudEvents subprotocols one side supports, in its order of preference, and the
/// negotiation of the handshake's `Sec-WebSocket-Protocol` header.
///
/// A server chooses, among the subprotocols a client offers, the first of its own list the client
/// offered (the server's preference wins); a client offering none of them is refused with
/// ``WebSocketRefusal``, whose reason lists what the server supports:
///
/// ```swift
/// let supported = WebSocketSubprotocols([.json])
/// switch supported.choose(offered: request.headers[values: .secWebSocketProtocol]) {
/// case .success(let subprotocol): // answer `Sec-WebSocket-Protocol: \(subprotocol.name)`
/// case .failure(let refusal):     // answer without the header, then close with refusal.closeCode
/// }
/// ```
public struct WebSocketSubprotocols: Sendable {
    /// The subprotocols, most preferred first.
    public let all: [WebSocketSubprotocol]

    /// Creates the list; `subprotocols` is in order of preference. A name given twice keeps its
    /// first entry.
    public init(_ subprotocols: [WebSocketSubprotocol]) {
        var seen: Set<String> = []
        self.all = subprotocols.filter { seen.insert($0.name.lowercased()).inserted }
    }

    /// `cloudevents.json` only.
    public static let json = WebSocketSubprotocols([.json])

    /// The subprotocol named `name` (case-insensitively), or `nil`.
    public func subprotocol(named name: String) -> WebSocketSubprotocol? {
        let wanted = name.lowercased()
        return all.first { $0.name.lowercased() == wanted }
    }

    /// The value a client puts in its `Sec-WebSocket-Protocol` header: the names, comma-separated.
    public var offerHeaderValue: String { all.map(\.name).joined(separator: ", ") }

    /// Chooses the subprotocol for a client that offered `offered`: the values of its
    /// `Sec-WebSocket-Protocol` header fields, each a comma-separated list of names.
    ///
    /// - Returns: The first subprotocol of this list that the client offered, or a
    ///   ``WebSocketRefusal`` when it offered none of them.
    public func choose(offered headerValues: [String]) -> Result<WebSocketSubprotocol, WebSocketRefusal> {
        let offered = headerValues.flatMap { value in
            value.split(separator: ",").map { $0.trimmingWhitespace().lowercased() }.filter { !$0.isEmpty }
        }
        for candidate in all where offered.contains(candidate.name.lowercased()) {
            return .success(candidate)
        }
        return .failure(WebSocketRefusal(offered: offered, supported: all.map(\.name)))
    }
}

/// A handshake refused because the client offered no subprotocol the server supports.
///
/// The server answers the handshake without a `Sec-WebSocket-Protocol` header, as the binding
/// says, and closes the connection at once with ``closeCode`` (1002, protocol error) and
/// ``reason``, so that the client learns why.
public struct WebSocketRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The subprotocols the client offered (lower-cased), possibly none.
    public let offered: [String]
    /// The subprotocols the server supports.
    public let supported: [String]

    /// Creates a refusal.
    public init(offered: [String], supported: [String]) {
        self.offered = offered
        self.supported = supported
    }

    /// 1002, protocol error.
    public var closeCode: UInt16 { WebSocketCloseCode.protocolError }

    /// The close frame's reason, such as `no CloudEvents subprotocol offered (offered: chat);
    /// supported: cloudevents.json`.
    public var reason: String {
        let offeredText = offered.isEmpty ? "none" : offered.joined(separator: ", ")
        return WebSocketCloseCode.fittingReason(
            "no CloudEvents subprotocol offered (offered: \(offeredText)); supported: \(supported.joined(separator: ", "))"
        )
    }

    /// The reason.
    public var description: String { reason }

    /// The refusal as the core's error, code ``/CloudEvents/CloudEventError/Code/unsupportedFormat``.
    public var error: CloudEventError { CloudEventError(.unsupportedFormat, message: reason) }
}

extension Substring {
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
