#if !WebSocket
    /// Stands in for the server when the package is built without its `WebSocket` trait, so
    /// that using it says which trait to enable instead of "cannot find type".
    @available(
        *, unavailable,
        message:
            "WebSocketCloudEventServer needs the WebSocket trait of swift-cloudevents: add traits: [\"WebSocket\"] to its .package(...) dependency"
    )
    public struct WebSocketCloudEventServer {
        /// Unavailable: the server needs the `WebSocket` trait.
        @available(
            *, unavailable,
            message:
                "WebSocketCloudEventServer needs the WebSocket trait of swift-cloudevents: add traits: [\"WebSocket\"] to its .package(...) dependency"
        )
        public init(configuration: Any? = nil, logger: Any? = nil, handler: Any? = nil) {}
    }

    /// Stands in for the sender when the package is built without its `WebSocket` trait.
    @available(
        *, unavailable,
        message:
            "WebSocketCloudEventSender needs the WebSocket trait of swift-cloudevents: add traits: [\"WebSocket\"] to its .package(...) dependency"
    )
    public struct WebSocketCloudEventSender {
        /// Unavailable: the sender needs the `WebSocket` trait.
        @available(
            *, unavailable,
            message:
                "WebSocketCloudEventSender needs the WebSocket trait of swift-cloudevents: add traits: [\"WebSocket\"] to its .package(...) dependency"
        )
        public init(url: String = "", configuration: Any? = nil, logger: Any? = nil) {}
    }

    /// Stands in for the receiver when the package is built without its `WebSocket` trait.
    @available(
        *, unavailable,
        message:
            "WebSocketCloudEventReceiver needs the WebSocket trait of swift-cloudevents: add traits: [\"WebSocket\"] to its .package(...) dependency"
    )
    public struct WebSocketCloudEventReceiver {
        /// Unavailable: the receiver needs the `WebSocket` trait.
        @available(
            *, unavailable,
            message:
                "WebSocketCloudEventReceiver needs the WebSocket trait of swift-cloudevents: add traits: [\"WebSocket\"] to its .package(...) dependency"
        )
        public init(url: String = "", configuration: Any? = nil, logger: Any? = nil, handler: Any? = nil) {}
    }
#endif
