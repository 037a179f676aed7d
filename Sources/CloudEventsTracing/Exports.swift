#if Tracing
    // The trace context in this module's API is swift-w3c-trace-context's `TraceContext`; importing
    // this module is enough to read and build one. Only its types are re-exported, not the module.
    @_exported public import struct W3CTraceContext.TraceContext
    @_exported public import struct W3CTraceContext.TraceID
    @_exported public import struct W3CTraceContext.SpanID
    @_exported public import struct W3CTraceContext.TraceFlags
    @_exported public import struct W3CTraceContext.TraceState
#endif
