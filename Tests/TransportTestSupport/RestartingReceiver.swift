#if Hummingbird
    import CloudEvents
    import Hummingbird

    /// A CloudEvents receiver that can be stopped and started again on the same port, recording
    /// what each run received in its own ``EventRecorder``.
    ///
    /// The first run binds an ephemeral port; later runs bind that port again (Hummingbird sets
    /// `SO_REUSEADDR`, so connections the last run left in `TIME_WAIT` do not block it). Each
    /// event is recorded before its answer is written, so a stop can lose the answer to an event
    /// that was received: the sender cannot tell it from one that was not.
    public actor RestartingReceiver {
        /// The port every run listens on.
        public let port: Int
        /// One recorder per run, the current (or last) run's last.
        public private(set) var recorders: [EventRecorder]
        private var running: Task<Void, any Error>?

        private init(port: Int, recorder: EventRecorder, running: Task<Void, any Error>) {
            self.port = port
            self.recorders = [recorder]
            self.running = running
        }

        /// Starts the first run on an ephemeral port of 127.0.0.1.
        public static func start() async throws -> RestartingReceiver {
            let recorder = EventRecorder()
            let (task, port) = try await launch(port: 0, recorder: recorder)
            return RestartingReceiver(port: port, recorder: recorder, running: task)
        }

        /// Stops the current run (Hummingbird's shutdown: the listener closes, connections end).
        public func stop() async {
            running?.cancel()
            _ = await running?.result
            running = nil
        }

        /// Starts a new run on the same port, with a new recorder.
        public func restart() async throws {
            let recorder = EventRecorder()
            let (task, _) = try await Self.launch(port: port, recorder: recorder)
            recorders.append(recorder)
            running = task
        }

        /// The current run's recorder.
        public var current: EventRecorder { recorders[recorders.count - 1] }

        private static func launch(port: Int, recorder: EventRecorder) async throws -> (Task<Void, any Error>, Int) {
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
            let task = Task {
                defer { portContinuation.finish() }
                try await application.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let bound = await iterator.next(), bound > 0 else {
                task.cancel()
                let outcome = await task.result
                throw CloudEventError(
                    .transportFailed, message: "the test receiver did not start on port \(port): \(outcome)")
            }
            return (task, bound)
        }
    }
#endif
