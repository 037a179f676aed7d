public import CloudEvents
import HTTPTypes

/// Encodes CloudEvents into HTTP messages (requests or responses) in the caller's mode.
///
/// ```swift
/// let encoder = HTTPEventEncoder()                       // binary mode, 8 KiB header budget
/// let message = try encoder.encode(event)
/// let request = message.request(authority: "localhost:8080", path: "/events")
/// // send request + message.body with any HTTP client
/// ```
///
/// Every event is validated first. Nothing changes mode silently: binary mode switches to
/// structured only when the ``HTTPHeaderBudget`` says so, and the result reports it.
///
/// Two things binary mode cannot carry, by the binding's design: JSON data without a
/// `datacontenttype` is sent with `Content-Type: application/json` (the type the JSON format
/// implies, which the specification says to state explicitly), so the receiver sees that
/// attribute set; and empty data is indistinguishable from no data, so encoding an event whose
/// data is empty throws rather than letting it arrive without data.
public struct HTTPEventEncoder: Sendable {
    /// The mode for single events: binary (the default) or structured.
    public var mode: HTTPContentMode
    /// The header budget for binary mode.
    public var headerBudget: HTTPHeaderBudget
    /// The event format for structured and batch mode. Default: the JSON format.
    ///
    /// `Content-Type` is the format's media type, with `; charset=utf-8` for a JSON-based one
    /// (`+json`): ``structuredContentType`` and ``batchContentType`` for the JSON format.
    public var format: any CloudEventFormat

    /// Creates an encoder.
    public init(
        mode: HTTPContentMode = .binary, headerBudget: HTTPHeaderBudget = HTTPHeaderBudget(),
        format: any CloudEventFormat = JSONEventFormat()
    ) {
        self.mode = mode
        self.headerBudget = headerBudget
        self.format = format
    }

    /// The `Content-Type` of structured mode in the JSON format.
    public static let structuredContentType = "application/cloudevents+json; charset=utf-8"
    /// The `Content-Type` of batch mode in the JSON format.
    public static let batchContentType = "application/cloudevents-batch+json; charset=utf-8"

    /// Encodes one event in ``mode`` (``/CloudEvents/CloudEventContentMode/batch`` sends a batch of one).
    ///
    /// - Throws: ``/CloudEvents/CloudEventError``: ``/CloudEvents/CloudEventError/Code/invalidEvent``
    ///   for an invalid event; ``/CloudEvents/CloudEventError/Code/headerBudgetExceeded`` when
    ///   binary mode does not fit the budget and its policy is ``HTTPHeaderBudget/OverflowPolicy/fail``.
    public func encode(_ event: CloudEvent) throws -> EncodedHTTPMessage {
        switch mode {
        case .structured: return try encodeStructured(event)
        case .batch: return try encodeBatch([event])
        case .binary:
            try event.validate()
            if let data = event.data, data.bytes.isEmpty {
                throw CloudEventError(
                    .invalidData, attribute: "data",
                    message: "empty data cannot travel in binary mode, where an empty body means no data;"
                        + " send it in structured mode or remove the data")
            }
            do {
                return try BinaryModeEncoder.encode(event, budget: headerBudget)
            } catch let error as BinaryModeEncoder.Overflow {
                let reason = error.describe(budget: headerBudget)
                switch headerBudget.overflowPolicy {
                case .fail:
                    throw CloudEventError(
                        .headerBudgetExceeded, attribute: error.fieldOverLimit ?? error.largest.first?.attribute,
                        message: reason + "; send it in structured mode or raise the budget")
                case .useStructuredMode:
                    var message = try encodeStructured(event)
                    message.structuredModeFallback = reason
                    return message
                }
            }
        }
    }

    /// Encodes one event in structured mode, whatever ``mode`` says.
    public func encodeStructured(_ event: CloudEvent) throws -> EncodedHTTPMessage {
        let body = try format.encode(event)
        return EncodedHTTPMessage(
            headerFields: HTTPEventEncoder.contentTypeFields(format.eventMediaType), body: body, mode: .structured)
    }

    /// Encodes events as one batch-mode message.
    ///
    /// - Throws: ``/CloudEvents/CloudEventError`` whose ``/CloudEvents/CloudEventError/index``
    ///   names the first invalid event; ``/CloudEvents/CloudEventError/Code/unsupportedFormat``
    ///   when ``format`` has no batch form.
    public func encodeBatch(_ events: some Sequence<CloudEvent>) throws -> EncodedHTTPMessage {
        guard let mediaType = format.eventBatchMediaType else {
            throw CloudEventError(
                .unsupportedFormat, message: "the event format \(format.eventMediaType) has no batch form")
        }
        let body = try format.encodeBatch(Array(events))
        return EncodedHTTPMessage(headerFields: HTTPEventEncoder.contentTypeFields(mediaType), body: body, mode: .batch)
    }

    /// The `Content-Type` field for a format's media type: the constants for JSON (as literals,
    /// which the compiler builds once), the type with `; charset=utf-8` for another JSON-based
    /// (`+json`) one, the type itself otherwise.
    private static func contentTypeFields(_ mediaType: String) -> HTTPFields {
        if mediaType == JSONEventFormat.mediaType { return [.contentType: structuredContentType] }
        if mediaType == JSONEventFormat.batchMediaType { return [.contentType: batchContentType] }
        return [.contentType: MediaTypeSyntax.contentType(ofFormat: mediaType)]
    }
}
