#if Hummingbird
    public import CloudEvents
    import CloudEventsHTTP
    public import CloudEventsTransport
    import CoreTestSupport
    import Testing

    /// Scenarios with a faulty peer, written once against ``CloudEvents/CloudEventSender`` and
    /// checked here, so every sender is held to the same outcome: each send is acknowledged or
    /// throws a typed error, in time, and the counts reconcile with what the peer saw.
    extension SenderScenarios {
        /// The peer resets the connection (RST) after the request head and part of a 1 MiB body,
        /// on every attempt: the send ends with ``CloudEvents/CloudEventError/Code/connectionFailed``
        /// after the whole retry budget, each attempt one the server reset, before the sender's
        /// deadline: an attempt that hung would end in
        /// ``CloudEvents/CloudEventError/Code/deadlineExceeded`` instead (the sender races every
        /// attempt against its deadline), so the error's code is the check that none did.
        public static func resetMidBody(
            _ sender: some CloudEventSender, server: FaultServer, maximumAttempts: Int
        ) async throws {
            let event = try TestEvents.event(.oneMebibyteBinary)
            let error = await thrownCloudEventError { _ = try await sender.send(event) }
            #expect(error?.code == .connectionFailed, "\(String(describing: error))")
            #expect(error?.attempts == maximumAttempts)
            #expect(error?.status == nil)
            #expect(server.seen.faults == maximumAttempts, "every attempt reached the body and was reset")
        }

        /// The peer answers every request with `answer`, a malformed HTTP response: the send ends
        /// with ``CloudEvents/CloudEventError/Code/connectionFailed`` (no usable answer: retried like
        /// a broken connection) after the whole retry budget, without a status, before the
        /// sender's deadline (a hung attempt would end in
        /// ``CloudEvents/CloudEventError/Code/deadlineExceeded``).
        public static func malformedAnswer(
            _ sender: some CloudEventSender, server: FaultServer, answer: MalformedAnswer, maximumAttempts: Int
        ) async throws {
            let error = await thrownCloudEventError { _ = try await sender.send(TestEvents.small()) }
            #expect(error?.code == .connectionFailed, "\(answer): \(String(describing: error))")
            #expect(error?.attempts == maximumAttempts, "\(answer)")
            #expect(error?.status == nil, "\(answer)")
            #expect(server.seen.faults == maximumAttempts, "\(answer): one malformed answer per attempt")
        }

        /// `count` concurrent sends into a storm of `500`, `502` and `503` answers (``StormLog``):
        /// each send succeeds exactly when its last answer was a `2xx`; otherwise it throws
        /// ``CloudEvents/CloudEventError/Code/rejectedByPeer`` with the last status. `500` is never
        /// retried (the policy retries only 408, 429, 502, 503 and 504); `502`/`503` are retried
        /// until the budget is used up. Successes equal the events the peer accepted, and successes
        /// plus failures equal `count`.
        ///
        /// The attempts a failure reports are the sender's: every request the peer saw with its id,
        /// and any attempt that failed before reaching the peer (a connection failure, retried
        /// against the same budget: on a loaded machine, say, a connect that timed out). The peer
        /// cannot count those, so each failure must report at least as many attempts as the peer
        /// saw requests, at most the budget, and exactly the budget when it ended on a retryable
        /// status.
        public static func serverErrorStorm(
            _ sender: some CloudEventSender, log: StormLog, count: Int = 200, maximumAttempts: Int
        ) async throws {
            let outcomes = try await withThrowingTaskGroup(of: (String, CloudEventError?).self) { group in
                for index in 0..<count {
                    group.addTask {
                        let event = TestEvents.small(index)
                        return (event.id, await thrownCloudEventError { _ = try await sender.send(event) })
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let answers = await log.answers
            var succeeded: Set<String> = []
            var stoppedAt500 = 0
            var budgetUsedUp = 0
            var attemptsThePeerDidNotSee = 0
            for (id, error) in outcomes {
                let statuses = answers[id] ?? []
                #expect(!statuses.isEmpty, "the peer saw every send")
                #expect(
                    statuses.dropLast().allSatisfy(HTTPRetryableStatuses.contains),
                    "only retryable statuses were retried: \(statuses)")
                guard let error else {
                    #expect(statuses.last.map { (200...299).contains($0) } == true, "a success ended in 2xx")
                    succeeded.insert(id)
                    continue
                }
                #expect(error.code == .rejectedByPeer, "\(error)")
                #expect(error.status == statuses.last, "the error carries the last status")
                guard let attempts = error.attempts else {
                    Issue.record("a failure without its number of attempts: \(error)")
                    continue
                }
                #expect(
                    (statuses.count...maximumAttempts).contains(attempts),
                    "attempts reported (\(attempts)) cover the requests the peer saw (\(statuses)), within the budget")
                attemptsThePeerDidNotSee += attempts - statuses.count
                if error.status == 500 {
                    stoppedAt500 += 1
                } else {
                    #expect(error.status.map(HTTPRetryableStatuses.contains) == true)
                    #expect(attempts == maximumAttempts, "a retryable status fails only at the budget")
                    budgetUsedUp += 1
                }
            }
            let accepted = Set(await log.accepted)
            let sent = Set(outcomes.map(\.0))
            #expect(outcomes.count == count && sent.count == count)
            #expect(succeeded == accepted, "acknowledged == accepted by the peer")
            #expect(succeeded.count + stoppedAt500 + budgetUsedUp == count)
            #expect(Set(answers.keys).isSubset(of: sent), "the peer saw only sent ids")
            // The storm must have produced each outcome, or the scenario proved less than it says.
            #expect(!succeeded.isEmpty && stoppedAt500 > 0 && budgetUsedUp > 0)
            print(
                "serverErrorStorm: \(succeeded.count) acknowledged, \(stoppedAt500) stopped at 500, \(budgetUsedUp) used"
                    + " up the budget; \(await log.requests) requests, \(attemptsThePeerDidNotSee) failed attempts the peer"
                    + " did not see")
        }

        /// What ``sendThroughRestart(_:receiver:tasks:sendsPerTask:stopAfter:downtime:)`` saw.
        public struct RestartOutcome: Sendable, CustomStringConvertible {
            /// Sends that returned normally.
            public var acknowledged = 0
            /// Sends that threw a ``CloudEvents/CloudEventError``.
            public var failed = 0
            /// Events received more than once (the answer to an earlier attempt was lost).
            public var duplicates = 0
            /// Events the run that was stopped received, and the run after it.
            public var receivedPerRun: [Int] = []

            /// A one-line summary.
            public var description: String {
                "acknowledged \(acknowledged), failed \(failed), duplicates \(duplicates), received per run \(receivedPerRun)"
            }
        }

        /// A retry policy that outlasts a receiver's restart on any machine, however busy: for
        /// ``sendThroughRestart(_:receiver:tasks:sendsPerTask:stopAfter:downtime:)``. The restart
        /// takes a few hundred milliseconds; a thousand attempts, their back-off jittered up to
        /// 100 ms, wait out close to a minute, so a send that still fails is a bug, not a slow run.
        public static let restartRetryPolicy = RetryPolicy(
            maximumAttempts: 1000, initialBackoff: .milliseconds(10), maximumBackoff: .milliseconds(100))

        /// `tasks` × `sendsPerTask` events sent from `tasks` concurrent tasks while the receiver is
        /// stopped (once it has `stopAfter` events) and started again on the same port `downtime`
        /// later. Delivery is at least once: every send is acknowledged or throws a
        /// ``CloudEvents/CloudEventError``, and the two add up to the number sent; every
        /// acknowledged event was received; nothing was received that was not sent; an event is
        /// received twice only when one copy went to the run that was stopped (whose answer could
        /// be lost), never twice by the run that was not.
        public static func sendThroughRestart(
            _ sender: some CloudEventSender, receiver: RestartingReceiver, tasks: Int = 50, sendsPerTask: Int = 10,
            stopAfter: Int = 150, downtime: Duration = .milliseconds(200)
        ) async throws -> RestartOutcome {
            let total = tasks * sendsPerTask
            let ended = RequestCounter()
            let results = try await withThrowingTaskGroup(of: [(String, CloudEventError?)].self) { group in
                for task in 0..<tasks {
                    group.addTask {
                        var results: [(String, CloudEventError?)] = []
                        for index in 0..<sendsPerTask {
                            let event = TestEvents.small(task * sendsPerTask + index)
                            results.append((event.id, await thrownCloudEventError { _ = try await sender.send(event) }))
                            await ended.next()
                        }
                        return results
                    }
                }
                group.addTask {
                    let first = await receiver.current
                    // Once every send has ended, the first run can receive no more: stop waiting
                    // (the expectation on the first run's count below then fails).
                    while await first.count < stopAfter, await ended.count < total {
                        try await Task.sleep(for: .milliseconds(1))
                    }
                    await receiver.stop()
                    try await Task.sleep(for: downtime)
                    try await receiver.restart()
                    return []
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            var runs: [[String]] = []
            for recorder in await receiver.recorders { runs.append(await recorder.ids) }
            let sent = Set(results.map(\.0))
            let received = runs.flatMap { $0 }
            let acknowledged = Set(results.filter { $0.1 == nil }.map(\.0))
            var outcome = RestartOutcome()
            outcome.acknowledged = acknowledged.count
            outcome.failed = results.count - acknowledged.count
            outcome.duplicates = received.count - Set(received).count
            outcome.receivedPerRun = runs.map(\.count)

            #expect(runs.count == 2, "the receiver was restarted")
            #expect((runs.first?.count ?? 0) >= stopAfter)
            #expect(results.count == total && sent.count == total)
            #expect(outcome.acknowledged + outcome.failed == total, "\(outcome)")
            #expect(acknowledged.isSubset(of: Set(received)), "every acknowledged event was received")
            #expect(Set(received).isSubset(of: sent), "nothing was received that was not sent")
            let lastRun = runs.last ?? []
            #expect(Set(lastRun).count == lastRun.count, "the run that was not stopped received nothing twice")
            var seen: [String: Int] = [:]
            for id in received { seen[id, default: 0] += 1 }
            let firstRun = Set(runs.first ?? [])
            for (id, copies) in seen where copies > 1 {
                #expect(firstRun.contains(id), "a duplicate has a copy in the stopped run: \(id)")
            }
            for case (_, let error?) in results {
                #expect(
                    [.connectionFailed, .deadlineExceeded].contains(error.code), "a failed send's error: \(error)")
            }
            print("sendThroughRestart: \(outcome)")
            return outcome
        }
    }
#endif
