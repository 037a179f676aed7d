#if Metrics
    import CloudEventsTracing
    public import MetricsTestKit

    /// A receiver's metrics for a workload: events consumed, the durations of handler runs that
    /// returned and of those that refused, and the refusal counter.
    public struct ProcessedCounts: Equatable, Sendable {
        public var consumed: Int
        public var handled: Int
        public var refusedTimed: Int
        public var refused: Int

        /// The counts of `consumed` events, `handled` of them returned and `refused` refused.
        public init(consumed: Int, handled: Int, refused: Int) {
            (self.consumed, self.handled, refusedTimed, self.refused) = (consumed, handled, refused, refused)
        }
    }

    extension TestMetrics {
        /// The sum of the counters named `label` whose dimensions are exactly `dimensions`.
        public func total(_ label: String, _ dimensions: [String: String]) -> Int64 {
            counters(label: label)
                .filter { Dictionary($0.dimensions, uniquingKeysWith: { first, _ in first }) == dimensions }
                .reduce(0) { $0 + $1.totalValue }
        }

        /// How many durations the timers named `label` with exactly `dimensions` recorded.
        public func timerCount(_ label: String, _ dimensions: [String: String]) -> Int {
            timers(label: label)
                .filter { Dictionary($0.dimensions, uniquingKeysWith: { first, _ in first }) == dimensions }
                .reduce(0) { $0 + $1.values.count }
        }

        /// What a receiver recorded for the events of `dimensions` whose handler returned or
        /// threw a ``/CloudEvents/CloudEventError`` with the code `refusal`.
        public func processed(_ dimensions: [String: String], refusal: String) -> ProcessedCounts {
            var counts = ProcessedCounts(
                consumed: Int(total(CloudEventMetrics.Name.consumedMessages, dimensions)),
                handled: timerCount(CloudEventMetrics.Name.processDuration, dimensions),
                refused: Int(total(CloudEventMetrics.Name.refusedEvents, dimensions.adding("cloudevents.error.code", refusal))))
            counts.refusedTimed = timerCount(
                CloudEventMetrics.Name.processDuration, dimensions.adding("error.type", refusal))
            return counts
        }

        /// The names of every dimension any counter or timer carries.
        public var dimensionNames: Set<String> {
            Set((counters.map(\.dimensions) + timers.map(\.dimensions)).flatMap { $0.map(\.0) })
        }
    }
#endif

/// The dimensions the documentation gives every transport's metrics, built one way for every
/// test that checks them.
public enum MessagingDimensions {
    /// A sender's: the base dimensions and the server.
    public static func send(system: String, destination: String, port: Int) -> [String: String] {
        [
            "messaging.system": system, "messaging.operation.name": "send", "messaging.destination.name": destination,
            "server.address": "127.0.0.1", "server.port": String(port),
        ]
    }

    /// A receiver's: the base dimensions.
    public static func process(system: String, destination: String) -> [String: String] {
        ["messaging.system": system, "messaging.operation.name": "process", "messaging.destination.name": destination]
    }

    /// Every dimension name a workload of sends, failures and refusals records, and no other.
    public static let documentedNames: Set<String> = [
        "messaging.system", "messaging.operation.name", "messaging.destination.name", "server.address", "server.port",
        "error.type", "cloudevents.error.code",
    ]
}

extension Dictionary where Key == String, Value == String {
    /// These dimensions and one more.
    public func adding(_ name: String, _ value: String) -> Self {
        merging([name: value]) { _, new in new }
    }
}
