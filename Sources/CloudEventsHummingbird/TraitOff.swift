#if !Hummingbird
    /// Stands in for the receiver when the package is built without its `Hummingbird` trait, so
    /// that using it says which trait to enable instead of "cannot find type".
    @available(
        *, unavailable,
        message:
            "HummingbirdCloudEventReceiver needs the Hummingbird trait of swift-cloudevents: add traits: [\"Hummingbird\"] to its .package(...) dependency"
    )
    public struct HummingbirdCloudEventReceiver {
        /// Unavailable: the receiver needs the `Hummingbird` trait.
        @available(
            *, unavailable,
            message:
                "HummingbirdCloudEventReceiver needs the Hummingbird trait of swift-cloudevents: add traits: [\"Hummingbird\"] to its .package(...) dependency"
        )
        public init(
            configuration: Any? = nil, path: Any? = nil, options: Any? = nil, logger: Any? = nil,
            onServerRunning: Any? = nil, handler: Any? = nil
        ) {}
    }

    /// Stands in for the responder when the package is built without its `Hummingbird` trait.
    @available(
        *, unavailable,
        message:
            "CloudEventResponder needs the Hummingbird trait of swift-cloudevents: add traits: [\"Hummingbird\"] to its .package(...) dependency"
    )
    public struct CloudEventResponder {}
#endif
