#if Vapor
    import AsyncHTTPClient
    import CloudEventsAsyncHTTPClient
    import NIOHTTP1
    import CloudEventsHTTP
    import HTTPTypes
    import NIOCore
    import Vapor

    extension Client {
        /// One attempt: sends `request` within `timeLeft` and reads the answer (its body cut to
        /// what ``/CloudEventsHTTP/HTTPPeerAnswer/bodyLimit(status:maximumSuccessBodySize:)``
        /// allows), classifying the client's errors as the AsyncHTTPClient sender does: Vapor's
        /// client is AsyncHTTPClient.
        func attempt(_ request: ClientRequest, timeLeft: Duration, successBodyLimit: Int) async throws
            -> HTTPPeerAnswer
        {
            var request = request
            request.timeout = TimeAmount(timeLeft)
            let response: ClientResponse
            do {
                response = try await send(request).get()
            } catch {
                throw HTTPClient.attemptFailure(for: error)
            }
            let status = Int(response.status.code)
            let limit = HTTPPeerAnswer.bodyLimit(status: status, maximumSuccessBodySize: successBodyLimit)
            let body = response.body.map { Array($0.readableBytesView) } ?? []
            return HTTPPeerAnswer(
                status: status, headerFields: HTTPFields(response.headers), body: Array(body.prefix(limit)),
                isBodyTruncated: body.count > limit)
        }
    }
#endif
