public import CloudEvents
public import HTTPTypes

extension CloudEventContext {
    /// The head of the HTTP request that carried the event (method, path, header fields), when it
    /// came over HTTP; `nil` otherwise.
    public var httpRequest: HTTPRequest? {
        get { self[HTTPRequestKey.self] }
        set { self[HTTPRequestKey.self] = newValue }
    }

    private enum HTTPRequestKey: CloudEventContextKey {
        typealias Value = HTTPRequest
    }
}
