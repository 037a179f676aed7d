/// RFC 3986 syntax checks for the CloudEvents `URI` and `URI-reference` types.
///
/// A hand-written, single-pass, non-recursive reading of the RFC 3986 Appendix A grammar over
/// bytes: no regular expressions, no Foundation, no allocation unless the input is bad. Only
/// ASCII is accepted: RFC 3986 is defined over ASCII, and IRIs (RFC 3987) are not CloudEvents
/// URIs, so any byte >= 0x80 must arrive percent-encoded. IPv6 zone identifiers (RFC 6874) are
/// not part of RFC 3986 and are rejected.
enum URISyntax {
    /// Checks a `URI-reference` (`URI / relative-ref`), the type of `source`.
    ///
    /// The empty string matches the grammar (`path-empty`), so it passes here; the CloudEvents
    /// "non-empty" rule is the caller's to apply.
    static func checkURIReference(_ bytes: UnsafeBufferPointer<UInt8>) -> SyntaxFailure? {
        do throws(SyntaxFailure) {
            try check(bytes, requireScheme: false)
            return nil
        } catch {
            return error
        }
    }

    /// Checks an absolute URI, the CloudEvents `URI` type (e.g. `dataschema`).
    ///
    /// The CloudEvents specification points at RFC 3986 Section 4.3, whose `absolute-URI` has no
    /// fragment. Real schema references carry one (`https://example.com/schema.json#/definitions/x`,
    /// a JSON Pointer into the schema), and rejecting them would reject real events, so this
    /// accepts the RFC 3986 `URI` rule instead: a scheme is required, a fragment is allowed.
    static func checkAbsoluteURI(_ bytes: UnsafeBufferPointer<UInt8>) -> SyntaxFailure? {
        do throws(SyntaxFailure) {
            try check(bytes, requireScheme: true)
            return nil
        } catch {
            return error
        }
    }

    /// String form of ``checkURIReference(_:)-(UnsafeBufferPointer<UInt8>)``, for values that
    /// are already `String`s (native strings are checked in place).
    static func checkURIReference(_ text: some StringProtocol) -> SyntaxFailure? {
        ByteText.withUTF8(text) { checkURIReference($0) }
    }

    /// String form of ``checkAbsoluteURI(_:)-(UnsafeBufferPointer<UInt8>)``.
    static func checkAbsoluteURI(_ text: some StringProtocol) -> SyntaxFailure? {
        ByteText.withUTF8(text) { checkAbsoluteURI($0) }
    }

    // MARK: - Grammar

    /// `URI-reference`, or `URI` when `requireScheme`. A leading `scheme ":"` decides between
    /// the `URI` and `relative-ref` branches, exactly as RFC 3986 Section 4.1 resolves them.
    private static func check(
        _ b: UnsafeBufferPointer<UInt8>,
        requireScheme: Bool
    ) throws(SyntaxFailure) {
        let n = b.count
        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
        var i = 0
        if n > 0 && isAlpha(b[0]) {
            i = 1
            while i < n && contains(b[i], Mask.schemeLo, Mask.schemeHi) { i += 1 }
        }
        if i > 0 && i < n && b[i] == UInt8(ascii: ":") {
            try checkRest(b, from: i + 1, relative: false)
            return
        }
        if requireScheme {
            if i == 0 {
                throw SyntaxFailure(
                    0,
                    "an absolute URI must begin with a scheme (a letter, then letters, digits, '+', '-', '.') and ':'"
                )
            }
            if i == n { throw SyntaxFailure(i, "missing ':' after the scheme") }
            throw SyntaxFailure(
                i,
                SyntaxFailure.describe(byte: b[i])
                    + " is not allowed in a scheme; an absolute URI must begin with a scheme followed by ':'")
        }
        try checkRest(b, from: 0, relative: true)
    }

