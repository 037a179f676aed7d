import CoreTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The allocation counter the memory tests rely on: it must see what a closure allocates, and only that.
@Suite("PeakMemory: counts the calling thread's allocations")
struct PeakMemoryTests {
    #if os(Linux)
        @Test("the counter is compiled in on Linux (it is off only under a sanitizer)")
        func available() {
            #expect(PeakMemory.isAvailable)
        }
    #endif

    @Test("an array of 8 MiB held inside the closure counts; one made before it does not")
    func countsWhatTheClosureHolds() throws {
        try #require(PeakMemory.isAvailable)
        let before = [UInt8](repeating: 1, count: 8 << 20)
        var sum = 0
        let held = PeakMemory.growth {
            let inside = [UInt8](repeating: 2, count: 8 << 20)
            sum = Int(inside[inside.count / 2]) + Int(before[0])
        }
        #expect(sum == 3)
        let growth = try #require(held)
        #expect(growth >= 8 << 20, "counted \(growth) bytes")
        #expect(growth < 9 << 20, "counted \(growth) bytes")
        let nothing = try #require(PeakMemory.growth { sum += before.count })
        #expect(nothing < 4096, "counted \(nothing) bytes for a closure that allocates nothing")
    }

    @Test("the peak, not the total: two 4 MiB arrays one after the other peak at 4 MiB")
    func peakNotTotal() throws {
        try #require(PeakMemory.isAvailable)
        var checksum = 0
        let growth = try #require(
            PeakMemory.growth {
                for value in 1...2 {
                    let block = [UInt8](repeating: UInt8(value), count: 4 << 20)
                    checksum += Int(block[0])
                }
            })
        #expect(checksum == 3)
        #expect(growth >= 4 << 20 && growth < 5 << 20, "counted \(growth) bytes")
    }

    @Test("another thread's allocations do not count")
    func otherThreadsDoNotCount() async throws {
        try #require(PeakMemory.isAvailable)
        // Another thread allocates 1 MiB blocks until told to stop; the measured closure allocates
        // nothing and waits until that thread has allocated 16 blocks while it was being measured.
        let noise = AllocatingThread()
        var seen = 0
        let growth = try #require(
            PeakMemory.growth {
                let start = noise.blocks.load(ordering: .acquiring)
                while noise.blocks.load(ordering: .acquiring) < start + 16 {}
                seen = noise.blocks.load(ordering: .acquiring) - start
            })
        noise.stop()
        #expect(seen >= 16)
        #expect(growth < 4096, "counted \(growth) bytes while another thread allocated \(seen) MiB")
    }
}

/// A POSIX thread that allocates 1 MiB blocks until stopped (the core tests use no Foundation).
private final class AllocatingThread: Sendable {
    /// How many blocks it has allocated.
    let blocks = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    private let thread = Mutex<pthread_t?>(nil)

    init() {
        let context = Unmanaged.passRetained(self).toOpaque()
        var handle = pthread_t()
        let status = pthread_create(
            &handle, nil,
            { context in
                guard let context else { return nil }
                let this = Unmanaged<AllocatingThread>.fromOpaque(context).takeRetainedValue()
                while !this.stopped.load(ordering: .acquiring) {
                    let block = [UInt8](repeating: 3, count: 1 << 20)
                    if block[block.count - 1] == 3 { this.blocks.add(1, ordering: .releasing) }
                }
                return nil
            }, context)
        if status == 0 {
            thread.withLock { $0 = handle }
        } else {
            Unmanaged<AllocatingThread>.fromOpaque(context).release()
        }
    }

    /// Stops the thread and waits for it.
    func stop() {
        stopped.store(true, ordering: .releasing)
        if let handle = thread.withLock({ $0 }) { pthread_join(handle, nil) }
    }
}
