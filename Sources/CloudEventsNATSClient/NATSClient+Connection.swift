#if NATS
    import Logging
    import NIOConcurrencyHelpers
    import NIOCore
    import NIOPosix

    extension NATSClient {
        /// Connects to the first server of ``Configuration/servers`` that completes the handshake.
        ///
        /// After this returns, a lost connection is reconnected as ``Configuration/reconnect``
        /// says.
        ///
        /// - Throws: ``NATSClientError/Code/authorizationViolation`` when the server refuses the
        ///   credentials, ``NATSClientError/Code/tlsRequired``, ``NATSClientError/Code/closed``, or
        ///   ``NATSClientError/Code/noServerAvailable`` when no server answered.
        public func connect() async throws(NATSClientError) {
            let servers: [NATSServerAddress] = try withState { (state) throws(NATSClientError) in
                switch state.phase {
                case .idle: break
                case .closed, .closing, .draining: throw NATSClientError(.closed, "the client is closed")
                case .connecting, .connected, .reconnecting:
                    throw NATSClientError(.invalidArgument, "connect() was already called")
                }
                state.phase = .connecting
                return state.servers
            }
            var failures: [String] = []
            var refusal: NATSClientError?
            for server in servers {
                do throws(NATSClientError) {
                    try await establish(server, isReconnect: false)
                    return
                } catch {
                    failures.append("\(server): \(error)")
                    if error.code == .authorizationViolation || error.code == .tlsRequired { refusal = error }
                    if error.code == .closed { throw error }
                }
            }
            state.withLockedValue { if $0.phase == .connecting { $0.phase = .idle } }
            if let refusal { throw refusal }
            throw NATSClientError(
                .noServerAvailable,
                servers.isEmpty ? "no server is configured" : "no server answered: \(failures.joined(separator: "; "))")
        }

        /// The `CONNECT` options for `server`: its URL's credentials, or the configuration's.
        private func connectOptions(for server: NATSServerAddress) -> NATSConnectOptions {
            var options = NATSConnectOptions(name: configuration.name, echo: configuration.echo)
            if let user = server.user {
                if let password = server.password {
                    options.user = user
                    options.pass = password
                } else {
                    options.authToken = user
                }
                return options
            }
            switch configuration.authentication {
            case .none: break
            case .token(let token): options.authToken = token
            case .userPassword(let user, let password):
                options.user = user
                options.pass = password
            }
            return options
        }

        /// Connects to `server`, performs the handshake and makes the connection the client's.
        private func establish(_ server: NATSServerAddress, isReconnect: Bool) async throws(NATSClientError) {
            let loop = eventLoopGroup.next()
            let handshake = loop.makePromise(of: NATSServerInfo.self)
            let options = connectOptions(for: server)
            let limits = configuration.parserLimits
            let bootstrap = ClientBootstrap(group: loop)
                .connectTimeout(TimeAmount(configuration.connectTimeout))
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            NATSConnectionHandler(client: self, options: options, limits: limits, handshake: handshake))
                    }
                }
            let channel: any Channel
            do {
                channel = try await bootstrap.connect(host: server.host, port: server.port).get()
            } catch {
                let failure = NATSClientError(.connectionLost, "could not connect to \(server): \(error)")
                handshake.fail(failure)
                throw failure
            }
            let timeout = configuration.connectTimeout
            let deadline = loop.scheduleTask(in: TimeAmount(timeout)) {
                handshake.fail(NATSClientError(.timeout, "the handshake with \(server) took longer than \(timeout)"))
            }
            let info: NATSServerInfo
            do {
                info = try await handshake.futureResult.get()
                deadline.cancel()
            } catch {
                deadline.cancel()
                channel.close(promise: nil)
                throw error as? NATSClientError ?? NATSClientError(.connectionLost, "\(error)")
            }
            try install(channel, server: server, info: info, isReconnect: isReconnect)
        }

        /// Makes an established connection the client's: subscribes again, then writes what was
        /// buffered.
        private func install(
            _ channel: any Channel, server: NATSServerAddress, info: NATSServerInfo, isReconnect: Bool
        ) throws(NATSClientError) {
            let interval = TimeAmount(configuration.pingInterval)
            let installed: Bool = state.withLockedValue { state in
                switch state.phase {
                case .closed, .closing, .idle: return false
                case .connecting, .reconnecting, .draining, .connected: break
                }
                var restore = channel.allocator.buffer(capacity: state.outbound.readableBytes + 256)
                if state.phase != .draining {
                    for (sid, subscription) in state.subscriptions.sorted(by: { $0.key < $1.key }) {
                        NATSClientOperations.writeSubscribe(
                            into: &restore, subject: subscription.subject, queueGroup: subscription.queueGroup, sid: sid
                        )
                        if let maximum = subscription.maximum {
                            NATSClientOperations.writeUnsubscribe(
                                into: &restore, sid: sid, after: maximum - subscription.delivered)
                        }
                    }
                    if let inbox = state.inbox {
                        NATSClientOperations.writeSubscribe(
                            into: &restore, subject: inbox.prefix + "*", queueGroup: nil, sid: inbox.sid)
                    }
                }
                restore.writeImmutableBuffer(state.outbound)
                state.outbound = restore
                state.channel = channel
                state.server = server
                state.info = info
                if state.phase != .draining { state.phase = .connected }
                state.outstandingKeepAlives = 0
                state.sentPings = 0
                // Whatever an earlier connection scheduled finds another channel and writes nothing.
                state.flushScheduled = true
                state.reconnectTask = nil
                if isReconnect { state.statistics.reconnects += 1 }
                state.keepAlive = channel.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
                    self.keepAlive(channel)
                }
                return true
            }
            guard installed else {
                channel.close(promise: nil)
                throw NATSClientError(.closed, "the client was closed while it connected")
            }
            // A connection that closed between the handshake and now was ignored by
            // `connectionLost` (it was not the client's yet): handle its loss here.
            if !channel.isActive {
                connectionLost(channel)
                return
            }
            received(.info(info), on: channel)
            scheduleWrite(on: channel)
            logger.info(isReconnect ? "reconnected" : "connected", metadata: ["server": "\(server)"])
            emit(isReconnect ? .reconnected(server) : .connected(server))
        }

        /// Sends a keep-alive `PING`, or closes the connection when too many went unanswered.
        private func keepAlive(_ channel: any Channel) {
            let maximum = configuration.maximumOutstandingPings
            let (stale, write): (Bool, (any Channel)?) = state.withLockedValue { state in
                guard state.channel === channel else { return (false, nil) }
                guard state.outstandingKeepAlives < maximum else { return (true, nil) }
                state.outstandingKeepAlives += 1
                _ = state.appendPing(nil)
                return (false, Self.claimFlush(&state))
            }
            if stale {
                logger.warning("the server did not answer \(maximum) PINGs: reconnecting")
                channel.close(promise: nil)
            }
            if let write { scheduleWrite(on: write) }
        }

        /// Called by the connection's handler when the established connection closed.
        func connectionLost(_ channel: any Channel) {
            enum Next {
                case ignore
                case reconnect([CheckedContinuation<Void, any Error>])
                case close
            }
            let reconnectPolicy = configuration.reconnect
            let next: Next = state.withLockedValue { state in
                guard state.channel === channel else { return .ignore }
                state.channel = nil
                state.keepAlive?.cancel()
                state.keepAlive = nil
                state.flushScheduled = false
                switch state.phase {
                case .closed: return .ignore
                case .closing, .draining: return .close
                case .idle, .connecting, .connected, .reconnecting: break
                }
                guard reconnectPolicy.isEnabled else { return .close }
                state.phase = .reconnecting
                return .reconnect(state.takeSentPings())
            }
            switch next {
            case .ignore:
                return
            case .close:
                logger.warning("the connection is lost and the client does not reconnect")
                emit(.disconnected)
                shutDown(NATSClientError(.connectionLost, "the connection to the server was lost"))
            case .reconnect(let lost):
                logger.warning("the connection is lost: reconnecting")
                emit(.disconnected)
                for continuation in lost {
                    continuation.resume(
                        throwing: NATSClientError(.connectionLost, "the connection was lost before the server answered")
                    )
                }
                let task = Task { await self.reconnect() }
                state.withLockedValue { state in
                    if state.phase == .reconnecting { state.reconnectTask = task } else { task.cancel() }
                }
            }
        }

        /// Tries the servers in turn, with the policy's backoff, until one takes the connection.
        private func reconnect() async {
            let policy = configuration.reconnect
            var attempt = 0
            var index = state.withLockedValue { state in
                (state.servers.firstIndex { $0.host == state.server?.host && $0.port == state.server?.port } ?? -1) + 1
            }
            var generator = SystemRandomNumberGenerator()
            while !Task.isCancelled {
                attempt += 1
                if let maximum = policy.maximumAttempts, attempt > maximum {
                    logger.error("reconnecting gave up after \(maximum) attempts")
                    shutDown(NATSClientError(.noServerAvailable, "reconnecting gave up after \(maximum) attempts"))
                    return
                }
                let delay = policy.delayBeforeAttempt(attempt, random: Double.random(in: 0...1, using: &generator))
                if delay > .zero {
                    do { try await Task.sleep(for: delay) } catch { return }
                }
                let server: NATSServerAddress? = state.withLockedValue { state in
                    guard state.phase == .reconnecting || state.phase == .draining, !state.servers.isEmpty else {
                        return nil
                    }
                    return state.servers[index % state.servers.count]
                }
                guard let server else { return }
                index += 1
                do throws(NATSClientError) {
                    try await establish(server, isReconnect: true)
                    return
                } catch {
                    logger.debug("reconnect attempt failed", metadata: ["server": "\(server)", "error": "\(error)"])
                    if error.code == .closed { return }
                }
            }
        }

        /// Closes the client now: fails every waiting flush and request, ends every subscription
        /// (messages already received stay readable), and closes the connection.
        public func close() async {
            let channel = shutDown(NATSClientError(.closed, "the client was closed"))
            if let channel { try? await channel.close() }
        }

        /// Stops taking messages, finishes those in hand, writes what was published, then closes.
        ///
        /// 1. Every subscription is unsubscribed (`UNSUB`), and a `PING`/`PONG` round trip makes sure
        ///    every message the server sent before it has arrived.
        /// 2. The subscriptions end: their consumers read what they hold, then see the end of the
        ///    sequence. The drain waits until every subscription that is being iterated has been
        ///    read to its end (or `timeout` passed); publishes are still accepted until then, so
        ///    that a consumer can reply to what it handles.
        /// 3. New publishes are refused, a last round trip makes sure the server has every
        ///    publish, and the connection closes.
        ///
        /// - Throws: the ``NATSClientError`` of a round trip that failed (the client is closed anyway).
        public func drain(timeout: Duration? = nil) async throws(NATSClientError) {
            let channel: (any Channel)? = try withState { (state) throws(NATSClientError) in
                switch state.phase {
                case .idle, .connecting: throw NATSClientError(.notConnected, "the client is not connected")
                case .draining, .closing, .closed: throw NATSClientError(.closed, "the client is closed or draining")
                case .connected, .reconnecting: break
                }
                let connected = state.phase == .connected
                state.phase = .draining
                if connected {
                    for sid in state.subscriptions.keys.sorted() {
                        NATSClientOperations.writeUnsubscribe(into: &state.outbound, sid: sid)
                    }
                }
                return Self.claimFlush(&state)
            }
            if let channel { scheduleWrite(on: channel) }
            var failure: NATSClientError?
            do throws(NATSClientError) { try await flush(timeout: timeout) } catch { failure = error }
            let subscriptions = state.withLockedValue { state in
                defer { state.subscriptions = [:] }
                return Array(state.subscriptions.values)
            }
            for subscription in subscriptions { subscription.continuation.finish() }
            // The consumers finish the messages in hand, and may still publish meanwhile.
            let waitTime = timeout ?? configuration.flushTimeout
            let deadline = eventLoopGroup.any().scheduleTask(in: TimeAmount(waitTime)) {
                for subscription in subscriptions { subscription.progress.release() }
            }
            for subscription in subscriptions { await subscription.progress.waitUntilConsumed() }
            deadline.cancel()
            state.withLockedValue { if $0.phase == .draining { $0.phase = .closing } }
            if failure == nil {
                do throws(NATSClientError) { try await roundTrip(timeout: timeout, whileClosing: true) } catch {
                    failure = error
                }
            }
            await close()
            if let failure { throw failure }
        }

        /// Marks the client closed and fails or ends everything waiting on it; returns the channel
        /// to close.
        @discardableResult
        func shutDown(_ error: NATSClientError) -> (any Channel)? {
            struct Taken {
                var channel: (any Channel)?
                var pings: [CheckedContinuation<Void, any Error>] = []
                var requests: [CheckedContinuation<NATSReceivedMessage, any Error>] = []
                var subscriptions: [AsyncStream<NATSReceivedMessage>.Continuation] = []
                var reconnectTask: Task<Void, Never>?
                var wasOpen = false
            }
            let taken: Taken = state.withLockedValue { state in
                var taken = Taken(channel: state.channel)
                taken.wasOpen = state.phase != .closed
                state.phase = .closed
                state.channel = nil
                state.keepAlive?.cancel()
                state.keepAlive = nil
                taken.pings = state.pings.compactMap(\.continuation)
                state.pings.removeAll()
                state.sentPings = 0
                taken.requests = state.inbox.map { Array($0.waiters.values) } ?? []
                state.inbox?.waiters = [:]
                state.inbox?.deadlines = [:]
                taken.subscriptions = state.subscriptions.values.map(\.continuation)
                state.subscriptions = [:]
                taken.reconnectTask = state.reconnectTask
                state.reconnectTask = nil
                state.outbound.clear()
                return taken
            }
            taken.reconnectTask?.cancel()
            for ping in taken.pings { ping.resume(throwing: error) }
            for request in taken.requests { request.resume(throwing: error) }
            for subscription in taken.subscriptions { subscription.finish() }
            if taken.wasOpen {
                logger.debug("closed")
                emit(.closed)
            }
            return taken.channel
        }
    }
#endif
