import CoreTestSupport
import Testing

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
        // A task allocating 64 MiB in a loop while this thread measures a closure that allocates nothing.
        let noise = Task.detached {
            var total = 0
            for _ in 0..<200 {
                let block = [UInt8](repeating: 3, count: 64 << 20)
                total &+= Int(block[block.count - 1])
                await Task.yield()
            }
            return total
        }
        var spins = 0
        let growth = try #require(PeakMemory.growth { for _ in 0..<5_000_000 { spins &+= 1 } })
        #expect(growth < 4096, "counted \(growth) bytes")
        noise.cancel()
        _ = await noise.value
        #expect(spins == 5_000_000)
    }
}
