#if !NATS
    /// Stands in for the client when the package is built without its `NATS` trait, so that
    /// using it says which trait to enable instead of "cannot find type".
    @available(
        *, unavailable,
        message:
            "NATSClient needs the NATS trait of swift-cloudevents: add traits: [\"NATS\"] to its .package(...) dependency"
    )
    public struct NATSClient {
        /// Unavailable: the client needs the `NATS` trait.
        @available(
            *, unavailable,
            message:
                "NATSClient needs the NATS trait of swift-cloudevents: add traits: [\"NATS\"] to its .package(...) dependency"
        )
        public init(configuration: Any? = nil, eventLoopGroup: Any? = nil, logger: Any? = nil, eventHandler: Any? = nil)
        {}
    }

    /// Stands in for the JetStream API when the package is built without its `NATS` trait, so
    /// that using it says which trait to enable instead of "cannot find type".
    @available(
        *, unavailable,
        message:
            "JetStream needs the NATS trait of swift-cloudevents: add traits: [\"NATS\"] to its .package(...) dependency"
    )
    public struct JetStream {
        /// Unavailable: JetStream needs the `NATS` trait.
        @available(
            *, unavailable,
            message:
                "JetStream needs the NATS trait of swift-cloudevents: add traits: [\"NATS\"] to its .package(...) dependency"
        )
        public init(client: Any? = nil, apiPrefix: String = "", timeout: Any? = nil) {}
    }
#endif
