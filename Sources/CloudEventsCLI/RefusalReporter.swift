#if Hummingbird
    import HTTPTypes
    import Hummingbird
    import NIOCore

    /// Middleware that copies the reason of every refused request (status 400 and above) to standard
    /// error: `cloudevents listen: refused POST /events: 400 Bad Request: {"code":"invalid_event",...}`.
    ///
    /// The CloudEvents route answers bad input itself, with a problem body, before any handler runs;
    /// this reads that body as it is written to the client, so the client and the terminal see the
    /// same reason.
    struct RefusalReporter<Context: RequestContext>: RouterMiddleware {
        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
            async throws -> Response
        {
            let label = "refused \(request.method) \(request.uri.path)"
            let response: Response
            do {
                response = try await next(request, context)
            } catch {
                let status = (error as? any HTTPResponseError)?.status
                reportError("listen", "\(label): " + (status.map { "\($0.code) \($0.reasonPhrase)" } ?? "\(error)"))
                throw error
            }
            guard response.status.code >= 400 else { return response }
            let prefix = "\(label): \(response.status.code) \(response.status.reasonPhrase)"
            let body = response.body
            var copying = response
            copying.body = ResponseBody(contentLength: body.contentLength) { writer in
                try await body.write(ReasonCopyingWriter(parent: writer, prefix: prefix))
            }
            return copying
        }
    }

    /// How much of a problem body is copied to standard error.
    private let refusalReasonLimit = 2048

    /// Passes a response body through and, when it finishes, reports its beginning on standard error.
    private struct ReasonCopyingWriter: ResponseBodyWriter {
        var parent: any ResponseBodyWriter
        let prefix: String
        var reason: [UInt8] = []

        mutating func write(_ buffer: ByteBuffer) async throws {
            let room = refusalReasonLimit - reason.count
            if room > 0 { reason.append(contentsOf: buffer.readableBytesView.prefix(room)) }
            try await parent.write(buffer)
        }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
            let text = String(decoding: reason, as: UTF8.self).map { $0.isNewline ? " " : $0 }
            reportError("listen", prefix + (text.isEmpty ? "" : ": " + String(text)))
            try await parent.finish(trailingHeaders)
        }
    }
#endif
