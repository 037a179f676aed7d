#if Vapor
    public import CloudEvents
    public import CloudEventsHTTP
    import AsyncHTTPClient
    import CloudEventsAsyncHTTPClient
    import NIOHTTP1
    import NIOCore
    public import Vapor

    /// A CloudEvent (or a batch) returned from a Vapor route as the response, in a chosen mode:
    /// `200 OK` with the event encoded by the HTTP binding.
    ///
    /// ```swift
    /// app.get("orders", "latest") { _ in
    ///     CloudEventResponse(latestOrderEvent, mode: .structured)
    /// }
    /// ```
    ///
    /// An event that cannot be encoded (invalid, or over the header budget in binary mode) fails
    /// the route with its ``/CloudEvents/CloudEventError``.
    public struct CloudEventResponse: AsyncResponseEncodable, Sendable {
        /// The events: one, or the batch.
        public var events: [CloudEvent]
        /// The mode they are encoded in.
        public var mode: HTTPContentMode
        /// The status answered. Default `200 OK`.
        public var status: HTTPResponseStatus
        /// How binary mode spends header space.
        public var headerBudget: HTTPHeaderBudget

        /// A response carrying `event` in `mode` (default binary).
        public init(
            _ event: CloudEvent, mode: HTTPContentMode = .binary, status: HTTPResponseStatus = .ok,
            headerBudget: HTTPHeaderBudget = HTTPHeaderBudget()
        ) {
            self.events = [event]
            self.mode = mode
            self.status = status
            self.headerBudget = headerBudget
        }

        /// A response carrying `batch` in batch mode.
        public init(batch: [CloudEvent], status: HTTPResponseStatus = .ok) {
            self.events = batch
            self.mode = .batch
            self.status = status
            self.headerBudget = HTTPHeaderBudget()
        }

        /// Encodes the response.
        public func encodeResponse(for request: Request) async throws -> Response {
            let encoder = HTTPEventEncoder(mode: mode, headerBudget: headerBudget)
            let message = try mode == .batch ? encoder.encodeBatch(events) : encoder.encode(events[0])
            return Response(
                status: status, headers: HTTPHeaders(message.headerFields),
                body: .init(buffer: ByteBuffer(bytes: message.body)))
        }
    }
#endif
