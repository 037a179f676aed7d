import CloudEvents
import HTTPTypes
import Testing

@testable import CloudEventsHTTP

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile messages against `HTTPEventDecoder.Limits` and the JSON format's limits behind it
/// (issue 8, part 2): each test sends ten times a limit and checks the typed error and that the
/// decoder's own memory stays bounded (the message, built before measuring, is excluded).
///
/// The decoder limits the body size, the number of `ce-` header fields and the total size of
/// their values. It does not limit other header fields (`Content-Type` included), which is the
/// HTTP server's job, nor the length of one value beyond the total.
@Suite("Limits: HTTP binding", .serialized)
struct HTTPLimitsTests {
    let decoder = HTTPEventDecoder()

    static let required: [(String, String)] = [
        ("ce-specversion", "1.0"), ("ce-id", "1"), ("ce-source", "/s"), ("ce-type", "t"),
    ]

    static func fields(_ pairs: [(String, String)]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in pairs {
            guard let name = HTTPField.Name(name) else {
                Issue.record("invalid field name \(name)")
                continue
            }
            fields.append(HTTPField(name: name, value: value))
        }
        return fields
    }

    @Test("a body of ten times maximumBodySize is refused in every mode before it is read")
    func bodySize() {
        PeakMemory.exclusively {
            let limit = decoder.limits.maximumBodySize
            #expect(limit == 16 << 20)
            let body = [UInt8](repeating: UInt8(ascii: " "), count: 10 * limit)
            let messages: [(String, HTTPFields)] = [
                ("binary", Self.fields(Self.required + [("content-type", "application/json")])),
                ("structured", Self.fields([("content-type", "application/cloudevents+json")])),
                ("batch", Self.fields([("content-type", "application/cloudevents-batch+json")])),
            ]
            for (mode, fields) in messages {
                var error: CloudEventError?
                let growth = PeakMemory.growth {
                    error = thrownError { try decoder.decode(headerFields: fields, body: body) }
                }
                #expect(error?.code == .limitExceeded, "\(mode)")
                #expect(error?.attribute == "data", "\(mode)")
                PeakMemory.expect(growth, below: 4 << 20, "\(mode) mode, body of \(body.count) bytes")
            }
        }
    }

    @Test("ten times maximumAttributeFieldCount ce- header fields are refused")
    func headerCount() {
        PeakMemory.exclusively {
            let limit = decoder.limits.maximumAttributeFieldCount
            #expect(limit == 128)
            let extensions = (0..<(10 * limit)).map { ("ce-x\($0)", "value\($0)") }
            let fields = Self.fields(Self.required + extensions)
            var error: CloudEventError?
            let growth = PeakMemory.growth {
                error = thrownError { try decoder.decodeEvent(headerFields: fields, body: []) }
            }
            #expect(error?.code == .limitExceeded)
            // The 129th ce- field: the 125th extension after the four required attributes.
            #expect(error?.attribute == "x124")
            PeakMemory.expect(growth, below: 1 << 20, "\(fields.count) header fields")

            let atLimit = Self.fields(Self.required + extensions.prefix(limit - Self.required.count))
            #expect(throws: Never.self) { try decoder.decodeEvent(headerFields: atLimit, body: []) }
        }
    }

    @Test("ce- header values of ten times maximumAttributeFieldBytes are refused before decoding")
    func headerBytes() {
        PeakMemory.exclusively {
            let limit = decoder.limits.maximumAttributeFieldBytes
            #expect(limit == 64 << 10)
            // One value ten times the limit (percent-encoded, so decoding would also allocate)...
            let huge = String(repeating: "%41", count: 10 * limit / 3)
            let one = Self.fields([("ce-specversion", "1.0"), ("ce-id", huge), ("ce-source", "/s"), ("ce-type", "t")])
            // ...and ten values that each fit but add up to ten times the limit.
            let share = String(repeating: "v", count: limit)
            let many = Self.fields(Self.required + (0..<10).map { ("ce-x\($0)", share) })
            // The field that crossed the limit: ce-id itself; ce-x0, the first share after 7 bytes.
            for (what, fields, attribute) in [("one value", one, "id"), ("ten values", many, "x0")] {
                var error: CloudEventError?
                let growth = PeakMemory.growth {
                    error = thrownError { try decoder.decodeEvent(headerFields: fields, body: []) }
                }
                #expect(error?.code == .limitExceeded, "\(what)")
                #expect(error?.attribute == attribute, "\(what)")
                PeakMemory.expect(growth, below: 1 << 20, "\(what) of ce- header values")
            }
            let atLimit = Self.fields(
                Self.required + [
                    ("ce-x", String(repeating: "v", count: limit - Self.required.map(\.1.utf8.count).reduce(0, +)))
                ])
            #expect(throws: Never.self) { try decoder.decodeEvent(headerFields: atLimit, body: []) }
        }
    }

    @Test("a batch-mode message of ten times maximumBatchLength events is refused")
    func batchLength() {
        PeakMemory.exclusively {
            let limit = 1_000
            let event =
                #"{"specversion":"1.0","id":"1","source":"/s","type":"t","data":"# + "\""
                + String(repeating: "x", count: 4096) + "\"}"
            let body = Array(("[" + Array(repeating: event, count: 10 * limit).joined(separator: ",") + "]").utf8)
            let decoder = HTTPEventDecoder(
                format: JSONEventFormat(limits: .init(maximumDocumentSize: body.count, maximumBatchLength: limit)),
                limits: .init(maximumBodySize: body.count))
            let fields = Self.fields([("content-type", "application/cloudevents-batch+json")])
            var error: CloudEventError?
            let growth = PeakMemory.growth {
                error = thrownError { try decoder.decode(headerFields: fields, body: body) }
            }
            #expect(error?.code == .limitExceeded)
            #expect(error?.byteOffset == 1 + limit * (event.utf8.count + 1))
            #expect(error?.index == limit)
            PeakMemory.expect(growth, below: 16 << 20, "a batch of \(10 * limit) events of 4 KiB")
        }
    }

