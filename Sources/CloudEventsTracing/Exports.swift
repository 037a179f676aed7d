#if Tracing
    // The trace context in this module's API is swift-w3c-trace-context's `TraceContext`; importing
    // this module is enough to read and build one.
    @_exported public import W3CTraceContext
#endif