    /// Everything after the scheme: `hier-part` (or `relative-part`), then query and fragment.
    private static func checkRest(
        _ b: UnsafeBufferPointer<UInt8>,
        from start: Int,
        relative: Bool
    ) throws(SyntaxFailure) {
        let n = b.count
        var i = start
        if n - i >= 2 && b[i] == UInt8(ascii: "/") && b[i + 1] == UInt8(ascii: "/") {
            // "//" authority path-abempty
            let authorityStart = i + 2
            var end = authorityStart
            while end < n {
                let c = b[end]
                if c == UInt8(ascii: "/") || c == UInt8(ascii: "?") || c == UInt8(ascii: "#") { break }
                end += 1
            }
            try checkAuthority(b, from: authorityStart, to: end)
            i = try scan(b, from: end, to: n, Mask.pathLo, Mask.pathHi)
        } else {
            if relative && i < n && b[i] != UInt8(ascii: "/") {
                // path-noscheme: the first segment is segment-nz-nc, which has no ':' (it would
                // read as a scheme).
                i = try scan(b, from: i, to: n, Mask.segmentNCLo, Mask.segmentNCHi)
                if i < n && b[i] == UInt8(ascii: ":") {
                    throw SyntaxFailure(
                        i,
                        "':' is not allowed in the first segment of a relative reference; prefix the path with './'"
                    )
                }
            }
            // path-absolute / path-rootless / path-empty; "//" was taken as an authority above,
            // so a path-absolute here never starts with an empty segment.
            i = try scan(b, from: i, to: n, Mask.pathLo, Mask.pathHi)
        }
        if i == n { return }
        var part = "the path"
        if b[i] == UInt8(ascii: "?") {
            i = try scan(b, from: i + 1, to: n, Mask.queryLo, Mask.queryHi)
            if i == n { return }
            part = "the query"
        }
        if b[i] == UInt8(ascii: "#") {
            i = try scan(b, from: i + 1, to: n, Mask.queryLo, Mask.queryHi)
            if i == n { return }
            if b[i] == UInt8(ascii: "#") {
                throw SyntaxFailure(i, "'#' is not allowed inside a fragment; percent-encode it as %23")
            }
            part = "the fragment"
        }
        throw badCharacter(b[i], at: i, in: part)
    }

    /// `authority = [ userinfo "@" ] host [ ":" port ]` over `b[start..<end]`.
    private static func checkAuthority(
        _ b: UnsafeBufferPointer<UInt8>,
        from start: Int,
        to end: Int
    ) throws(SyntaxFailure) {
        var hostStart = start
        var at = start
        while at < end && b[at] != UInt8(ascii: "@") { at += 1 }
        if at < end {
            // userinfo = *( unreserved / pct-encoded / sub-delims / ":" ); it has no '@', so the
            // first '@' ends it and any later '@' is a bad host character.
            let stop = try scan(b, from: start, to: at, Mask.userinfoLo, Mask.userinfoHi)
            if stop < at { throw badCharacter(b[stop], at: stop, in: "the userinfo") }
            hostStart = at + 1
        }
        let portColon: Int
        if hostStart < end && b[hostStart] == UInt8(ascii: "[") {
            var close = hostStart + 1
            while close < end && b[close] != UInt8(ascii: "]") { close += 1 }
            if close == end {
                throw SyntaxFailure(end, "missing ']' to close the IP literal")
            }
            try checkIPLiteral(b, from: hostStart + 1, to: close)
            portColon = close + 1
            if portColon < end && b[portColon] != UInt8(ascii: ":") {
                throw SyntaxFailure(
                    portColon,
                    "expected ':' and a port after the IP literal, found " + SyntaxFailure.describe(byte: b[portColon]))
            }
        } else {
            // IPv4address is a subset of reg-name, so both are checked by the reg-name rule.
            portColon = try scan(b, from: hostStart, to: end, Mask.regNameLo, Mask.regNameHi)
            if portColon < end && b[portColon] != UInt8(ascii: ":") {
                throw badCharacter(b[portColon], at: portColon, in: "the host")
            }
        }
        // port = *DIGIT
        var p = portColon + 1
        while p < end {
            if !isDigit(b[p]) {
                throw SyntaxFailure(p, "the port must be decimal digits, found " + SyntaxFailure.describe(byte: b[p]))
            }
            p += 1
        }
    }

    /// The inside of `[...]`: `IPv6address / IPvFuture`.
    private static func checkIPLiteral(
        _ b: UnsafeBufferPointer<UInt8>,
        from start: Int,
        to end: Int
    ) throws(SyntaxFailure) {
        guard start < end, (b[start] | 0x20) == UInt8(ascii: "v") else {
            try checkIPv6(b, from: start, to: end)
            return
        }
        // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
        var i = start + 1
        while i < end && isHex(b[i]) { i += 1 }
        if i == start + 1 { throw SyntaxFailure(i, "IPvFuture needs a hexadecimal version after 'v'") }
        if i == end || b[i] != UInt8(ascii: ".") { throw SyntaxFailure(i, "IPvFuture needs '.' after the version") }
        i += 1
        if i == end { throw SyntaxFailure(i, "IPvFuture needs an address after the '.'") }
        while i < end {
            if !contains(b[i], Mask.userinfoLo, Mask.userinfoHi) {
                throw badCharacter(b[i], at: i, in: "an IPvFuture address")
            }
            i += 1
        }
    }

