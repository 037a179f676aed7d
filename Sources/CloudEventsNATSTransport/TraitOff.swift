#if !NATS
    /// Stands in for the sender when the package is built without its `NATS` trait, so that
    /// using it says which trait to enable instead of "cannot find type".
    @available(
        *, unavailable,
        message:
            "NATSCloudEventSender needs the NATS trait of swift-cloudevents: add traits: [\"NATS\"] to its .package(...) dependency"
    )
    public struct NATSCloudEventSender {
        /// Unavailable: the sender needs the `NATS` trait.
        @available(
            *, unavailable,
            message:
                "NATSCloudEventSender needs the NATS trait of swift-cloudevents: add traits: [\"NATS\"] to its .package(...) dependency"
        )
        public init(client: Any? = nil, subject: String = "", configuration: Any? = nil, logger: Any? = nil) {}
    }

    /// Stands in for the receiver when the package is built without its `NATS` trait, so that
    /// using it says which trait to enable instead of "cannot find type".
    @available(
        *, unavailable,
        message:
            "NATSCloudEventReceiver needs the NATS trait of swift-cloudevents: add traits: [\"NATS\"] to its .package(...) dependency"
    )
    public struct NATSCloudEventReceiver {
        /// Unavailable: the receiver needs the `NATS` trait.
        @available(
            *, unavailable,
            message:
                "NATSCloudEventReceiver needs the NATS trait of swift-cloudevents: add traits: [\"NATS\"] to its .package(...) dependency"
        )
        public init(
            client: Any? = nil, subject: String = "", queueGroup: String? = nil, configuration: Any? = nil,
            logger: Any? = nil, handler: Any? = nil
        ) {}
    }

    /// Stands in for the JetStream receiver when the package is built without its `NATS` trait,
    /// so that using it says which trait to enable instead of "cannot find type".
    @available(
        *, unavailable,
        message:
            "JetStreamCloudEventReceiver needs the NATS trait of swift-cloudevents: add traits: [\"NATS\"] to its .package(...) dependency"
    )
    public struct JetStreamCloudEventReceiver {
        /// Unavailable: the receiver needs the `NATS` trait.
        @available(
            *, unavailable,
            message:
                "JetStreamCloudEventReceiver needs the NATS trait of swift-cloudevents: add traits: [\"NATS\"] to its .package(...) dependency"
        )
        public init(
            client: Any? = nil, stream: String = "", durable: String = "", filterSubject: String? = nil,
            configuration: Any? = nil, logger: Any? = nil, handler: Any? = nil
        ) {}
    }
#endif
