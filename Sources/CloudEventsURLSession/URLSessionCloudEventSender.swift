public import CloudEvents
public import CloudEventsHTTP
import CloudEventsTracing
import CloudEventsTransport
public import Foundation

#if canImport(FoundationNetworking)
    public import FoundationNetworking
#endif

/// Sends CloudEvents over HTTP with Foundation's `URLSession` (FoundationNetworking on Linux).
///
/// ```swift
/// let sender = URLSessionCloudEventSender(url: URL(string: "https://example.com/events")!)
/// try await sender.send(CloudEvent(source: "/app", type: "com.example.started"))
/// await sender.shutdown()
/// ```
///
/// It behaves as `AsyncHTTPClientCloudEventSender` does — the configured mode, retries of
/// connection errors and `408`/`429`/`502`/`503`/`504` with back-off or `Retry-After`, the same
/// event on every attempt, one deadline per send, typed errors, reply events, safe concurrent
/// use, graceful shutdown — within what URLSession allows; see the module documentation for the
/// differences (redirects, memory bound of answers, header fields URLSession adds). With the
/// `ServiceLifecycle` trait (on by default) it is a swift-service-lifecycle `Service`, which shuts
/// down on graceful shutdown of its `ServiceGroup`.
public final class URLSessionCloudEventSender: CloudEventSender {
    /// Where events are sent.
    public let url: URL
    /// How events are encoded, delivered and retried.
    public let configuration: HTTPSenderConfiguration
    /// How long ``shutdown(gracePeriod:)`` lets running sends finish.
    public let shutdownGracePeriod: Duration

    private let session: URLSession
    private let ownsSession: Bool
    private let delivery: HTTPDelivery
    private let inFlight: InFlightSends

    /// Creates a sender with a session of its own: ephemeral (no cookies or cache kept), and
    /// refusing redirects, so a `3xx` is an error instead of a request that may have lost its
    /// body. ``shutdown(gracePeriod:)`` invalidates it.
    ///
    /// - Parameters:
    ///   - url: Where to send events.
    ///   - configuration: Mode, deadline, retry policy and extra header fields.
    ///   - shutdownGracePeriod: How long shutdown lets running sends finish. Default 10 s.
    public convenience init(
        url: URL, configuration: HTTPSenderConfiguration = HTTPSenderConfiguration(),
        shutdownGracePeriod: Duration = .seconds(10)
    ) {
        let session = URLSession(
            configuration: .ephemeral, delegate: RedirectRefusingDelegate(), delegateQueue: nil)
        self.init(
            url: url, session: session, ownsSession: true, configuration: configuration,
            shutdownGracePeriod: shutdownGracePeriod)
    }

    /// Creates a sender that sends with `session`, which the caller keeps owning. Whether it
    /// follows redirects is up to the session's delegate.
    ///
    /// - Parameters:
    ///   - url: Where to send events.
    ///   - session: The session to send with.
    ///   - configuration: Mode, deadline, retry policy and extra header fields.
    ///   - shutdownGracePeriod: How long shutdown lets running sends finish. Default 10 s.
    public convenience init(
        url: URL, session: URLSession, configuration: HTTPSenderConfiguration = HTTPSenderConfiguration(),
        shutdownGracePeriod: Duration = .seconds(10)
    ) {
        self.init(
            url: url, session: session, ownsSession: false, configuration: configuration,
            shutdownGracePeriod: shutdownGracePeriod)
    }

    private init(
        url: URL, session: URLSession, ownsSession: Bool, configuration: HTTPSenderConfiguration,
        shutdownGracePeriod: Duration
    ) {
        self.url = url
        self.session = session
        self.ownsSession = ownsSession
        self.configuration = configuration
        self.shutdownGracePeriod = shutdownGracePeriod
        self.delivery = HTTPDelivery(configuration: configuration, target: url.absoluteString)
        self.inFlight = InFlightSends(target: url.absoluteString)
    }

