public import CloudEvents
import Testing

/// Scenarios every sender must pass, written once against ``CloudEvents/CloudEventSender``.
public enum SenderScenarios {
    /// What ``sendWhileShuttingDown(_:count:recorder:shutdown:)`` saw.
    public struct ShutdownOutcome: Sendable {
        /// Sends that returned normally.
        public var delivered = 0
        /// Sends that threw ``CloudEvents/CloudEventError/Code/shutDown``.
        public var refused = 0
        /// Of ``refused``, the sends a shutdown cancelled after their first attempt had begun
        /// (`attempts` > 0): the peer may have received those.
        public var cancelledWhileRunning = 0
        /// The events the receiver had when shutdown began.
        public var receivedWhenShutdownBegan = 0
    }

    /// Starts `count` sends spread over about `count` × 5 ms and shuts the sender down once the
    /// receiver has 20, so that shutdown meets sends running, queued and not yet started. Every
    /// send must return or throw `shutDown`; any other error fails the scenario. Should every send
    /// end before the receiver has 20 events (it never will then), the scenario fails instead of
    /// waiting.
    public static func sendWhileShuttingDown(
        _ sender: some CloudEventSender, count: Int = 200, recorder: EventRecorder,
        shutdown: @escaping @Sendable () async -> Void
    ) async throws -> ShutdownOutcome {
        let ended = RequestCounter()
        return try await withThrowingTaskGroup(of: Int?.self) { group in
            for index in 0..<count {
                group.addTask {
                    try await Task.sleep(for: .milliseconds(5 * index))
                    do {
                        _ = try await sender.send(TestEvents.small(index))
                        await ended.next()
                        return nil
                    } catch let error as CloudEventError where error.code == .shutDown {
                        await ended.next()
                        return error.attempts ?? 0
                    } catch {
                        await ended.next()
                        throw error
                    }
                }
            }
            var outcome = ShutdownOutcome()
            while await recorder.count < 20 {
                guard await ended.count < count else {
                    Issue.record("all \(count) sends ended, but the receiver has only \(await recorder.count) events")
                    break
                }
                try await Task.sleep(for: .milliseconds(5))
            }
            outcome.receivedWhenShutdownBegan = await recorder.count
            await shutdown()
            for try await refusedAfterAttempts in group {
                guard let attempts = refusedAfterAttempts else {
                    outcome.delivered += 1
                    continue
                }
                outcome.refused += 1
                if attempts > 0 { outcome.cancelledWhileRunning += 1 }
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
