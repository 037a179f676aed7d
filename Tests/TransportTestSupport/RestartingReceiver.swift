#if Hummingbird
    import CloudEvents
    import CloudEventsHummingbird
    import Hummingbird
    import ServiceLifecycle

    /// A CloudEvents receiver that can be stopped and started again on the same port, recording
    /// what each run received in its own ``EventRecorder``.
    ///
    /// A run stops by graceful shutdown (the listener closes, requests being handled finish, then
    /// the connections close), not by cancelling it: cancelling a NIO server while connections
    /// are arriving can drop an accepted connection unserved, which traps in debug builds
    /// ("Deinited NIOAsyncWriter without calling finish()", apple/swift-nio#2813).
    ///
    /// The port is a ``ReservedPort`` held for the receiver's whole life, so that while it is
    /// stopped no other test's server can be given the port (and connections to it are refused,
    /// as to a receiver that is down). Every run binds it (Hummingbird sets `SO_REUSEADDR`, as the
    /// reservation does, so the reservation and connections the last run left in `TIME_WAIT` do
    /// not block it). Each event is recorded before its answer is written, so a stop can lose the
    /// answer to an event that was received: the sender cannot tell it from one that was not.
    public actor RestartingReceiver {
        /// The port every run listens on.
        public nonisolated var port: Int { reservation.port }
        /// One recorder per run, the current (or last) run's last.
        public private(set) var recorders: [EventRecorder]
        private var running: Run?
        /// Holds the port between runs, until the receiver is gone.
        private let reservation: ReservedPort

        /// One run: its service group and the task running it.
        private struct Run {
            var serviceGroup: ServiceGroup
            var task: Task<Void, any Error>
        }

        private init(reservation: ReservedPort, recorder: EventRecorder, running: Run) {
            self.reservation = reservation
            self.recorders = [recorder]
            self.running = running
        }

        /// Reserves an ephemeral port of 127.0.0.1 and starts the first run on it.
        public static func start() async throws -> RestartingReceiver {
            let reservation = try ReservedPort(allowingListener: true)
            let recorder = EventRecorder()
            let run = try await launch(port: reservation.port, recorder: recorder)
            return RestartingReceiver(reservation: reservation, recorder: recorder, running: run)
        }

        /// Stops the current run by graceful shutdown, and waits until it has.
        public func stop() async {
            guard let running else { return }
            await running.serviceGroup.triggerGracefulShutdown()
            _ = await running.task.result
            self.running = nil
        }

        /// Starts a new run on the same port, with a new recorder.
        public func restart() async throws {
            let recorder = EventRecorder()
            let run = try await Self.launch(port: port, recorder: recorder)
            recorders.append(recorder)
            running = run
        }

        /// The current run's recorder.
        public var current: EventRecorder { recorders[recorders.count - 1] }

        private static func launch(port: Int, recorder: EventRecorder) async throws -> Run {
            let (ports, portContinuation) = AsyncStream<Int>.makeStream()
            let router = Router()
            router.receiveCloudEvents(at: "/events") { event, context in
                await recorder.record(event, context)
                // A moment between recording and answering, so that a stop meets answers in flight.
                try? await Task.sleep(for: .milliseconds(2))
                return nil
            }
            let application = Application(
                router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
                onServerRunning: { channel in
                    portContinuation.yield(channel.localAddress?.port ?? 0)
                    portContinuation.finish()
                }, logger: testLogger)
            let serviceGroup = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [application], gracefulShutdownSignals: [], logger: testLogger))
            let task = Task {
                defer { portContinuation.finish() }
                try await serviceGroup.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let bound = await iterator.next(), bound == port else {
                await serviceGroup.triggerGracefulShutdown()
                let outcome = await task.result
                throw CloudEventError(
                    .transportFailed, message: "the test receiver did not start on port \(port): \(outcome)")
            }
            return Run(serviceGroup: serviceGroup, task: task)
        }
    }
#endif
