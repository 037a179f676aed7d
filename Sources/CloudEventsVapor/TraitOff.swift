#if !Vapor
    /// Stands in for the sender when the package is built without its `Vapor` trait, so that
    /// using it says which trait to enable instead of "cannot find type".
    @available(
        *, unavailable,
        message:
            "VaporCloudEventSender needs the Vapor trait of swift-cloudevents: add traits: [\"Vapor\"] to its .package(...) dependency"
    )
    public struct VaporCloudEventSender {
        /// Unavailable: the sender needs the `Vapor` trait.
        @available(
            *, unavailable,
            message:
                "VaporCloudEventSender needs the Vapor trait of swift-cloudevents: add traits: [\"Vapor\"] to its .package(...) dependency"
        )
        public init(url: String, client: Any? = nil, configuration: Any? = nil, shutdownGracePeriod: Any? = nil, logger: Any? = nil) {}
    }

    /// Stands in for the responder when the package is built without its `Vapor` trait.
    @available(
        *, unavailable,
        message:
            "VaporCloudEventResponder needs the Vapor trait of swift-cloudevents: add traits: [\"Vapor\"] to its .package(...) dependency"
    )
    public struct VaporCloudEventResponder {}
#endif
