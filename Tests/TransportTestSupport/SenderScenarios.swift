public import CloudEvents

/// Scenarios every sender must pass, written once against ``CloudEvents/CloudEventSender``.
public enum SenderScenarios {
    /// What ``sendWhileShuttingDown(_:count:recorder:shutdown:)`` saw.
    public struct ShutdownOutcome: Sendable {
        /// Sends that returned normally.
        public var delivered = 0
        /// Sends that threw ``CloudEvents/CloudEventError/Code/shutDown``.
        public var refused = 0
        /// The events the receiver had when shutdown began.
        public var receivedWhenShutdownBegan = 0
    }

    /// Starts `count` sends spread over about `count` × 5 ms and shuts the sender down once the
    /// receiver has 20, so that shutdown meets sends running, queued and not yet started. Every
    /// send must return or throw `shutDown`; any other error fails the scenario.
    public static func sendWhileShuttingDown(
        _ sender: some CloudEventSender, count: Int = 200, recorder: EventRecorder,
        shutdown: @escaping @Sendable () async -> Void
    ) async throws -> ShutdownOutcome {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<count {
                group.addTask {
                    try await Task.sleep(for: .milliseconds(5 * index))
                    do {
                        _ = try await sender.send(TestEvents.small(index))
                        return true
                    } catch let error as CloudEventError where error.code == .shutDown {
                        return false
                    }
                }
            }
            var outcome = ShutdownOutcome()
            while await recorder.count < 20 { try await Task.sleep(for: .milliseconds(5)) }
            outcome.receivedWhenShutdownBegan = await recorder.count
            await shutdown()
            for try await reached in group {
                if reached { outcome.delivered += 1 } else { outcome.refused += 1 }
            }
            return outcome
        }
    }

    /// Sends `tasks` × `sendsPerTask` distinct events from `tasks` concurrent tasks; returns
    /// their ids.
    public static func sendConcurrently(_ sender: some CloudEventSender, tasks: Int = 50, sendsPerTask: Int = 20)
        async throws -> [String]
    {
        try await withThrowingTaskGroup(of: [String].self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var ids: [String] = []
                    for index in 0..<sendsPerTask {
                        let event = TestEvents.small(task * sendsPerTask + index)
                        _ = try await sender.send(event)
                        ids.append(event.id)
                    }
                    return ids
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }
}
