#if AsyncHTTPClient
    package import AsyncHTTPClient
    import CloudEventsHTTP
    import CloudEventsTransport
    import HTTPTypes
    import Logging
    import NIOCore
    import NIOHTTP1

    extension HTTPClient {
        /// One attempt: executes `request` within `timeLeft` and reads the answer, classifying the
        /// client's errors for the retry loop.
        func attempt(_ request: HTTPClientRequest, timeLeft: Duration, successBodyLimit: Int, logger: Logger)
            async throws
            -> HTTPPeerAnswer
        {
            do {
                let response = try await execute(request, timeout: TimeAmount(timeLeft), logger: logger)
                if let changed = response.history.first(where: { $0.request.method != request.method }) {
                    throw AttemptFailure(
                        .fatal,
                        reason:
                            "the HTTP client followed a redirect to \(changed.request.url) and changed the method to"
                            + " \(changed.request.method.rawValue), so the event was not delivered; configure the client"
                            + " not to follow redirects")
                }
                let status = Int(response.status.code)
                let headerFields = HTTPFields(response.headers)
                let limit = HTTPPeerAnswer.bodyLimit(status: status, maximumSuccessBodySize: successBodyLimit)
                var body: [UInt8] = []
                var isTruncated = false
                for try await chunk in response.body {
                    let room = limit - body.count
                    if chunk.readableBytes > room {
                        body.append(contentsOf: chunk.readableBytesView.prefix(room))
                        isTruncated = true
                        break  // stops reading; the client closes the connection
                    }
                    body.append(contentsOf: chunk.readableBytesView)
                }
                return HTTPPeerAnswer(
                    status: status, headerFields: headerFields, body: body, isBodyTruncated: isTruncated)
            } catch {
                throw Self.attemptFailure(for: error)
            }
        }

        /// What an error of AsyncHTTPClient (or of the NIO channel below it) means for the retry
        /// loop: an ``/CloudEventsTransport/AttemptFailure`` in plain words, or `CancellationError`.
        /// The Vapor sender, whose `Client` is AsyncHTTPClient, classifies with it too.
        package static func attemptFailure(for error: any Error) -> any Error {
            switch error {
            case let error as HTTPClientError: classify(error)
            case let error as AttemptFailure: error
            case is CancellationError: CancellationError()
            // Errors from below the client (connection refused, reset, DNS...) mean no answer.
            default: AttemptFailure(.connection, reason: ConnectionFailureReason.describe(error), underlyingError: error)
            }
        }

        /// The client errors that mean the peer never answered (worth a retry).
        private static let connectionErrors: [HTTPClientError] = [
            .remoteConnectionClosed, .connectTimeout, .readTimeout, .writeTimeout, .tlsHandshakeTimeout,
            .socksHandshakeTimeout, .httpProxyHandshakeTimeout, .getConnectionFromPoolTimeout,
        ]

        private static func classify(_ error: HTTPClientError) -> any Error {
            if error == .cancelled { return CancellationError() }
            let reason = ConnectionFailureReason.describe(error)
            if error == .deadlineExceeded {
                return AttemptFailure(.deadlineExceeded, reason: reason, underlyingError: error)
            }
            if connectionErrors.contains(error) {
                return AttemptFailure(.connection, reason: reason, underlyingError: error)
            }
            return AttemptFailure(.fatal, reason: reason, underlyingError: error)
        }
    }

    extension TimeAmount {
        /// The same length of time, in nanoseconds, saturating at the largest `TimeAmount`.
        init(_ duration: Duration) {
            let (seconds, attoseconds) = duration.components
            let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
            self = overflow ? .nanoseconds(.max) : .nanoseconds(scaled &+ attoseconds / 1_000_000_000)
        }
    }
#endif
