#if !Tracing
    /// Stands in for the tracing API when the package is built without its `Tracing` trait, so
    /// that using it says which trait to enable. ``TransportObservation`` is there either way.
    @available(
        *, unavailable,
        message:
            "CloudEventTracing needs the Tracing trait of swift-cloudevents: add traits: [\"Tracing\"] to its .package(...) dependency"
    )
    public enum CloudEventTracing {}
#endif
