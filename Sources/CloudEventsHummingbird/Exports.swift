@_exported public import struct CloudEventsHTTP.HTTPEventDecoder
@_exported public import struct CloudEventsHTTP.HTTPHeaderBudget
// The types a route is configured with, so that importing this module is enough to configure
// one; the rest of the HTTP binding is imported by name when needed.
@_exported public import struct CloudEventsHTTP.HTTPReceiverOptions
@_exported public import struct CloudEventsHTTP.WebhookValidation
