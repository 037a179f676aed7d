// ``HTTPContentMode`` is the core's `CloudEventContentMode`. Re-exporting that one enum (not the
// whole core) keeps code that names `HTTPContentMode` in a public declaration compiling with
// `import CloudEventsHTTP` alone, as when the enum was declared here.
@_exported public import enum CloudEvents.CloudEventContentMode
