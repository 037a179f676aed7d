public import CloudEvents

/// A CloudEvents WebSocket subprotocol: its name in `Sec-WebSocket-Protocol`, the event format
/// its messages are written in, and the frame type they travel in.
///
/// The binding names one subprotocol per event format (``standardName(forMediaType:)``);
/// ``init(format:)`` finds it from the format's media type, so a format that adopts
/// ``/CloudEvents/CloudEventFormat`` (Avro, Protobuf) plugs in without a change here:
///
/// ```swift
/// let subprotocols = WebSocketSubprotocols([.json, try WebSocketSubprotocol(format: AvroEventFormat())])
/// ```
public struct WebSocketSubprotocol: Sendable, CustomStringConvertible {
    /// The name the handshake carries, such as `cloudevents.json`.
    public let name: String
    /// The format every message of the connection is written in.
    public let format: any CloudEventFormat
    /// The frame type messages are sent in.
    public let frameKind: WebSocketFrameKind

    /// Creates a subprotocol from its parts, for a format the binding does not name.
    public init(name: String, format: any CloudEventFormat, frameKind: WebSocketFrameKind) {
        self.name = name
        self.format = format
        self.frameKind = frameKind
    }

    /// The binding's subprotocol for `format`, found from its media type: `cloudevents.json`
    /// (text frames) for `application/cloudevents+json`, `cloudevents.avro` and
    /// `cloudevents.proto` (binary frames) for the Avro and Protobuf formats.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError/Code/unsupportedFormat`` for a media type the
    ///   binding names no subprotocol for; use ``init(name:format:frameKind:)`` for it.
    public init(format: any CloudEventFormat) throws {
        guard let name = Self.standardName(forMediaType: format.eventMediaType) else {
            throw CloudEventError(
                .unsupportedFormat,
                message: "the WebSocket binding names no subprotocol for the event format \(format.eventMediaType)")
        }
        self.init(name: name, format: format, frameKind: name == Self.jsonName ? .text : .binary)
    }

    /// `cloudevents.json`: the JSON event format in text frames, which every implementation supports.
    public static let json = WebSocketSubprotocol(name: jsonName, format: JSONEventFormat(), frameKind: .text)

    /// `cloudevents.json` with the JSON format's limits set to `limits`.
    public static func json(limits: JSONEventFormat.Limits) -> WebSocketSubprotocol {
        WebSocketSubprotocol(name: jsonName, format: JSONEventFormat(limits: limits), frameKind: .text)
    }

    static let jsonName = "cloudevents.json"

    /// The subprotocols the binding names, by the media type of their event format.
    public static let standardNames: [String: String] = [
        "application/cloudevents+json": jsonName,
        "application/cloudevents+avro": "cloudevents.avro",
        "application/cloudevents+protobuf": "cloudevents.proto",
    ]

    /// The binding's subprotocol name for an event format's media type, or `nil`.
    public static func standardName(forMediaType mediaType: String) -> String? {
        standardNames[mediaType.lowercased()]
    }

    /// The name.
    public var description: String { name }
}
