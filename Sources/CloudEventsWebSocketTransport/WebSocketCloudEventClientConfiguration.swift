#if WebSocket
    public import CloudEventsTracing
    public import CloudEventsTransport
    public import CloudEventsWebSocket

    /// How a WebSocket client connects: the subprotocol it offers, its limits and its
    /// reconnection. ``WebSocketCloudEventSender`` and ``WebSocketCloudEventReceiver`` both take it.
    public struct WebSocketCloudEventClientConfiguration: Sendable {
        /// The subprotocol offered, the one the events are written and read in. Default
        /// `cloudevents.json`.
        public var subprotocol: WebSocketSubprotocol
        /// The message size and events-per-second limits.
        public var limits: WebSocketLimits
        /// The waits between connection attempts, and how many failed attempts in a row give up:
        /// the sender then fails its waiting sends, the receiver's `run()` throws. Default: 6
        /// attempts, back-off from 100 ms capped at 5 s.
        public var reconnectPolicy: RetryPolicy
        /// Where the client's metrics go: the sender's sends, the receiver's events. Default the
        /// bootstrapped metrics backend, if any.
        public var metrics: CloudEventMetrics = .bootstrapped

        /// Creates a configuration; each argument has the documented default.
        public init(
            subprotocol: WebSocketSubprotocol = .json, limits: WebSocketLimits = WebSocketLimits(),
            reconnectPolicy: RetryPolicy = RetryPolicy(
                maximumAttempts: 6, initialBackoff: .milliseconds(100), maximumBackoff: .seconds(5))
        ) {
            self.subprotocol = subprotocol
            self.limits = limits
            self.reconnectPolicy = reconnectPolicy
        }
    }
#endif
