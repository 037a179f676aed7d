public import CloudEvents

/// Encodes events as the binding's messages, and decodes and checks received messages, for one
/// connection's negotiated subprotocol.
///
/// ```swift
/// var codec = WebSocketEventCodec(subprotocol: .json, limits: WebSocketLimits(maximumEventsPerSecond: 100))
/// let message = try codec.encode(event)             // a text frame of JSON
/// let received = try codec.decode(message)          // throws WebSocketMessageError
/// ```
public struct WebSocketEventCodec: Sendable {
    /// The subprotocol the connection negotiated.
    public let subprotocol: WebSocketSubprotocol
    /// The connection's limits.
    public let limits: WebSocketLimits
    private var rateLimiter: WebSocketRateLimiter
    private var received = 0

    /// Creates a codec.
    public init(subprotocol: WebSocketSubprotocol, limits: WebSocketLimits = WebSocketLimits()) {
        self.subprotocol = subprotocol
        self.limits = limits
        self.rateLimiter = WebSocketRateLimiter(eventsPerSecond: limits.maximumEventsPerSecond)
    }

    /// Encodes one event (after validating it) as a message in the subprotocol's format and frame type.
    ///
    /// - Throws: the format's ``/CloudEvents/CloudEventError`` for an invalid event, or
    ///   ``/CloudEvents/CloudEventError/Code/limitExceeded`` for an event whose message would be
    ///   over ``WebSocketLimits/maximumMessageSize``.
    public func encode(_ event: CloudEvent) throws -> WebSocketEventMessage {
        let bytes = try subprotocol.format.encode(event)
        guard bytes.count <= limits.maximumMessageSize else {
            throw CloudEventError(
                .limitExceeded, byteOffset: limits.maximumMessageSize,
                message: "the event's message of \(bytes.count) bytes exceeds the limit of "
                    + "\(limits.maximumMessageSize) bytes")
        }
        return WebSocketEventMessage(kind: subprotocol.frameKind, bytes: bytes)
    }

    /// Decodes one received message, checking its frame type, size and the events-per-second limit.
    ///
    /// - Throws: ``WebSocketMessageError``, with the close code the connection ends with.
    public mutating func decode(
        _ message: WebSocketEventMessage, at now: ContinuousClock.Instant = .now
    ) throws(WebSocketMessageError) -> CloudEvent {
        let index = received
        received += 1
        guard message.kind == subprotocol.frameKind else {
            throw WebSocketMessageError(
                closeCode: WebSocketCloseCode.unsupportedData, messageIndex: index,
                error: CloudEventError(
                    .unsupportedFormat,
                    message:
                        "a \(message.kind) frame under \(subprotocol.name), which is sent in \(subprotocol.frameKind) frames"
                ))
        }
        guard message.bytes.count <= limits.maximumMessageSize else {
            throw WebSocketMessageError(
                closeCode: WebSocketCloseCode.messageTooBig, messageIndex: index,
                error: CloudEventError(
                    .limitExceeded, byteOffset: limits.maximumMessageSize,
                    message:
                        "a message of \(message.bytes.count) bytes exceeds the limit of \(limits.maximumMessageSize) bytes"
                ))
        }
        guard rateLimiter.admit(at: now) else {
            throw WebSocketMessageError(
                closeCode: WebSocketCloseCode.policyViolation, messageIndex: index,
                error: CloudEventError(
                    .limitExceeded,
                    message: "more than \(limits.maximumEventsPerSecond ?? 0) events per second on one connection"))
        }
        do {
            return try subprotocol.format.decode(message.bytes[...])
        } catch let error as CloudEventError {
            throw WebSocketMessageError(closeCode: WebSocketCloseCode.invalidPayload, messageIndex: index, error: error)
        } catch {
            throw WebSocketMessageError(
                closeCode: WebSocketCloseCode.invalidPayload, messageIndex: index,
                error: CloudEventError(.malformedInput, message: "\(error)"))
        }
    }
}

/// A received message the connection cannot take: the close code and reason it ends with, and
/// the typed error (naming the attribute or byte offset).
public struct WebSocketMessageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The close code: 1003 (wrong frame type), 1007 (not a valid event), 1008 (events per
    /// second), 1009 (too large).
    public let closeCode: UInt16
    /// The message's position on the connection, from 0.
    public let messageIndex: Int
    /// What is wrong with it.
    public let error: CloudEventError

    /// Creates the error.
    public init(closeCode: UInt16, messageIndex: Int, error: CloudEventError) {
        self.closeCode = closeCode
        self.messageIndex = messageIndex
        self.error = error
    }

    /// The close frame's reason: the message's index and the error on one line, within 123 bytes.
    public var reason: String {
        let text = "\(error)".split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }.joined(separator: "; ")
        return WebSocketCloseCode.fittingReason("message \(messageIndex): \(text)")
    }

    /// The close code, the message's index and the error.
    public var description: String { "\(closeCode) message \(messageIndex): \(error)" }
}
