@_exported public import typealias CloudEventsHTTP.HTTPContentMode
@_exported public import struct CloudEventsHTTP.HTTPHeaderBudget
// The types a sender is configured with, so that importing this module is enough to configure
// one; the rest of the HTTP binding is imported by name when needed.
@_exported public import struct CloudEventsHTTP.HTTPSenderConfiguration
@_exported public import struct CloudEventsTransport.RetryPolicy
@_exported public import struct HTTPTypes.HTTPField
@_exported public import struct HTTPTypes.HTTPFields
