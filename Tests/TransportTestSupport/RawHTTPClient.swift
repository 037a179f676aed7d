#if AsyncHTTPClient
    import AsyncHTTPClient
    public import CloudEventsHTTP
    import Foundation
    public import HTTPTypes
    import NIOCore
    public import NIOHTTP1

    /// What a test request got back.
    public struct RawAnswer: Sendable {
        /// The status code.
        public var status: Int
        /// The header fields.
        public var headers: HTTPHeaders
        /// The body.
        public var body: [UInt8]

        /// The body parsed as a JSON object (the problem body), or empty.
        public var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }
    }

    /// Sends hand-made requests with AsyncHTTPClient, so the receiver's answers to exactly these
    /// bytes can be checked (the senders under test would refuse to send most of them).
    public enum RawHTTPClient {
        /// A client that fails at once when nothing listens (the shared one keeps reconnecting until
        /// the deadline). It lives as long as the test process.
        static let client: HTTPClient = {
            var configuration = HTTPClient.Configuration()
            configuration.connectionPool.retryConnectionEstablishment = false
            return HTTPClient(configuration: configuration)
        }()

        /// Sends one request to `127.0.0.1:port` and reads the whole answer.
        public static func send(
            _ method: HTTPMethod = .POST, port: Int, path: String = "/events", headers: [(String, String)] = [],
            body: [UInt8]? = nil, chunked: Bool = false
        ) async throws -> RawAnswer {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
            request.method = method
            for (name, value) in headers { request.headers.add(name: name, value: value) }
            if let body {
                if chunked {
                    let chunks = stride(from: 0, to: body.count, by: 16 << 10).map {
                        ByteBuffer(bytes: body[$0..<min($0 + (16 << 10), body.count)])
                    }
                    request.body = .stream(chunks.asyncStream, length: .unknown)
                } else {
                    request.body = .bytes(ByteBuffer(bytes: body))
                }
            }
            // Five minutes: no test here is about timeouts, and none should be decided by one on
            // a busy machine.
            let response = try await client.execute(request, timeout: .seconds(300))
            let buffer = try await response.body.collect(upTo: 32 << 20)
            return RawAnswer(
                status: Int(response.status.code), headers: response.headers, body: Array(buffer.readableBytesView))
        }

        /// Posts an encoded message.
        public static func post(_ message: EncodedHTTPMessage, port: Int, path: String = "/events") async throws -> RawAnswer {
            try await send(
                port: port, path: path, headers: message.headerFields.map { ($0.name.rawName, $0.value) },
                body: message.body)
        }
    }

    extension Sequence where Self: Sendable, Element: Sendable {
        /// The elements as an async sequence, for a streamed request body.
        public var asyncStream: AsyncStream<Element> {
            AsyncStream { continuation in
                for element in self { continuation.yield(element) }
                continuation.finish()
            }
        }
    }

    extension RawAnswer {
        /// The answer's header fields as `HTTPFields`, for the binding's decoder.
        public var headerFields: HTTPFields {
            var fields = HTTPFields()
            for (name, value) in headers {
                if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
            }
            return fields
        }
    }
#endif
