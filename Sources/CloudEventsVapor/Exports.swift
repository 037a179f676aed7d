// The types a route and a sender are configured with, so that importing this module is enough to
// configure them; the rest of the HTTP binding is imported by name when needed.
@_exported public import typealias CloudEventsHTTP.HTTPContentMode
@_exported public import struct CloudEventsHTTP.HTTPHeaderBudget
@_exported public import struct CloudEventsHTTP.HTTPReceiverOptions
@_exported public import struct CloudEventsHTTP.HTTPSenderConfiguration
@_exported public import struct CloudEventsHTTP.WebhookValidation
@_exported public import struct CloudEventsTransport.RetryPolicy
