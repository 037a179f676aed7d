import CloudEventsHTTP
import CloudEventsTransport
import Foundation
import HTTPTypes
import HTTPTypesFoundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension URLSession {
    /// One attempt: sends `request` with `timeLeft` as its timeout and reads the answer,
    /// classifying URLSession's errors for the retry loop.
    ///
    /// URLSession's timeout is an idle timeout, and FoundationNetworking truncates it to whole
    /// seconds (so 0.3 s times out at once): it is set to the time left rounded up to a whole
    /// second, and the retry loop races each attempt against the deadline itself, so the
    /// deadline holds to the millisecond all the same.
    func attempt(_ request: URLRequest, timeLeft: Duration, successBodyLimit: Int) async throws -> HTTPPeerAnswer {
        var request = request
        let (seconds, attoseconds) = timeLeft.components
        request.timeoutInterval = Double(seconds + (attoseconds > 0 ? 1 : 0))
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await self.data(for: request)
        } catch let error as URLError {
            throw Self.classify(error, scheme: request.url?.scheme)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw AttemptFailure(.fatal, reason: "\(error)", underlyingError: error)
        }
        guard let httpResponse = response as? HTTPURLResponse, let head = httpResponse.httpResponse else {
            throw AttemptFailure(.fatal, reason: "the answer is not an HTTP response")
        }
        let status = head.status.code
        let limit = HTTPPeerAnswer.bodyLimit(status: status, maximumSuccessBodySize: successBodyLimit)
        return HTTPPeerAnswer(
            status: status, headerFields: head.headerFields, body: Array(data.prefix(limit)),
            isBodyTruncated: data.count > limit)
    }

    /// The URL errors that mean the peer never gave a usable answer (worth a retry): it could not
    /// be reached, the connection broke, or what came back was not HTTP.
    ///
    /// `unknown` is on the list because FoundationNetworking (Linux) reports most failed transfers
    /// with it: a malformed `Content-Length`, a body cut short ("transfer closed with n bytes
    /// remaining"). Apple's URLSession reports those as `cannotParseResponse` and
    /// `networkConnectionLost`. Either way the AsyncHTTPClient sender retries the same faults.
    private static let connectionErrors: Set<URLError.Code> = [
        .cannotConnectToHost, .networkConnectionLost, .timedOut, .cannotFindHost, .dnsLookupFailed,
        .notConnectedToInternet, .secureConnectionFailed, .badServerResponse, .resourceUnavailable,
        .cannotParseResponse, .zeroByteResource, .unknown,
    ]

    /// The common URL errors in the words of an error message.
    private static let plainWords: [URLError.Code: String] = [
        .cannotConnectToHost: "the connection was refused or the host could not be reached",
        .networkConnectionLost: "the connection broke before the answer was complete",
        .timedOut: "the peer did not answer in time",
        .cannotFindHost: "the host name could not be resolved",
        .dnsLookupFailed: "the host name could not be resolved",
        .notConnectedToInternet: "the network is unreachable",
        .secureConnectionFailed: "the TLS connection failed",
        .badServerResponse: "the answer was not valid HTTP",
        .cannotParseResponse: "the answer was not valid HTTP",
        .zeroByteResource: "the peer closed the connection without answering",
    ]

    private static func classify(_ error: URLError, scheme: String?) -> any Error {
        if error.code == .cancelled { return CancellationError() }
        let reason = "\(plainWords[error.code] ?? error.localizedDescription) (URLError \(error.code.rawValue))"
        // FoundationNetworking reports an answer that is not HTTP at all ("Received HTTP/0.9 when
        // not allowed") as `unsupportedURL`; for an http(s) URL, that is what it means.
        let isHTTP = scheme.map { ["http", "https"].contains($0.lowercased()) } ?? false
        if error.code == .unsupportedURL && isHTTP {
            return AttemptFailure(
                .connection, reason: "the answer was not valid HTTP (URLError \(error.code.rawValue))",
                underlyingError: error)
        }
        return AttemptFailure(
            connectionErrors.contains(error.code) ? .connection : .fatal, reason: reason, underlyingError: error)
    }
}
