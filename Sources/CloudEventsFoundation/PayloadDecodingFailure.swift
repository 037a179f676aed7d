import CloudEvents
import Foundation

/// Turns a `DecodingError` into a ``/CloudEvents/CloudEventError`` that names the JSON path of
/// the problem and says what is wrong there, in plain words.
enum PayloadDecodingFailure {
    static func error<Payload>(_ error: DecodingError, decoding type: Payload.Type, from data: ArraySlice<UInt8>)
        -> CloudEventError
    {
        let problem: String
        switch error {
        case .keyNotFound(let key, let context):
            let path = jsonPath(context.codingPath + [key])
            problem = "\(path) is missing, and it is required" + namingHint(for: key.stringValue, in: data)
        case .valueNotFound(let expected, let context):
            problem = "\(jsonPath(context.codingPath)) is null; \(expected) is required"
        case .typeMismatch(let expected, let context):
            problem =
                "\(jsonPath(context.codingPath)) is not \(article(expected)) \(expected): \(context.debugDescription)"
        case .dataCorrupted(let context):
            problem = "\(jsonPath(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            problem = "\(error)"
        }
        return CloudEventError(
            .invalidData, attribute: "data", message: "data does not decode as \(Payload.self): " + problem)
    }

    /// The path as JSONPath: `$`, `.name` per member, `[n]` per array element.
    static func jsonPath(_ codingPath: [any CodingKey]) -> String {
        var path = "$"
        for key in codingPath {
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") || key.stringValue == String(index) {
                path += "[\(index)]"
            } else {
                path += "." + key.stringValue
            }
        }
        return path
    }

    /// When the data has the missing member in snake_case (`order_id` for `orderId`), the
    /// likely cause: the producer's naming style, which a key decoding strategy reads.
    private static func namingHint(for key: String, in data: ArraySlice<UInt8>) -> String {
        var snake = ""
        for character in key {
            if character.isUppercase {
                snake += "_" + character.lowercased()
            } else {
                snake.append(character)
            }
        }
        guard snake != key, data.firstRange(of: Array("\"\(snake)\"".utf8)) != nil else { return "" }
        return " (the data has \(snake): decode with a JSONDecoder whose keyDecodingStrategy is .convertFromSnakeCase)"
    }

    private static func article(_ type: Any.Type) -> String {
        let name = "\(type)"
        return name.first.map { "AEIOU".contains($0) } == true ? "an" : "a"
    }
}
