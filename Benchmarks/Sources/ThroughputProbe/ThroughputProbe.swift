import BenchmarkInputs
import CloudEvents

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Times JSON decode and encode of the reference medium event with a plain monotonic-clock loop
/// (no benchmark framework, no malloc interposer), and prints `key=value` lines for scripts:
///
///     decode_events_per_second=N
///     encode_events_per_second=N
///
/// Each figure is the best of `--rounds` rounds (default 3) of about `--seconds` seconds
/// (default 2) each. The input is `Tests/Data/bench/medium_event.json` (see `BenchmarkInputs`), or
/// the file named by `--input` / `CLOUDEVENTS_BENCH_INPUT`.
@main
struct ThroughputProbe {
    static func main() throws {
        var seconds = 2.0
        var rounds = 3
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch argument {
            case "--seconds": seconds = Double(arguments.popFirst() ?? "") ?? seconds
            case "--rounds": rounds = Int(arguments.popFirst() ?? "") ?? rounds
            case "--input":
                if let path = arguments.popFirst() { setenv("CLOUDEVENTS_BENCH_INPUT", path, 1) }
            default:
                print("usage: ThroughputProbe [--seconds S] [--rounds N] [--input FILE]")
                exit(2)
            }
        }

        let format = JSONEventFormat()
        let bytes = BenchmarkInputs.mediumEvent
        let event = try format.decode(bytes)
        let reencoded = try format.encode(event)

        let decodeRate = try bestRate(seconds: seconds, rounds: rounds) {
            blackHole(try format.decode(bytes))
        }
        let encodeRate = try bestRate(seconds: seconds, rounds: rounds) {
            blackHole(try format.encode(event))
        }

        print("input_path=\(BenchmarkInputs.mediumEventPath)")
        print("input_bytes=\(bytes.count)")
        print("encoded_bytes=\(reencoded.count)")
        print("round_trip_identical=\(reencoded == bytes)")
        print("data_kind=\(event.data.map { "\($0.kind)" } ?? "none")")
        print("decode_events_per_second=\(Int(decodeRate.rounded()))")
        print("encode_events_per_second=\(Int(encodeRate.rounded()))")
    }

    /// Runs `body` in batches until `seconds` have passed, `rounds` times; returns the best rate.
    static func bestRate(seconds: Double, rounds: Int, _ body: () throws -> Void) throws -> Double {
        // Warm up and size a batch so the clock is read about every millisecond.
        var batch = 1
        while true {
            let start = now()
            for _ in 0..<batch { try body() }
            if now() - start > 0.001 || batch >= 1 << 20 { break }
            batch *= 2
        }
        var best = 0.0
        for _ in 0..<max(rounds, 1) {
            var count = 0
            let start = now()
            var elapsed = 0.0
            repeat {
                for _ in 0..<batch { try body() }
                count += batch
                elapsed = now() - start
            } while elapsed < seconds
            best = max(best, Double(count) / elapsed)
        }
        return best
    }

    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Keeps a value alive, and its computation in the program, without the optimiser seeing a use.
@inline(never) @_optimize(none)
func blackHole<T>(_ value: T) {}
