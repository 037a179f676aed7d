import Testing

@testable import CloudEvents

/// A bit-at-a-time Base64 encoder written straight from RFC 4648 §4, to check the fast one.
private func referenceEncode(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    var bits: [Bool] = []
    for byte in bytes { for k in (0..<8).reversed() { bits.append(byte >> UInt8(k) & 1 == 1) } }
    while bits.count % 6 != 0 { bits.append(false) }
    var text = ""
    for group in stride(from: 0, to: bits.count, by: 6) {
        var value = 0
        for k in 0..<6 { value = value << 1 | (bits[group + k] ? 1 : 0) }
        text.append(alphabet[value])
    }
    while text.count % 4 != 0 { text.append("=") }
    return text
}

@Suite struct Base64Tests {
    /// RFC 4648 §10.
    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ])
    func rfc4648Vectors(_ plain: String, _ encoded: String) throws {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(try Base64.decode(encoded) == Array(plain.utf8))
        #expect(Base64.encodedLength(plain.utf8.count) == encoded.utf8.count)
    }

    @Test(arguments: [
        ("Z", 1), ("Zg", 2), ("Zg=", 3), ("Zm9vY", 5), ("Z=g", 1), ("Zm9vZ=*", 6), ("Zm9vZ*", 5),
        ("====", 0), ("Z===", 1), ("Zg=a", 2), ("Zm9vYg==Zm9v", 6), ("Zm9v=", 5), ("Zm9vY=", 6),
        ("Zh==", 1), ("Zm9=", 2), ("Zm9vYh==", 5),
        ("Zm 9v", 2), ("Zm9v\n", 4), ("Zm9v\r\nZm9v", 4), (" Zm9v", 0), ("\tZg==", 0),
        ("Zm9v-_==", 4), ("Zm9vY_==", 5), ("Zm9v*A==", 4), ("Zm9vüA==", 4), ("Zm9v\u{0}AAA", 4),
    ])
    func rejects(_ text: String, _ offset: Int) {
        var output: [UInt8] = [1, 2, 3]
        let failure = Array(text.utf8).withUnsafeBufferPointer { Base64.decode($0, into: &output) }
        #expect(failure?.offset == offset)
        #expect(output == [1, 2, 3], "output is restored on failure")
        #expect(throws: CloudEventError.self) { try Base64.decode(text) }
    }

    @Test func failureMessages() throws {
        func reason(_ text: String) -> String {
            Array(text.utf8).withUnsafeBufferPointer { buffer in
                var output: [UInt8] = []
                return Base64.decode(buffer, into: &output)?.reason ?? ""
            }
        }
        #expect(reason("Zg").contains("multiple of 4"))
        #expect(reason("Zh==").contains("non-zero bits"))
        #expect(reason("Zm9v\n").contains("whitespace"))
        #expect(reason("Zm9v-_==").contains("base64url"))
        #expect(reason("Z===").contains("padding"))
        do {
            _ = try Base64.decode("Zm9v*A==")
            Issue.record("expected a failure")
        } catch {
            #expect(error.code == .malformedInput)
            #expect(error.byteOffset == 4)
            #expect(error.message.contains("'*'"))
        }
    }

    @Test func appendsToExistingOutput() throws {
        var output: [UInt8] = Array("x=".utf8)
        Array("foob".utf8).withUnsafeBufferPointer { Base64.encode($0, into: &output) }
        #expect(output == Array("x=Zm9vYg==".utf8))
        var decoded: [UInt8] = [9]
        let failure = Array("Zm9vYmE=".utf8).withUnsafeBufferPointer { Base64.decode($0, into: &decoded) }
        #expect(failure == nil)
        #expect(decoded == [9] + Array("fooba".utf8))
    }

    @Test func allByteValues() throws {
        let bytes = (0...255).map { UInt8($0) }
        let encoded = Base64.encode(bytes)
        #expect(encoded == referenceEncode(bytes))
        #expect(try Base64.decode(encoded) == bytes)
    }

    @Test(arguments: [1, 2, 3])
    func randomRoundTrips(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for length in 0..<300 {
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &random) }
            let encoded = Base64.encode(bytes)
            #expect(encoded == referenceEncode(bytes))
            #expect(encoded.utf8.count == Base64.encodedLength(length))
            let decoded = try Base64.decode(encoded)
            #expect(decoded == bytes)
            #expect(Base64.encode(decoded) == encoded)
        }
    }

    /// Strictness makes the encoding canonical: every accepted text re-encodes to itself.
    @Test func everyAcceptedFourCharacterTextIsCanonical() {
        var random = SplitMix64(seed: 42)
        let pool = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ ".utf8)
        var accepted = 0
        for _ in 0..<20_000 {
            let text = (0..<4).map { _ in pool[Int.random(in: 0..<pool.count, using: &random)] }
            var output: [UInt8] = []
            let failure = text.withUnsafeBufferPointer { Base64.decode($0, into: &output) }
            if failure == nil {
                accepted += 1
                #expect(Base64.encode(output) == String(decoding: text, as: UTF8.self))
            }
        }
        #expect(accepted > 1000)
    }
}
