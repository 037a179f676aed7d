import CloudEvents

/// Stops the fuzzer with a message when an invariant does not hold.
///
/// libFuzzer treats the crash as a finding and saves the input (`crash-<sha1>`); the message says
/// which invariant broke.
public func invariant(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    if !condition() {
        fatalError("invariant broken: \(message())", file: file, line: line)
    }
}

/// Runs `body` and stops the fuzzer if it throws: for operations that must succeed.
public func mustSucceed<R>(
    _ what: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line, _ body: () throws -> R
) -> R {
    do {
        return try body()
    } catch {
        fatalError("\(what()) threw: \(error)", file: file, line: line)
    }
}

/// An event rendered for a crash message: every attribute with its type, and the data.
public func dump(_ event: CloudEvent) -> String {
    var lines = ["specversion=\(event.specVersion.rawValue)"]
    for (name, value) in event.attributes {
        lines.append("\(name)=\(value.type):\(String(reflecting: value.canonicalString))")
    }
    if let data = event.data {
        lines.append("data=\(data.kind):\(Array(data.bytes))")
    }
    return "{" + lines.joined(separator: ", ") + "}"
}

/// The event as HTTP binary mode delivers it: every extension a String in its canonical form.
public func withStringExtensions(_ event: CloudEvent) -> CloudEvent {
    var copy = event
    for (name, value) in event.extensions {
        copy[extension: name] = .string(value.canonicalString)
    }
    return copy
}

/// Every `CloudEventError` the library throws; anything else is a finding.
public func asCloudEventError(_ error: any Error, _ context: @autoclosure () -> String) -> CloudEventError {
    guard let error = error as? CloudEventError else {
        fatalError("\(context()) threw \(type(of: error)), not CloudEventError: \(error)")
    }
    // Exercise the rendering a receiver logs or answers with.
    _ = error.description
    return error
}

/// Reads every public view of an event, so that a decoded event whose buffers are inconsistent
/// crashes here (with AddressSanitizer's report) rather than in a user's handler.
public func touchEveryView(_ event: CloudEvent) {
    _ = event.id
    _ = event.source
    _ = event.type
    _ = event.subject
    _ = event.dataContentType
    _ = event.dataSchema
    _ = event.time?.rfc3339
    _ = event.data?.description
    _ = event.attributes
    _ = event.hashValue
    _ = event.validationErrors
}
