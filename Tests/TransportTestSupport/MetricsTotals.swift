#if Metrics
    public import MetricsTestKit

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

        /// The names of every dimension any counter or timer carries.
        public var dimensionNames: Set<String> {
            Set((counters.map(\.dimensions) + timers.map(\.dimensions)).flatMap { $0.map(\.0) })
        }
    }
#endif
