public import CloudEvents
public import Foundation

extension CloudEventData {
    /// Binary data from a Foundation `Data`.
    public static func binary(_ data: Data) -> CloudEventData {
        CloudEventData.binary(Array(data))
    }

    /// JSON data: `value` encoded with `encoder`.
    public static func json(encoding value: some Encodable, encoder: JSONEncoder = JSONEncoder()) throws
        -> CloudEventData
    {
        .json(bytes: try encoder.encode(value))
    }

    /// The payload bytes as a Foundation `Data`.
    public var foundationData: Data {
        Data(bytes)
    }

    /// Decodes JSON data into `type`.
    ///
    /// This is the only place the library parses a JSON payload, and only when asked.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError`` with ``/CloudEvents/CloudEventError/Code/invalidData``
    ///   when the data is not JSON or does not decode as `type`, naming the JSON path and the problem
    ///   (`$.items[0].quantity is missing, and it is required`).
    public func decode<T: Decodable>(as type: T.Type, decoder: JSONDecoder = JSONDecoder()) throws -> T {
        guard kind == .json else {
            throw CloudEventError(
                .invalidData, attribute: "data",
                message: "data is \(kind.rawValue), not JSON; it cannot decode as \(T.self)")
        }
        do {
            return try decoder.decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw PayloadDecodingFailure.error(error, decoding: T.self, from: bytes)
        } catch {
            throw CloudEventError(
                .invalidData, attribute: "data", message: "data does not decode as \(T.self): \(error)")
        }
    }
}

extension CloudEvent {
    /// Decodes the event's JSON data into `type`; see ``CloudEvents/CloudEventData/decode(as:decoder:)``.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError`` when there is no data or it does not decode.
    public func decodeData<T: Decodable>(as type: T.Type, decoder: JSONDecoder = JSONDecoder()) throws -> T {
        guard let data else {
            throw CloudEventError(.invalidData, attribute: "data", message: "the event has no data to decode")
        }
        return try data.decode(as: type, decoder: decoder)
    }

    /// `source` as a Foundation `URL`, when Foundation can represent it.
    public var sourceURL: URL? {
        URL(string: source)
    }

    /// `dataschema` (`schemaurl` in 0.3) as a Foundation `URL`.
    public var dataSchemaURL: URL? {
        dataSchema.flatMap { URL(string: $0) }
    }
}