    /// `IPv6address` of RFC 3986 Section 3.2.2: eight 16-bit groups, one optional `::`
    /// standing for one or more zero groups, and an optional trailing IPv4 address in place of
    /// the last two groups.
    private static func checkIPv6(
        _ b: UnsafeBufferPointer<UInt8>,
        from start: Int,
        to end: Int
    ) throws(SyntaxFailure) {
        var i = start
        var groups = 0
        var compression = -1  // offset of "::", if any
        if i < end && b[i] == UInt8(ascii: ":") {
            guard end - i >= 2, b[i + 1] == UInt8(ascii: ":") else {
                throw SyntaxFailure(i, "an IPv6 address cannot start with a single ':'")
            }
            compression = i
            i += 2
            if i == end { return }  // "::", the unspecified address
        }
        while true {
            let groupStart = i
            while i < end && isHex(b[i]) { i += 1 }
            if i < end && b[i] == UInt8(ascii: ".") {
                // ls32 as an IPv4 address: only in the last position, worth two groups.
                if groups + 2 > (compression < 0 ? 8 : 7) {
                    throw SyntaxFailure(groupStart, "too many groups before the embedded IPv4 address")
                }
                try checkIPv4(b, from: groupStart, to: end)
                groups += 2
                break
            }
            if i == groupStart {
                throw SyntaxFailure(
                    i,
                    i == end
                        ? "the IPv6 address ends too early"
                        : "expected a hexadecimal digit in the IPv6 address, found "
                            + SyntaxFailure.describe(byte: b[i]))
            }
            if i - groupStart > 4 {
                throw SyntaxFailure(groupStart + 4, "an IPv6 group has at most 4 hexadecimal digits")
            }
            groups += 1
            if groups > 8 { throw SyntaxFailure(groupStart, "an IPv6 address has at most 8 groups") }
            if i == end { break }
            if b[i] != UInt8(ascii: ":") {
                throw SyntaxFailure(i, SyntaxFailure.describe(byte: b[i]) + " is not allowed in an IPv6 address")
            }
            i += 1
            if i < end && b[i] == UInt8(ascii: ":") {
                if compression >= 0 { throw SyntaxFailure(i - 1, "an IPv6 address can contain '::' only once") }
                compression = i - 1
                i += 1
                if i == end { break }
            } else if i == end {
                throw SyntaxFailure(i - 1, "an IPv6 address cannot end with a single ':'")
            }
        }
        if compression >= 0 {
            if groups > 7 {
                throw SyntaxFailure(compression, "'::' must replace at least one group, but 8 groups are present")
            }
        } else if groups != 8 {
            throw SyntaxFailure(end, "an IPv6 address without '::' needs exactly 8 groups")
        }
    }

    /// `IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet`; dec-octet is 0-255
    /// without leading zeros.
    private static func checkIPv4(
        _ b: UnsafeBufferPointer<UInt8>,
        from start: Int,
        to end: Int
    ) throws(SyntaxFailure) {
        var i = start
        var octets = 0
        while true {
            let octetStart = i
            var value = 0
            while i < end && isDigit(b[i]) && i - octetStart < 4 {
                value = value * 10 + Int(b[i] &- UInt8(ascii: "0"))
                i += 1
            }
            if i == octetStart {
                throw SyntaxFailure(i, "expected a decimal octet in the IPv4 address")
            }
            if value > 255 || i - octetStart > 3 {
                throw SyntaxFailure(octetStart, "an IPv4 octet must be 0-255")
            }
            if i - octetStart > 1 && b[octetStart] == UInt8(ascii: "0") {
                throw SyntaxFailure(octetStart, "an IPv4 octet must not have leading zeros")
            }
            octets += 1
            if octets == 4 {
                if i != end {
                    throw SyntaxFailure(i, SyntaxFailure.describe(byte: b[i]) + " is not allowed after an IPv4 address")
                }
                return
            }
            if i == end || b[i] != UInt8(ascii: ".") {
                throw SyntaxFailure(i, "an IPv4 address needs four octets separated by '.'")
            }
            i += 1
        }
    }