    /// Sends one event in the configured mode and returns the peer's reply event, if any.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError``, as `AsyncHTTPClientCloudEventSender.send(_:)` does;
    ///   also ``/CloudEvents/CloudEventError/Code/unsupportedFormat`` (attribute `datacontenttype`),
    ///   before anything is sent, for a binary-mode event with data but no `datacontenttype`,
    ///   whose data URLSession would label `application/x-www-form-urlencoded`.
    /// - Parameters:
    ///   - event: The event.
    ///   - deadline: When the send must be over, retries included; the configuration's
    ///     `timeout` still applies when it ends earlier.
    @discardableResult
    public func send(_ event: CloudEvent, deadline: ContinuousClock.Instant?) async throws -> CloudEvent? {
        try await TransportObservation.withProducerSpan(
            sending: event, destination: destination, metrics: configuration.metrics
        ) { event, trace in
            let answer = try await deliver(try configuration.encoder.encode(event), trace: trace, deadline: deadline)
            return try delivery.replyEvent(from: answer.answer, attempts: answer.attempts)
        }
    }

    /// Sends one event within the configuration's `timeout`; see ``send(_:deadline:)``.
    @discardableResult
    public func send(_ event: CloudEvent) async throws -> CloudEvent? {
        try await send(event, deadline: nil)
    }

    /// Sends events as one batch-mode request and returns the peer's reply events (none when it
    /// accepted them without a reply).
    ///
    /// - Parameters:
    ///   - batch: The events.
    ///   - deadline: When the send must be over; see ``send(_:deadline:)``.
    /// - Throws: ``/CloudEvents/CloudEventError``; a validation error's
    ///   ``/CloudEvents/CloudEventError/index`` names the first invalid event.
    @discardableResult
    public func send(batch: [CloudEvent], deadline: ContinuousClock.Instant?) async throws -> [CloudEvent] {
        try await TransportObservation.withProducerSpan(
            sending: batch, destination: destination, metrics: configuration.metrics
        ) { batch, trace in
            let answer = try await deliver(
                try configuration.encoder.encodeBatch(batch), trace: trace, deadline: deadline)
            return try delivery.replyEvents(from: answer.answer, attempts: answer.attempts)
        }
    }

    /// Sends events as one batch-mode request within the configuration's `timeout`; see
    /// ``send(batch:deadline:)``.
    @discardableResult
    public func send(batch: [CloudEvent]) async throws -> [CloudEvent] {
        try await send(batch: batch, deadline: nil)
    }

    private var destination: CloudEventTraceDestination { CloudEventTraceDestination(httpURL: url.absoluteString) }

    /// Refuses new sends, lets running ones finish for up to `gracePeriod` (default
    /// ``shutdownGracePeriod``), then cancels the rest, each of which throws
    /// ``/CloudEvents/CloudEventError/Code/shutDown``; then invalidates the session if the sender
    /// created it.
    public func shutdown(gracePeriod: Duration? = nil) async {
        await inFlight.shutdown(gracePeriod: gracePeriod ?? shutdownGracePeriod)
        if ownsSession { session.finishTasksAndInvalidate() }
    }

    private func deliver(
        _ message: EncodedHTTPMessage, trace: TransportObservation.Producer, deadline: ContinuousClock.Instant?
    ) async throws -> (answer: HTTPPeerAnswer, attempts: Int) {
        var request = URLRequest(url: url)
        request.httpMethod = configuration.method.rawValue
        var headerFields = configuration.requestHeaderFields(for: message)
        trace.inject(into: &headerFields)
        for field in headerFields {
            request.addValue(field.value, forHTTPHeaderField: field.name.rawName)
        }
        if !message.body.isEmpty {
            guard message.headerFields[.contentType] != nil else { throw Self.missingContentType }
            request.httpBody = Data(message.body)
        }
        let (session, delivery, limit) = (session, delivery, configuration.maximumAnswerBodySize)
        let prepared = request
        return try await inFlight.run {
            let (answer, attempts) = try await delivery.deliver(deadline: deadline) { timeLeft in
                try await session.attempt(prepared, timeLeft: timeLeft, successBodyLimit: limit)
            }
            trace.recordAnswer(status: answer.status, attempts: attempts)
            return (answer, attempts)
        }
    }
}

extension URLSessionCloudEventSender {
    /// URLSession gives a `POST` body without a `Content-Type` the type
    /// `application/x-www-form-urlencoded`, which a binary-mode receiver would take for the
    /// event's `datacontenttype`; such an event is refused instead of changed.
    fileprivate static let missingContentType = CloudEventError(
        .unsupportedFormat, attribute: "datacontenttype",
        message: "URLSession would send this binary-mode event's data as application/x-www-form-urlencoded because"
            + " the event has no datacontenttype; set datacontenttype, or send it in structured mode")
}

/// Answers every redirect with "do not follow", so the `3xx` itself reaches the sender.
private final class RedirectRefusingDelegate: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
