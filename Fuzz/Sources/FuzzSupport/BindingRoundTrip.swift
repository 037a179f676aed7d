import CloudEvents

/// The invariants every header-style broker binding keeps (Kafka, NATS, MQTT): what decodes is a
/// valid event in the mode `mode(of:)` reports; a binary-mode event has only String extensions
/// (a header carries no type) and comes back equal from binary mode; every event comes back from
/// structured mode equal but for the white space around JSON data, which belongs to the
/// enclosing document there (as over HTTP).
public struct BindingRoundTrip<Message: Sendable>: Sendable {
    /// The binding's name in messages: `Kafka`, `NATS`.
    public var name: String
    /// The decoder.
    public var decode: @Sendable (Message) throws -> CloudEvent
    /// The decoder's mode detection.
    public var mode: @Sendable (Message) throws -> CloudEventContentMode
    /// The encoder in binary mode.
    public var encodeBinary: @Sendable (CloudEvent) throws -> Message
    /// The encoder in structured mode.
    public var encodeStructured: @Sendable (CloudEvent) throws -> Message

    /// Creates the check of one binding.
    public init(
        name: String, decode: @escaping @Sendable (Message) throws -> CloudEvent,
        mode: @escaping @Sendable (Message) throws -> CloudEventContentMode,
        encodeBinary: @escaping @Sendable (CloudEvent) throws -> Message,
        encodeStructured: @escaping @Sendable (CloudEvent) throws -> Message
    ) {
        self.name = name
        self.decode = decode
        self.mode = mode
        self.encodeBinary = encodeBinary
        self.encodeStructured = encodeStructured
    }

    /// Decodes `message` and checks the invariants.
    public func check(_ message: Message) {
        let event: CloudEvent
        do {
            event = try decode(message)
        } catch {
            _ = asCloudEventError(error, "\(name) decode")
            return
        }
        let mode = mustSucceed("\(name) mode(of:) after a successful decode") { try self.mode(message) }
        RoundTrip.checkDecoded(event)
        if mode == .binary {
            for (extensionName, value) in event.extensions {
                guard case .string = value else {
                    fatalError("\(name) binary mode decoded extension \(extensionName) as \(value.type)")
                }
            }
            // Empty data cannot be sent in binary mode (it would arrive as none); the decoder
            // never makes it, since an empty payload is no data.
            let binary = mustSucceed("\(name) binary re-encoding of a decoded event") { try encodeBinary(event) }
            let again = mustSucceed("\(name) decoding the re-encoded message") { try decode(binary) }
            invariant(again == event, "\(name) binary round trip changed the event:\n\(dump(event))\n\(dump(again))")
        }
        let structured = mustSucceed("\(name) structured encoding of a decoded event") { try encodeStructured(event) }
        let back = mustSucceed("\(name) decoding the structured message") { try decode(structured) }
        let expected = CrossMode.asStructuredModeCarriesIt(event)
        invariant(
            back == expected, "\(name) structured round trip changed the event:\n\(dump(expected))\n\(dump(back))")
    }
}
