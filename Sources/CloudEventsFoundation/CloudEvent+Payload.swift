public import CloudEvents
public import Foundation

extension CloudEvent {
    /// An event carrying `payload`: `type`, `datacontenttype`, `dataschema` and `data` come from
    /// the payload's type, the data is `payload` encoded as JSON.
    ///
    /// - Parameters:
    ///   - source: The event's `source`.
    ///   - payload: The data.
    ///   - id: The event's `id`; a new UUID by default.
    ///   - subject: The event's `subject`.
    ///   - time: The event's `time`.
    ///   - encoder: The JSON encoder (its key strategy decides the member names).
    /// - Throws: ``/CloudEvents/CloudEventError`` (``/CloudEvents/CloudEventError/Code/invalidData``)
    ///   when the payload does not encode or its declared content type is not a JSON media type.
    public init<Payload: CloudEventPayload>(
        source: String, payload: Payload, id: String = CloudEvent.newID(), subject: String? = nil,
        time: Timestamp? = nil, encoder: JSONEncoder = JSONEncoder()
    ) throws {
        let contentType = Payload.dataContentType
        guard MediaTypeSyntax.isJSON(contentType) else {
            throw CloudEventError(
                .invalidData, attribute: "datacontenttype",
                message: "\(Payload.self) declares datacontenttype \(contentType), which is not a JSON media type;"
                    + " its data is written as JSON")
        }
        let bytes: Data
        do {
            bytes = try encoder.encode(payload)
        } catch {
            throw CloudEventError(
                .invalidData, attribute: "data", message: "\(Payload.self) does not encode as JSON: \(error)")
        }
        self.init(
            id: id, source: source, type: Payload.eventType, subject: subject, time: time,
            dataContentType: contentType, dataSchema: Payload.dataSchema, data: .json(bytes: bytes))
    }

    /// The event's data as `type`, after checking that the event is one of that payload.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError``:
    ///   ``/CloudEvents/CloudEventError/Code/payloadMismatch`` when the event's `type` or
    ///   `datacontenttype` is not the payload's (naming the attribute, what was expected and what
    ///   arrived); ``/CloudEvents/CloudEventError/Code/invalidData`` when there is no JSON data or
    ///   it does not decode, naming the JSON path (`$.items[0].price`) and what is wrong there.
    public func payload<Payload: CloudEventPayload>(as type: Payload.Type, decoder: JSONDecoder = JSONDecoder())
        throws -> Payload
    {
        guard self.type == Payload.eventType else {
            throw CloudEventError(
                .payloadMismatch, attribute: "type",
                message: "\(Payload.self) reads events of type \(Payload.eventType); this event is \(self.type)")
        }
        let contentType = dataContentType ?? "application/json"
        guard MediaTypeSyntax.haveSameEssence(contentType, Payload.dataContentType) else {
            throw CloudEventError(
                .payloadMismatch, attribute: "datacontenttype",
                message: "\(Payload.self) reads data of type \(Payload.dataContentType); this event's is \(contentType)"
            )
        }
        guard let data else {
            throw CloudEventError(
                .invalidData, attribute: "data", message: "the event has no data to decode as \(Payload.self)")
        }
        return try data.decode(as: Payload.self, decoder: decoder)
    }
}
