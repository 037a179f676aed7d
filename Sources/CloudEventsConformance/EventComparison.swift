import CloudEvents

/// Compares a decoded event with what a case expects, as readable differences.
enum EventComparison {
    /// Differences between `expected` (name → canonical string) and every attribute `actual`
    /// has: missing ones, extra ones and different values.
    ///
    /// In 0.3 the model reports `datacontentencoding: base64` for any binary data: it is derived
    /// from the data, not carried by HTTP binary mode, so it counts only when the case names it.
    static func attributeDifferences(expected: [String: String], actual event: CloudEvent) -> [String] {
        var actual: [String: String] = [:]
        for (name, value) in event.attributes {
            let derived = event.specVersion == .v0_3 && name == "datacontentencoding" && event.data?.kind == .binary
            if derived && expected[name] == nil { continue }
            actual[name] = value.canonicalString
        }
        var differences: [String] = []
        for name in Set(expected.keys).union(actual.keys).sorted() {
            switch (expected[name], actual[name]) {
            case (let want?, nil):
                differences.append("attribute \(name) is missing (expected \(quoted(want)))")
            case (nil, let got?):
                differences.append("unexpected attribute \(name) = \(quoted(got))")
            case (let want?, let got?) where want != got:
                differences.append("attribute \(name) is \(quoted(got)), expected \(quoted(want))")
            default:
                break
            }
        }
        return differences
    }

    /// Differences between the expected and the decoded data: presence, kind, and content
    /// (JSON as values, text and binary as bytes).
    static func dataDifferences(expected: CloudEventData?, actual: CloudEventData?) -> [String] {
        switch (expected, actual) {
        case (nil, nil):
            return []
        case (let want?, nil):
            return ["data is missing (expected \(summary(want)))"]
        case (nil, let got?):
            return ["unexpected data \(summary(got))"]
        case (let want?, let got?):
            var differences: [String] = []
            if want.kind != got.kind {
                differences.append("data is \(got.kind.rawValue), expected \(want.kind.rawValue)")
            }
            if want.kind == .json {
                differences += jsonDifferences(expectedJSON: Array(want.bytes), actual: got)
            } else if let byteDifference = byteDifference(expected: want.bytes, actual: got.bytes) {
                differences.append(byteDifference)
            }
            return differences
        }
    }

    /// Differences between expected JSON text and the decoded data's bytes, compared as JSON
    /// values; the kind is not checked here.
    static func jsonDifferences(expectedJSON: [UInt8], actual: CloudEventData?) -> [String] {
        guard let actual else { return ["data is missing (expected JSON \(preview(expectedJSON[...])))"] }
        let want: JSONValue
        do {
            want = try JSONValue.parse(expectedJSON)
        } catch {
            return ["the expected data is not JSON: \(error)"]
        }
        do {
            let got = try JSONValue.parse(actual.bytes)
            return got == want ? [] : ["data is JSON \(preview(actual.bytes)), expected \(preview(expectedJSON[...]))"]
        } catch {
            return ["data is not JSON (\(error)): \(preview(actual.bytes)), expected \(preview(expectedJSON[...]))"]
        }
    }

    /// Where two byte sequences first differ, or `nil` when they are equal.
    static func byteDifference(expected: ArraySlice<UInt8>, actual: ArraySlice<UInt8>) -> String? {
        guard !expected.elementsEqual(actual) else { return nil }
        let offset = zip(expected, actual).prefix { $0 == $1 }.count
        return "data differs at byte \(offset): got \(actual.count) bytes \(preview(actual)),"
            + " expected \(expected.count) bytes \(preview(expected))"
    }

    static func summary(_ data: CloudEventData) -> String {
        "\(data.kind.rawValue) \(preview(data.bytes))"
    }

    /// The bytes as a quoted, escaped string (invalid UTF-8 shown as U+FFFD), cut at 120 characters.
    static func preview(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return quoted(text.count > 120 ? String(text.prefix(120)) + "…" : text)
    }

    /// A value in quotes with control characters escaped, so a stray newline is visible.
    static func quoted(_ text: String) -> String {
        text.debugDescription
    }
}
