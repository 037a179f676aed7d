#if !AsyncHTTPClient
    /// Stands in for the sender when the package is built without its `AsyncHTTPClient` trait, so
    /// that using it says which trait to enable instead of "cannot find type".
    @available(
        *, unavailable,
        message:
            "AsyncHTTPClientCloudEventSender needs the AsyncHTTPClient trait of swift-cloudevents: add traits: [\"AsyncHTTPClient\"] to its .package(...) dependency"
    )
    public struct AsyncHTTPClientCloudEventSender {
        /// Unavailable: the sender needs the `AsyncHTTPClient` trait.
        @available(
            *, unavailable,
            message:
                "AsyncHTTPClientCloudEventSender needs the AsyncHTTPClient trait of swift-cloudevents: add traits: [\"AsyncHTTPClient\"] to its .package(...) dependency"
        )
        public init(
            url: String, client: Any? = nil, configuration: Any? = nil, shutdownGracePeriod: Any? = nil,
            logger: Any? = nil
        ) {}
    }
#endif
