public import CloudEvents
import Testing

/// The error a throwing expression threw, as a ``CloudEvents/CloudEventError``; `nil` when it threw
/// nothing or another type (the caller's expectation on the result then fails).
public func cloudEventError(_ body: () throws -> some Any) -> CloudEventError? {
    do {
        _ = try body()
        return nil
    } catch let error as CloudEventError {
        return error
    } catch {
        return nil
    }
}

/// The same for an asynchronous operation.
public func cloudEventError(_ operation: () async throws -> Void) async -> CloudEventError? {
    do {
        try await operation()
        return nil
    } catch let error as CloudEventError {
        return error
    } catch {
        return nil
    }
}

/// The error `body` threw, as a ``CloudEvents/CloudEventError``; `nil` if it did not throw. Another
/// error type is recorded as an issue: the library throws no other.
public func thrownCloudEventError(_ body: () throws -> some Any) -> CloudEventError? {
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

/// The same for an asynchronous operation.
public func thrownCloudEventError(_ operation: () async throws -> Void) async -> CloudEventError? {
    do {
        try await operation()
        return nil
    } catch let error as CloudEventError {
        return error
    } catch {
        Issue.record("threw \(type(of: error)), not CloudEventError: \(error)")
        return nil
    }
}
