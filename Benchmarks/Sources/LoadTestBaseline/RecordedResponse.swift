import Foundation
import HTTPTypes
import Hummingbird

/// A response as `curl -si` printed it, to be written again as it was.
struct RecordedResponse: Sendable {
    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    /// Fields Hummingbird writes on every response itself.
    private static let writtenByServer: Set<HTTPField.Name> = [.contentLength, .date, .server]

    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer

    init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FormatError(description: "cannot read the recorded response \(path)")
        }
        let bytes = [UInt8](data)
        let separator = Array("\r\n\r\n".utf8)
        guard let headEnd = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else {
            throw FormatError(description: "\(path): no empty line after the header fields")
        }
        let lines = String(decoding: bytes[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusWords = lines.first?.split(separator: " ") ?? []
        guard statusWords.count >= 2, let code = Int(statusWords[1]) else {
            throw FormatError(description: "\(path): the first line is not an HTTP status line")
        }
        status = HTTPResponse.Status(code: code)
        headers = HTTPFields()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), let name = HTTPField.Name(String(line[..<colon])) else {
                throw FormatError(description: "\(path): not a header field: \(line)")
            }
            guard !Self.writtenByServer.contains(name) else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append(HTTPField(name: name, value: value))
        }
        body = ByteBuffer(bytes: bytes[(headEnd + separator.count)...])
    }
}
