#if Metrics
    public import CoreMetrics
#endif

/// Where the metrics of a sender or receiver go, and which optional dimension they carry.
///
/// Every transport of this package records, through ``TransportObservation``, the
/// OpenTelemetry messaging semantic conventions' metrics and a few of the `cloudevents.`
/// namespace (the DocC article "Observability: traces, logs and metrics" has the table). By
/// default they go to the factory `MetricsSystem.bootstrap` installed; with none bootstrapped
/// nothing is recorded, and nothing is allocated for them.
///
/// ```swift
/// MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))   // once, at startup
/// let sender = AsyncHTTPClientCloudEventSender(url: url)                   // records its sends
/// ```
///
/// Cardinality stays bounded: event ids and subjects are never dimensions, and the event type is
/// one only when ``recordsEventType`` is set.
public struct CloudEventMetrics: Sendable {
    #if Metrics
        /// The factory the metrics go to; `nil` for the one `MetricsSystem.bootstrap` installed.
        public var factory: (any MetricsFactory)?
    #endif
    /// Whether every metric also carries `cloudevents.event_type`, the event's `type`. Off by
    /// default: only for types from a small, known set.
    public var recordsEventType: Bool

    #if Metrics
        /// Metrics through `factory` (`nil`: the bootstrapped one).
        public init(factory: (any MetricsFactory)? = nil, recordsEventType: Bool = false) {
            self.factory = factory
            self.recordsEventType = recordsEventType
        }
    #else
        /// Metrics configuration; without the `Metrics` trait nothing is recorded.
        public init(recordsEventType: Bool = false) {
            self.recordsEventType = recordsEventType
        }
    #endif

    /// The factory `MetricsSystem.bootstrap` installed, whatever it is at the time of each send.
    public static var bootstrapped: CloudEventMetrics { CloudEventMetrics() }

    /// The metric names, as recorded.
    public enum Name {
        /// Counter: messages a sender sent, with `error.type` when the send failed.
        public static let sentMessages = "messaging.client.sent.messages"
        /// Timer (seconds): the duration of one send, all its attempts included.
        public static let operationDuration = "messaging.client.operation.duration"
        /// Counter: events a receiver consumed (handed to its handler).
        public static let consumedMessages = "messaging.client.consumed.messages"
        /// Timer (seconds): the handler's time for one event.
        public static let processDuration = "messaging.process.duration"
        /// Recorder: the retries one send took (0 when the first attempt was answered).
        public static let sendRetries = "cloudevents.client.send.retries"
        /// Meter (gauge): the sends in flight.
        public static let sendsInFlight = "cloudevents.client.sends.in_flight"
        /// Counter: events a receiver refused, with `cloudevents.error.code`.
        public static let refusedEvents = "cloudevents.receiver.refused.events"
        /// Counter: events a receiver's filter dropped or refused because they did not match.
        public static let filteredEvents = "cloudevents.receiver.filtered.events"
    }
}
