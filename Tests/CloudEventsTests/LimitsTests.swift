import Testing

@testable import CloudEvents

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile input against `JSONEventFormat.Limits` (issue 8, part 2): each test sends ten times a
/// limit and checks the typed error and that the decoder's own memory stays bounded (the input,
/// allocated before measuring, is excluded).
///
/// The format has limits for document size, nesting depth, batch length and the length of one
/// attribute value; `data` is bounded by the document size only.
@Suite("Limits: JSON event format", .serialized)
struct JSONFormatLimitsTests {
    static let head = #"{"specversion":"1.0","id":"1","source":"/s","type":"t""#
    static let minimal = head + "}"

    /// A document of `count` bytes: an event whose `id` fills it (so it would be a valid event
    /// if no size limit applied).
    static func oversizedEvent(count: Int) -> [UInt8] {
        let prefix = Array(#"{"specversion":"1.0","source":"/s","type":"t","id":""#.utf8)
        let suffix = Array(#""}"#.utf8)
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: count)
        bytes.replaceSubrange(0..<prefix.count, with: prefix)
        bytes.replaceSubrange((count - suffix.count)..<count, with: suffix)
        return bytes
    }

    @Test("a document of ten times maximumDocumentSize is refused before it is read")
    func documentSize() {
        PeakMemory.exclusively {
            let format = JSONEventFormat()
            let limit = format.limits.maximumDocumentSize
            #expect(limit == 16 << 20)
            let input = Self.oversizedEvent(count: 10 * limit)
            var error: CloudEventError?
            let growth = PeakMemory.growth { error = thrownError { try format.decode(input) } }
            #expect(error?.code == .limitExceeded)
            #expect(error?.byteOffset == limit)
            PeakMemory.expect(growth, below: 4 << 20, "decode([UInt8]) of \(input.count) bytes")

            var batchError: CloudEventError?
            let batchGrowth = PeakMemory.growth { batchError = thrownError { try format.decodeBatch(input) } }
            #expect(batchError?.code == .limitExceeded)
            #expect(batchError?.byteOffset == limit)
            PeakMemory.expect(batchGrowth, below: 4 << 20, "decodeBatch of \(input.count) bytes")

            // A slice takes the in-place path for any collection.
            var sliceError: CloudEventError?
            let sliceGrowth = PeakMemory.growth { sliceError = thrownError { try format.decode(input[1...]) } }
            #expect(sliceError?.code == .limitExceeded)
            PeakMemory.expect(sliceGrowth, below: 4 << 20, "decode(ArraySlice) of \(input.count - 1) bytes")
        }
    }

    @Test("a String of ten times maximumDocumentSize is refused without copying it")
    func documentSizeOfString() {
        PeakMemory.exclusively {
            let format = JSONEventFormat()
            let limit = format.limits.maximumDocumentSize
            let input = String(decoding: Self.oversizedEvent(count: 10 * limit), as: UTF8.self)
            var error: CloudEventError?
            let growth = PeakMemory.growth { error = thrownError { try format.decode(input) } }
            #expect(error?.code == .limitExceeded)
            #expect(error?.byteOffset == limit)
            // Copying the text into an array before checking the size would cost 160 MiB here.
            PeakMemory.expect(growth, below: 4 << 20, "decode(String) of \(input.utf8.count) bytes")

            var batchError: CloudEventError?
            let batchGrowth = PeakMemory.growth { batchError = thrownError { try format.decodeBatch(input) } }
            #expect(batchError?.code == .limitExceeded)
            PeakMemory.expect(batchGrowth, below: 4 << 20, "decodeBatch(String) of \(input.utf8.count) bytes")
        }
    }

    @Test("JSON data nested ten times maximumDepth deep is refused at the first level too deep")
    func dataDepth() {
        PeakMemory.exclusively {
            let format = JSONEventFormat()
            let limit = format.limits.maximumDepth
            #expect(limit == 64)
            let prefix = Self.head + #","data":"#
            let deep = String(repeating: "[", count: 10 * limit) + String(repeating: "]", count: 10 * limit)
            let input = Array((prefix + deep + "}").utf8)
            var error: CloudEventError?
            let growth = PeakMemory.growth { error = thrownError { try format.decode(input) } }
            #expect(error?.code == .limitExceeded)
            // The event object is level 1, so the 64th '[' is level 65.
            #expect(error?.byteOffset == prefix.utf8.count + limit - 1)
            PeakMemory.expect(growth, below: 1 << 20, "decoding \(10 * limit) levels")

            let objects =
                String(repeating: #"{"a":"#, count: 10 * limit) + "1" + String(repeating: "}", count: 10 * limit)
            let objectError = thrownError { try format.decode(prefix + objects + "}") }
            #expect(objectError?.code == .limitExceeded)
            #expect(objectError?.byteOffset == prefix.utf8.count + 5 * (limit - 1))
        }
    }

    @Test("in a batch, the same nesting is refused at the same level, naming the event")
    func batchDepth() {
        PeakMemory.exclusively {
            let format = JSONEventFormat()
            let limit = format.limits.maximumDepth
            let deep = String(repeating: "[", count: 10 * limit) + String(repeating: "]", count: 10 * limit)
            let first = "[" + Self.minimal + ","
            let prefix = first + Self.head + #","data":"#
            let input = Array((prefix + deep + "}]").utf8)
            var error: CloudEventError?
            let growth = PeakMemory.growth { error = thrownError { try format.decodeBatch(input) } }
            #expect(error?.code == .limitExceeded)
            #expect(error?.index == 1)
            // Depth counts from the event object in a batch too: the 64th '[' is level 65.
            #expect(error?.byteOffset == prefix.utf8.count + limit - 1)
            PeakMemory.expect(growth, below: 1 << 20, "decoding \(10 * limit) levels in a batch")
        }
    }

    @Test("a batch of ten times maximumBatchLength events stops at the limit")
    func batchLength() {
        PeakMemory.exclusively {
            let limit = 1_000
            // Events of 4 KiB each, so that decoding all of them would cost ten times what the
            // limit allows: the bound below sits between the two.
            let data = "\"" + String(repeating: "x", count: 4096) + "\""
            let event = Self.head + #","datacontenttype":"text/plain","data":"# + data + "}"
            let input = Array(("[" + Array(repeating: event, count: 10 * limit).joined(separator: ",") + "]").utf8)
            let format = JSONEventFormat(limits: .init(maximumDocumentSize: input.count, maximumBatchLength: limit))
            var error: CloudEventError?
            let growth = PeakMemory.growth { error = thrownError { try format.decodeBatch(input) } }
            #expect(error?.code == .limitExceeded)
            // Where event 1,000 (counting from 0) would start, and its index.
            #expect(error?.byteOffset == 1 + limit * (event.utf8.count + 1))
            #expect(error?.index == limit)
            // Decoding stops after `limit` events (about 4 MiB of text), not after all 40 MiB.
            PeakMemory.expect(growth, below: 16 << 20, "a batch of \(10 * limit) events of 4 KiB")

            let atLimit = Array(("[" + Array(repeating: Self.minimal, count: limit).joined(separator: ",") + "]").utf8)
            let decodedCount = try? format.decodeBatch(atLimit).count
            #expect(decodedCount == limit)
        }
    }
}

/// `maximumAttributeLength` and the clamp of `maximumDocumentSize`.
@Suite("Limits: JSON attribute length and document size cap", .serialized)
struct JSONAttributeLengthTests {
    static let head = JSONFormatLimitsTests.head

    /// A JSON string literal holding `count` × "é", each written as the escape `\u00e9` (six bytes
    /// that unescape to two).
    static func escapedAcutes(_ count: Int) -> String {
        "\"" + String(repeating: #"\u00e9"#, count: count) + "\""
    }

    /// A JSON string literal holding `count` × "A", each written as the escape `\u0041` (six bytes
    /// that unescape to one).
    static func escapedLetters(_ count: Int) -> String {
        "\"" + String(repeating: #"\u0041"#, count: count) + "\""
    }

    @Test("a context attribute or extension of ten times maximumAttributeLength is refused, naming it and its offset")
    func tenTimesTheLimit() {
        PeakMemory.exclusively {
            let format = JSONEventFormat()
            let limit = format.limits.maximumAttributeLength
            #expect(limit == 64 << 10)
            let plain = "\"" + String(repeating: "a", count: 10 * limit) + "\""
            // Escaped: 10 × limit bytes once unescaped, written in 60 × limit bytes (or 30 ×).
            let escaped = Self.escapedLetters(10 * limit)
            let cases = [
                ("subject", escaped), ("subject", plain), ("comexampleext", plain),
                ("ext", Self.escapedAcutes(5 * limit)),
            ]
            // The first decoding in the process pays for things done once; not measured.
            _ = thrownError { try format.decode(Array((Self.head + #","subject":"# + plain + "}").utf8)) }
            for (attribute, value) in cases {
                let prefix = Self.head + ",\"\(attribute)\":"
                let input = Array((prefix + value + "}").utf8)
                var error: CloudEventError?
                let growth = PeakMemory.leastGrowth { error = thrownError { try format.decode(input) } }
                #expect(error?.code == .limitExceeded, "\(attribute)")
                #expect(error?.attribute == attribute)
                #expect(error?.byteOffset == prefix.utf8.count, "the value's opening quote")
                #expect(error?.message.contains("\(10 * limit) bytes") == true, "counted after unescaping")
                // Decoding the value before refusing it would cost a copy of the input, and more.
                // The bound is loose: this test process runs transport tests with megabyte payloads
                // beside it, which the peak sees (up to 8.4 MiB in CI). It catches a decoder that
                // copies the input repeatedly, not one copy.
                PeakMemory.expect(growth, below: 16 << 20, "\(attribute) of \(input.count) bytes")
            }
        }
    }

    @Test("in a batch, the same value is refused naming the event's index, the attribute and the batch offset")
    func tenTimesTheLimitInABatch() {
        PeakMemory.exclusively {
            let format = JSONEventFormat()
            let limit = format.limits.maximumAttributeLength
            let prefix = "[" + JSONFormatLimitsTests.minimal + "," + Self.head + #","ext":"#
            let input = Array((prefix + Self.escapedAcutes(5 * limit) + "}]").utf8)
            var error: CloudEventError?
            let growth = PeakMemory.leastGrowth { error = thrownError { try format.decodeBatch(input) } }
            #expect(error?.code == .limitExceeded)
            #expect(error?.index == 1)
            #expect(error?.attribute == "ext")
            #expect(error?.byteOffset == prefix.utf8.count)
            // Loose, as above: tests running beside it reach the peak too (8.4 MiB seen in CI).
            PeakMemory.expect(growth, below: 16 << 20, "a batch of \(input.count) bytes")
        }
    }

    @Test("the limit counts unescaped bytes: exactly the limit passes however it is escaped, one more does not")
    func countsUnescapedBytes() throws {
        let format = JSONEventFormat(limits: .init(maximumAttributeLength: 1000))
        // 500 × "é" is 1,000 bytes, written as 3,000.
        let atLimit = try format.decode(Self.head + #","subject":"# + Self.escapedAcutes(500) + "}")
        #expect(atLimit.subject?.utf8.count == 1000)
        // A surrogate pair (12 bytes written) is one 4-byte scalar: 996 + 4 is the limit too.
        let pair = "\"" + String(repeating: "a", count: 996) + #"\ud83d\ude00"# + "\""
        #expect(throws: Never.self) { try format.decode(Self.head + #","ext":"# + pair + "}") }
        let over = thrownError {
            try format.decode(Self.head + #","ext":""# + String(repeating: "a", count: 1001) + "\"}")
        }
        #expect(over?.code == .limitExceeded)
        #expect(over?.attribute == "ext")
        let overEscaped = thrownError {
            try format.decode(Self.head + #","subject":"# + String(Self.escapedAcutes(500).dropLast()) + "a\"}")
        }
        #expect(overEscaped?.attribute == "subject")
    }

    @Test("data and data_base64 are not attributes: only the document size bounds them")
    func dataIsNotAnAttribute() throws {
        let format = JSONEventFormat(limits: .init(maximumAttributeLength: 1000))
        let text = String(repeating: "x", count: 10_000)
        let event = try format.decode(
            Self.head + #","datacontenttype":"text/plain","data":""# + text + "\"}")
        #expect(event.data == .text(text))
        let base64 = String(repeating: "QUJD", count: 2_500)
        let binary = try format.decode(Self.head + #","data_base64":""# + base64 + "\"}")
        #expect(binary.data == .binary(Array(repeating: Array("ABC".utf8), count: 2_500).flatMap { $0 }))
    }

    @Test("maximumDocumentSize stays at most 1 GiB however it is set: in init and by assignment")
    func documentSizeCap() {
        #expect(JSONEventFormat.Limits.documentSizeCap == 1 << 30)
        #expect(JSONEventFormat.Limits(maximumDocumentSize: 4 << 30).maximumDocumentSize == 1 << 30)
        var limits = JSONEventFormat.Limits()
        // Beyond 2 GiB, offsets into the document would collide with those of unescaped bytes.
        limits.maximumDocumentSize = 4 << 30
        #expect(limits.maximumDocumentSize == 1 << 30)
        limits.maximumDocumentSize = 1000
        #expect(limits.maximumDocumentSize == 1000)
        var format = JSONEventFormat()
        format.limits.maximumDocumentSize = Int.max
        #expect(format.limits.maximumDocumentSize == 1 << 30)
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

    /// The least ``growth(_:)`` of three runs of `body`: tests running at the same time (the
    /// transport tests share the process) only ever add to a measurement, never take from it.
    static func leastGrowth(_ body: () -> Void) -> Int? {
        var least: Int?
        for _ in 0..<3 {
            guard let growth = growth(body) else { return nil }
            least = min(least ?? growth, growth)
        }
        return least
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
