public import CloudEvents
public import HTTPTypes

extension HTTPReceiverOptions {
    /// The error for a request body over ``maximumBodySize``: code
    /// ``/CloudEvents/CloudEventError/Code/limitExceeded`` (answered `413`).
    ///
    /// - Parameter declaredSize: The size `Content-Length` declared, when that is how it was known.
    public func bodyTooLarge(declaredSize: Int?) -> CloudEventError {
        CloudEventError(
            .limitExceeded, attribute: "data",
            message: "the body" + (declaredSize.map { " of \($0) bytes" } ?? "")
                + " exceeds the limit of \(maximumBodySize) bytes")
    }

    /// The `Content-Length` of `request` when it declares more than ``maximumBodySize``.
    public func declaredSizeOverLimit(_ request: HTTPRequest) -> Int? {
        guard let declared = request.headerFields[.contentLength].flatMap({ Int($0) }), declared > maximumBodySize
        else { return nil }
        return declared
    }

    /// A request's body within ``maximumBodySize``, read by a server adapter's `collect`.
    ///
    /// - Parameters:
    ///   - request: The request head; a `Content-Length` over the limit fails before `collect` runs.
    ///   - collect: Reads the body, returning `nil` when it holds more than `limit` bytes.
    /// - Throws: ``bodyTooLarge(declaredSize:)``'s error, or what `collect` throws.
    public func collectBody(
        of request: HTTPRequest, _ collect: (_ limit: Int) async throws -> [UInt8]?
    ) async throws -> [UInt8] {
        if let declared = declaredSizeOverLimit(request) { throw bodyTooLarge(declaredSize: declared) }
        guard let body = try await collect(maximumBodySize) else { throw bodyTooLarge(declaredSize: nil) }
        return body
    }

    /// Decodes the event or events of a request in any mode, its body read by a server
    /// adapter's `collect` within ``maximumBodySize``: what a route that decodes by itself calls.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError``: ``bodyTooLarge(declaredSize:)``'s, or the
    ///   decoder's (``HTTPCloudEventEndpoint/problem(_:)`` answers either); or what `collect` throws.
    public func decodeEvents(
        of request: HTTPRequest, _ collect: (_ limit: Int) async throws -> [UInt8]?
    ) async throws -> DecodedHTTPMessage {
        try decoder.decode(headerFields: request.headerFields, body: try await collectBody(of: request, collect))
    }
}
