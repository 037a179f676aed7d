// The binding's types are made of the core's: ``HTTPContentMode`` is the core's
// `CloudEventContentMode`, messages carry `CloudEvent`s, formats are `CloudEventFormat`s. Importing
// CloudEventsHTTP is therefore enough to use them, as it was when the content mode was declared
// here; a public declaration that names `HTTPContentMode` needs no import of CloudEvents.
@_exported public import CloudEvents
