public import CloudEvents

/// How a CloudEvent travels in an HTTP message (HTTP protocol binding, section 1.3): the core's
/// ``/CloudEvents/CloudEventContentMode``, by the name this module has always used.
public typealias HTTPContentMode = CloudEventContentMode
