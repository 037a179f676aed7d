// `HTTPSenderConfiguration` and `HTTPRetryPolicy` are this module's configuration types too.
@_exported public import CloudEventsHTTPDelivery
