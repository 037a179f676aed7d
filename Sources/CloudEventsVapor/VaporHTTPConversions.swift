#if Vapor
    import AsyncHTTPClient
    import CloudEventsAsyncHTTPClient
    import NIOHTTP1
    import CloudEventsHTTP
    import HTTPTypes
    import NIOCore
    import Vapor

    extension Request {
        /// The request head in swift-http-types' terms, which the HTTP binding works in.
        var httpRequest: HTTPRequest {
            HTTPRequest(
                method: HTTPRequest.Method(method.rawValue) ?? .post, scheme: nil, authority: nil, path: url.string,
                headerFields: HTTPFields(headers))
        }

        /// The body, collected up to `limit` bytes; `nil` when it holds more.
        func collectBody(upTo limit: Int) async throws -> [UInt8]? {
            do {
                // Vapor refuses a body that reaches `max`: one more byte allows exactly `limit`.
                let buffer = try await body.collect(max: limit + 1).get()
                return buffer.map { Array($0.readableBytesView) } ?? []
            } catch let error as Abort where error.status == .payloadTooLarge {
                return nil
            }
        }
    }

    extension Response {
        /// A Vapor response with the endpoint's answer.
        convenience init(_ answer: HTTPCloudEventEndpoint.Response) {
            self.init(
                status: HTTPResponseStatus(statusCode: answer.head.status.code),
                headers: HTTPHeaders(answer.head.headerFields),
                body: answer.body.isEmpty ? .empty : .init(buffer: ByteBuffer(bytes: answer.body)))
        }
    }
#endif
