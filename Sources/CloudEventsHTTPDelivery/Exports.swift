// The configuration of every HTTP sender is made of the binding's types (modes, header budget,
// decoder, header fields), so importing a sender module is enough to configure it.
@_exported public import CloudEventsHTTP
@_exported public import HTTPTypes
