#if NATS
    import Logging
    import NIOConcurrencyHelpers
    import NIOCore

    extension NATSClient {
        /// Subscribes to a subject, optionally as a member of a queue group.
        ///
        /// Members of one queue group share the subject's messages: the server delivers each to
        /// one member. The subscription survives reconnects: the client subscribes again on the
        /// new connection before it writes anything else.
        ///
        /// - Parameters:
        ///   - subject: The subject, with `*` for one token and `>` for the rest.
        ///   - queueGroup: The queue group, or `nil`.
        ///   - bufferLimit: How many untaken messages to hold; the configuration's by default.
        public func subscribe(
            to subject: String, queueGroup: String? = nil, bufferLimit: Int? = nil
        ) throws(NATSClientError) -> NATSSubscription {
            try NATSClientOperations.validate(subject, as: "subject")
            if let queueGroup { try NATSClientOperations.validate(queueGroup, as: "queue group") }
            let limit = max(1, bufferLimit ?? configuration.subscriptionBufferLimit)
            let progress = NATSSubscriptionProgress()
            let (stream, continuation) = AsyncStream.makeStream(
                of: NATSReceivedMessage.self, bufferingPolicy: .bufferingOldest(limit))
            let (sid, channel): (UInt64, (any Channel)?) = try withState {
                (state) throws(NATSClientError) in
                switch state.phase {
                case .idle, .connecting: throw NATSClientError(.notConnected, "the client is not connected yet")
                case .draining, .closing, .closed: throw NATSClientError(.closed, "the client is closed or draining")
                case .connected, .reconnecting: break
                }
                let sid = state.nextSID
                state.nextSID += 1
                state.subscriptions[sid] = NATSClientState.Subscription(
                    subject: subject, queueGroup: queueGroup, continuation: continuation, progress: progress)
                if state.phase == .connected {
                    NATSClientOperations.writeSubscribe(
                        into: &state.outbound, subject: subject, queueGroup: queueGroup, sid: sid)
                }
                return (sid, Self.claimFlush(&state))
            }
            if let channel { scheduleWrite(on: channel) }
            continuation.onTermination = { [weak self] termination in
                if case .cancelled = termination { self?.unsubscribe(sid) }
            }
            return NATSSubscription(
                id: sid, subject: subject, queueGroup: queueGroup, client: self, stream: stream, progress: progress)
        }

        func unsubscribe(_ sid: UInt64, after maximum: Int? = nil) {
            let (continuation, channel) = state.withLockedValue {
                state -> (AsyncStream<NATSReceivedMessage>.Continuation?, (any Channel)?) in
                guard var subscription = state.subscriptions[sid] else { return (nil, nil) }
                let connected = state.phase == .connected || state.phase == .draining || state.phase == .closing
                if let maximum, maximum > subscription.delivered {
                    subscription.maximum = maximum
                    state.subscriptions[sid] = subscription
                    if connected {
                        NATSClientOperations.writeUnsubscribe(into: &state.outbound, sid: sid, after: maximum)
                    }
                    return (nil, Self.claimFlush(&state))
                }
                state.subscriptions[sid] = nil
                if connected { NATSClientOperations.writeUnsubscribe(into: &state.outbound, sid: sid) }
                return (subscription.continuation, Self.claimFlush(&state))
            }
            if let channel { scheduleWrite(on: channel) }
            continuation?.finish()
        }

        func drainSubscription(_ sid: UInt64) async throws(NATSClientError) {
            let channel: (any Channel)? = state.withLockedValue { state in
                guard state.subscriptions[sid] != nil, state.phase == .connected || state.phase == .draining else {
                    return nil
                }
                NATSClientOperations.writeUnsubscribe(into: &state.outbound, sid: sid)
                return Self.claimFlush(&state)
            }
            if let channel { scheduleWrite(on: channel) }
            defer {
                let continuation = state.withLockedValue { $0.subscriptions.removeValue(forKey: sid)?.continuation }
                continuation?.finish()
            }
            // Everything the server sent before the UNSUB arrives before the PONG.
            try await flush()
        }

        // MARK: Request/reply

        /// Publishes a request and waits for the first reply.
        ///
        /// The reply subject is a token under the client's inbox, `_INBOX.<random>.`: one wildcard
        /// subscription serves every request of the client.
        ///
        /// - Throws: ``NATSClientError/Code/noResponders`` when no subscriber listens on `subject`
        ///   (the server says so at once), ``NATSClientError/Code/timeout``,
        ///   ``NATSClientError/Code/cancelled`` when the task is cancelled, or what
        ///   ``publish(_:subject:replyTo:headers:)`` throws.
        public func request(
            _ payload: some Collection<UInt8>, subject: String, headers: [NATSHeader] = [], timeout: Duration? = nil
        ) async throws(NATSClientError) -> NATSReceivedMessage {
            let timeout = timeout ?? configuration.requestTimeout
            let (prefix, channel): (String, (any Channel)?) = try withState {
                (state) throws(NATSClientError) in
                try Self.checkOpen(state.phase)
                if let inbox = state.inbox { return (inbox.prefix, nil) }
                let inbox = NATSClientState.Inbox(prefix: "_INBOX.\(Self.randomToken()).", sid: state.nextSID)
                state.nextSID += 1
                state.inbox = inbox
                if state.phase == .connected {
                    NATSClientOperations.writeSubscribe(
                        into: &state.outbound, subject: inbox.prefix + "*", queueGroup: nil, sid: inbox.sid)
                }
                return (inbox.prefix, Self.claimFlush(&state))
            }
            if let channel { scheduleWrite(on: channel) }
            let token: String = state.withLockedValue { state in
                state.inbox?.nextToken += 1
                return String(state.inbox?.nextToken ?? 0)
            }
            do {
                return try await withTaskCancellationHandler {
                    try await withCheckedThrowingContinuation { continuation in
                        state.withLockedValue { $0.inbox?.waiters[token] = continuation }
                        // A cancellation before the waiter was stored found nothing to fail.
                        if Task.isCancelled {
                            failRequest(token, NATSClientError(.cancelled, "the request's task was cancelled"))
                            return
                        }
                        do throws(NATSClientError) {
                            try publish(payload, subject: subject, replyTo: prefix + token, headers: headers)
                        } catch {
                            failRequest(token, error)
                            return
                        }
                        let deadline = eventLoopGroup.any().scheduleTask(in: TimeAmount(timeout)) {
                            self.failRequest(
                                token, NATSClientError(.timeout, "no reply on \(subject) within \(timeout)"))
                        }
                        let answered = state.withLockedValue { state in
                            guard state.inbox?.waiters[token] != nil else { return true }
                            state.inbox?.deadlines[token] = deadline
                            return false
                        }
                        if answered { deadline.cancel() }
                    }
                } onCancel: {
                    self.failRequest(token, NATSClientError(.cancelled, "the request's task was cancelled"))
                }
            } catch let error as NATSClientError {
                throw error
            } catch {
                throw NATSClientError(.connectionLost, "\(error)")
            }
        }

        private func failRequest(_ token: String, _ error: NATSClientError) {
            let continuation = state.withLockedValue { state in
                state.inbox?.deadlines[token] = nil
                return state.inbox?.waiters.removeValue(forKey: token)
            }
            continuation?.resume(throwing: error)
        }

        static func checkOpen(_ phase: NATSClientState.Phase) throws(NATSClientError) {
            switch phase {
            case .idle, .connecting: throw NATSClientError(.notConnected, "the client is not connected yet")
            case .draining, .closing, .closed: throw NATSClientError(.closed, "the client is closed or draining")
            case .connected, .reconnecting: return
            }
        }

        /// 22 random characters of `[A-Za-z0-9]`, about 131 bits.
        static func randomToken() -> String {
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
            var generator = SystemRandomNumberGenerator()
            return String(
                decoding: (0..<22).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }, as: UTF8.self)
        }

        // MARK: Receiving

        /// Handles an operation of an established connection, on its event loop.
        func received(_ operation: NATSServerOperation, on channel: any Channel) {
            switch operation {
            case .message(let message):
                deliver(message)
            case .pong:
                let waiter: NATSClientState.PingWaiter? = state.withLockedValue { state in
                    guard state.channel === channel, state.sentPings > 0, !state.pings.isEmpty else { return nil }
                    state.sentPings -= 1
                    state.outstandingKeepAlives = 0
                    return state.pings.removeFirst()
                }
                waiter?.deadline?.cancel()
                waiter?.continuation?.resume()
            case .info(let info):
                updateInfo(info)
            case .error(let text):
                logger.error("the server reported an error", metadata: ["error": "\(text)"])
                emit(.serverError(text))
            case .ok, .ping:
                break
            }
        }

        private func updateInfo(_ info: NATSServerInfo) {
            let discovered: [NATSServerAddress] = state.withLockedValue { state in
                state.info = info
                guard configuration.discoversServers else { return [] }
                var added: [NATSServerAddress] = []
                for url in info.connectURLs {
                    guard var address = try? NATSServerAddress(url: url) else { continue }
                    address.user = nil
                    if !state.servers.contains(where: { $0.host == address.host && $0.port == address.port }) {
                        state.servers.append(address)
                        added.append(address)
                    }
                }
                return added
            }
            if !discovered.isEmpty {
                logger.debug("the cluster announced servers", metadata: ["servers": "\(discovered)"])
                emit(.discoveredServers(discovered))
            }
            if info.lameDuckMode {
                logger.warning("the server is entering lame duck mode")
                emit(.lameDuckMode)
            }
        }

        private func deliver(_ message: NATSReceivedMessage) {
            let size = message.payload.count
            enum Target {
                case none
                case subscription(AsyncStream<NATSReceivedMessage>.Continuation, finish: Bool, wasSlow: Bool)
                case request(CheckedContinuation<NATSReceivedMessage, any Error>, Scheduled<Void>?)
            }
            let target: Target = state.withLockedValue { state in
                state.statistics.messagesIn += 1
                state.statistics.bytesIn += size
                if let inbox = state.inbox, message.subscriptionID == inbox.sid {
                    let token = String(message.subject.dropFirst(inbox.prefix.count))
                    let deadline = state.inbox?.deadlines.removeValue(forKey: token)
                    return state.inbox?.waiters.removeValue(forKey: token).map { .request($0, deadline) } ?? .none
                }
                guard var subscription = state.subscriptions[message.subscriptionID] else { return .none }
                subscription.delivered += 1
                let finish = subscription.maximum.map { subscription.delivered >= $0 } ?? false
                state.subscriptions[message.subscriptionID] = finish ? nil : subscription
                return .subscription(subscription.continuation, finish: finish, wasSlow: subscription.isSlow)
            }
            switch target {
            case .none:
                break
            case .request(let continuation, let deadline):
                deadline?.cancel()
                if message.status == 503 {
                    continuation.resume(
                        throwing: NATSClientError(.noResponders, "no subscriber listens on the request's subject"))
                } else {
                    continuation.resume(returning: message)
                }
            case .subscription(let continuation, let finish, let wasSlow):
                let result = continuation.yield(message)
                if case .dropped = result {
                    recordDrop(message)
                } else if wasSlow {
                    recordTaken(message.subscriptionID)
                }
                if finish { continuation.finish() }
            }
        }

        private func recordDrop(_ message: NATSReceivedMessage) {
            let report: (dropped: Int, first: Bool)? = state.withLockedValue { state in
                state.statistics.droppedMessages += 1
                guard var subscription = state.subscriptions[message.subscriptionID] else { return nil }
                let dropped = subscription.progress.recordDrop()
                let first = !subscription.isSlow
                subscription.isSlow = true
                state.subscriptions[message.subscriptionID] = subscription
                return (dropped, first)
            }
            guard let report, report.first || report.dropped.isMultiple(of: 10_000) else { return }
            logger.warning(
                "slow consumer: a subscription's buffer is full and messages are dropped",
                metadata: [
                    "subject": "\(message.subject)", "sid": "\(message.subscriptionID)", "dropped": "\(report.dropped)",
                ])
            emit(
                .slowConsumer(
                    subscriptionID: message.subscriptionID, subject: message.subject, droppedMessages: report.dropped))
        }

        private func recordTaken(_ sid: UInt64) {
            state.withLockedValue { state in
                if state.subscriptions[sid]?.isSlow == true { state.subscriptions[sid]?.isSlow = false }
            }
        }
    }
#endif
