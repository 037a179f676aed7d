public import CloudEventsTransport
public import HTTPTypes

extension HTTPFields: CloudEventHeaderCarrier {
    /// The value of the field `name` (case-insensitive); repeated fields joined with `, ` as HTTP
    /// defines. `nil` when there is none or `name` is not a valid field name.
    public func headerValue(named name: String) -> String? {
        HTTPField.Name(name).flatMap { self[$0] }
    }

    /// Sets the field `name` to `value`, replacing fields of the same name.
    ///
    /// A name that is not a valid HTTP field name (a token) cannot travel in HTTP at all: it is a
    /// programming error in the caller, which stops here rather than lose the value unseen or
    /// write it under another name. (Trace propagators write `traceparent` and `tracestate`.)
    public mutating func setHeaderValue(_ value: String, named name: String) {
        guard let fieldName = HTTPField.Name(name) else {
            preconditionFailure("\(name) is not a valid HTTP field name; the value cannot be carried")
        }
        self[fieldName] = value
    }
}
