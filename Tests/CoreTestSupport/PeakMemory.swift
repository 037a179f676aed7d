import CAllocationCounter
public import Testing

/// The most heap memory a closure held at once, counted on its own thread by the test process's
/// allocation counter (`CAllocationCounter`).
///
/// Only allocations of the calling thread count, so tests running beside a measurement (other
/// suites, transports with megabyte payloads) do not move it, and the figure is the same on every
/// run: it measures what the code under test allocates. Memory allocated before the closure (the
/// input under test) is excluded.
public enum PeakMemory {
    /// Whether this build counts allocations: Linux with glibc, not under a sanitizer.
    public static var isAvailable: Bool { cloudevents_allocation_counter_available() == 1 }

    /// What `body` allocated: the most it held at once, in bytes, or `nil` when this build cannot
    /// count allocations.
    public static func growth(_ body: () throws -> Void) rethrows -> Int? {
        cloudevents_allocation_counter_start()
        defer { _ = cloudevents_allocation_counter_stop() }
        try body()
        let count = cloudevents_allocation_counter_stop()
        return isAvailable ? Int(count.peakBytes) : nil
    }

    /// Records an issue when the growth is known and not below `bound`. Where allocations cannot
    /// be counted (a sanitizer build, another platform) nothing is checked.
    public static func expect(
        _ growth: Int?, below bound: Int, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let growth else { return }
        #expect(
            growth < bound, "\(what): held \(growth >> 10) KiB at its peak, bound \(bound >> 10) KiB",
            sourceLocation: sourceLocation)
    }
}
