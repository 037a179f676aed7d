public import CloudEvents

/// How a CloudEvent travels in an HTTP message (HTTP protocol binding, section 1.3).
///
/// The content modes are the same in every binding, so the type lives in the core as
/// ``/CloudEvents/CloudEventContentMode``; this name is kept so that code written against the
/// HTTP binding keeps compiling. In binary mode the attributes are `ce-` header fields and
/// `datacontenttype` is `Content-Type`; structured mode carries `application/cloudevents+json`
/// (or another configured event format) and batch mode `application/cloudevents-batch+json`.
public typealias HTTPContentMode = CloudEventContentMode