    // MARK: - Characters

    /// Advances over bytes in the set (lo/hi masks) and valid `pct-encoded` triplets, returning
    /// the offset of the first other byte; the caller decides whether that byte is a delimiter
    /// or an error. A malformed `%` is always an error.
    @inline(__always)
    private static func scan(
        _ b: UnsafeBufferPointer<UInt8>,
        from start: Int,
        to end: Int,
        _ lo: UInt64,
        _ hi: UInt64
    ) throws(SyntaxFailure) -> Int {
        var i = start
        while i < end {
            let c = b[i]
            if contains(c, lo, hi) {
                i += 1
            } else if c == UInt8(ascii: "%") {
                guard end - i >= 3, isHex(b[i + 1]), isHex(b[i + 2]) else {
                    throw SyntaxFailure(i, "'%' must be followed by two hexadecimal digits")
                }
                i += 3
            } else {
                return i
            }
        }
        return end
    }

    /// The failure for a byte no rule admits where it stands; non-ASCII gets its own advice,
    /// since a raw UTF-8 character is the most common way a URI goes wrong.
    private static func badCharacter(_ c: UInt8, at offset: Int, in part: String) -> SyntaxFailure {
        if c >= 0x80 {
            return SyntaxFailure(
                offset,
                "non-ASCII byte in " + part + "; URIs are ASCII (IRIs are not accepted), percent-encode the UTF-8 bytes"
            )
        }
        return SyntaxFailure(offset, SyntaxFailure.describe(byte: c) + " is not allowed in " + part)
    }

    /// Bit sets over ASCII: bit `c` of `lo` for c < 64, bit `c - 64` of `hi` for 64 <= c < 128.
    /// Membership is two shifts and no memory access; bytes >= 0x80 are in no set.
    /// (The tests check every set against its RFC 3986 definition, byte by byte.)
    enum Mask {
        /// ALPHA / DIGIT / "+" / "-" / "."
        static var schemeLo: UInt64 { 0x03FF_6800_0000_0000 }
        static var schemeHi: UInt64 { 0x07FF_FFFE_07FF_FFFE }
        /// reg-name: unreserved / sub-delims
        static var regNameLo: UInt64 { 0x2BFF_7FD2_0000_0000 }
        static var regNameHi: UInt64 { 0x47FF_FFFE_87FF_FFFE }
        /// userinfo and the IPvFuture address: unreserved / sub-delims / ":"
        static var userinfoLo: UInt64 { 0x2FFF_7FD2_0000_0000 }
        static var userinfoHi: UInt64 { 0x47FF_FFFE_87FF_FFFE }
        /// segment-nz-nc: unreserved / sub-delims / "@"
        static var segmentNCLo: UInt64 { 0x2BFF_7FD2_0000_0000 }
        static var segmentNCHi: UInt64 { 0x47FF_FFFE_87FF_FFFF }
        /// path: pchar / "/" (pchar = unreserved / sub-delims / ":" / "@")
        static var pathLo: UInt64 { 0x2FFF_FFD2_0000_0000 }
        static var pathHi: UInt64 { 0x47FF_FFFE_87FF_FFFF }
        /// query and fragment: pchar / "/" / "?"
        static var queryLo: UInt64 { 0xAFFF_FFD2_0000_0000 }
        static var queryHi: UInt64 { 0x47FF_FFFE_87FF_FFFF }
    }

    /// Membership in a ``Mask`` set; shared with ``MediaTypeSyntax`` for its token set.
    @inline(__always)
    static func contains(_ c: UInt8, _ lo: UInt64, _ hi: UInt64) -> Bool {
        if c < 64 { return (lo >> UInt64(c)) & 1 != 0 }
        if c < 128 { return (hi >> UInt64(c &- 64)) & 1 != 0 }
        return false
    }

    /// ABNF ALPHA, by folding case with one OR.
    @inline(__always)
    static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) &- UInt8(ascii: "a") < 26 }

    /// ABNF DIGIT, as one unsigned comparison.
    @inline(__always)
    static func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

    /// ABNF HEXDIG; either case, since RFC 3986 hex digits are case-insensitive.
    @inline(__always)
    static func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20) &- UInt8(ascii: "a") < 6 }
}