    @Test("a binary-mode JSON body nested ten times maximumDepth deep is a limit error")
    func binaryBodyDepth() {
        PeakMemory.exclusively {
            let limit = decoder.format.limits.maximumDepth
            let body = Array(
                (String(repeating: "[", count: 10 * limit) + String(repeating: "]", count: 10 * limit)).utf8)
            let fields = Self.fields(Self.required + [("content-type", "application/json")])
            var error: CloudEventError?
            let growth = PeakMemory.growth {
                error = thrownError { try decoder.decodeEvent(headerFields: fields, body: body) }
            }
            // The body is checked as an event's data (level 2 and deeper), as in structured mode, and
            // the depth limit stays a limit error rather than becoming invalid data.
            #expect(error?.code == .limitExceeded)
            #expect(error?.attribute == "data")
            #expect(error?.byteOffset == limit - 1)
            PeakMemory.expect(growth, below: 1 << 20, "a body of \(10 * limit) levels")
        }
    }

    @Test("a structured-mode event nested ten times maximumDepth deep is a limit error")
    func structuredDepth() {
        PeakMemory.exclusively {
            let limit = decoder.format.limits.maximumDepth
            let prefix = #"{"specversion":"1.0","id":"1","source":"/s","type":"t","data":"#
            let body = Array(
                (prefix + String(repeating: "[", count: 10 * limit) + String(repeating: "]", count: 10 * limit) + "}")
                    .utf8)
            let fields = Self.fields([("content-type", "application/cloudevents+json")])
            var error: CloudEventError?
            let growth = PeakMemory.growth {
                error = thrownError { try decoder.decodeEvent(headerFields: fields, body: body) }
            }
            #expect(error?.code == .limitExceeded)
            #expect(error?.byteOffset == prefix.utf8.count + limit - 1)
            PeakMemory.expect(growth, below: 1 << 20, "a structured event of \(10 * limit) levels")
        }
    }
}

/// The error `body` threw, as a `CloudEventError`; `nil` if it did not throw or threw another type.
private func thrownError(_ body: () throws -> some Any) -> CloudEventError? {
    do {
        _ = try body()
        return nil
    } catch let error as CloudEventError {
        return error
    } catch {
        Issue.record("threw \(type(of: error)), not CloudEventError: \(error)")
        return nil
    }
}

/// Peak resident memory while a closure runs, above what was resident when it started.
///
/// Linux only: the peak (`VmHWM` in /proc/self/status) is reset to the current resident size by
/// writing 5 to /proc/self/clear_refs, so the peak afterwards minus the resident size before is
/// the most the closure (and anything running beside it: see `exclusively`) added.
/// Freed heap pages are returned first (`malloc_trim`), but memory the allocator can reuse without
/// touching new pages is still not seen: the figure is a lower bound of what the closure held at
/// its peak (plus what unrelated tests running at the same time allocate).
private enum PeakMemory {
    /// Runs `body` holding a lock that every memory-measuring test of this package takes (in
    /// both test modules, which run in one process): a measurement must not see another test's
    /// large input being built.
    static func exclusively<R>(_ body: () throws -> R) rethrows -> R {
        #if os(Linux)
            let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
            let descriptor = open(directory + "/swift-cloudevents-memory-tests.lock", O_CREAT | O_RDWR, 0o600)
            if descriptor >= 0 { flock(descriptor, LOCK_EX) }
            defer {
                if descriptor >= 0 {
                    flock(descriptor, LOCK_UN)
                    close(descriptor)
                }
            }
        #endif
        return try body()
    }

    static func growth(_ body: () -> Void) -> Int? {
        #if os(Linux)
            // Return freed heap pages first, so that reusing them does not hide new allocations.
            _ = mallocTrim?(0)
            guard resetPeak(), let before = statusBytes("VmRSS:") else {
                body()
                return nil
            }
            body()
            guard let peak = statusBytes("VmHWM:") else { return nil }
            return max(0, peak - before)
        #else
            body()
            return nil
        #endif
    }

    /// Records an issue when the growth is known and not below `bound`.
    static func expect(
        _ growth: Int?, below bound: Int, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #if os(Linux)
            guard let growth else {
                Issue.record("could not measure peak memory (/proc/self/clear_refs)", sourceLocation: sourceLocation)
                return
            }
            #expect(
                growth < bound, "\(what): peak memory grew by \(growth >> 10) KiB, bound \(bound >> 10) KiB",
                sourceLocation: sourceLocation)
        #endif
    }

    #if os(Linux)
        /// glibc's `malloc_trim`, which the Glibc module does not export.
        private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
            guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        }()

        private static func resetPeak() -> Bool {
            guard let file = fopen("/proc/self/clear_refs", "w") else { return false }
            defer { fclose(file) }
            return fputs("5", file) >= 0
        }

        /// A `kB` figure of /proc/self/status, in bytes.
        private static func statusBytes(_ key: String) -> Int? {
            guard let file = fopen("/proc/self/status", "r") else { return nil }
            defer { fclose(file) }
            var line = [CChar](repeating: 0, count: 512)
            while fgets(&line, Int32(line.count), file) != nil {
                let bytes = line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
                let text = String(decoding: bytes, as: UTF8.self)
                guard text.hasPrefix(key) else { continue }
                let digits = text.dropFirst(key.count).filter { $0.isNumber }
                return Int(digits).map { $0 * 1024 }
            }
            return nil
        }
    #endif
}
