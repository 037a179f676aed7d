#if AsyncHTTPClient && WebSocket
    import ArgumentParser
    import CloudEvents
    import CloudEventsTransport
    import CloudEventsWebSocket
    import CloudEventsWebSocketTransport

    extension SendCommand {
        /// Whether `url` is a WebSocket URL (`ws://`, `wss://`), which `send` sends over the binding.
        static func isWebSocketURL(_ url: String) -> Bool {
            let lowercased = url.lowercased()
            return lowercased.hasPrefix("ws://") || lowercased.hasPrefix("wss://")
        }

        /// `send ws://…`: every event (a batch from `--event` is sent one message per event) over
        /// one connection in `cloudevents.json`, then the close handshake.
        ///
        /// Exit 0 when every event was written and the connection closed cleanly (1000), 2 when there
        /// was no connection or it did not close cleanly, 65 when an event is invalid (nothing is sent).
        func sendOverWebSocket() async throws {
            let events = try readEvents(acceptingBatch: true)
            let codec = WebSocketEventCodec(subprotocol: .json)
            for (index, event) in events.enumerated() {
                do {
                    _ = try codec.encode(event)
                } catch let error as CloudEventError {
                    let name = events.count == 1 ? "the event" : "event \(index)"
                    reportError("send", "\(name) is invalid: " + SendFailure.describe(error))
                    throw SendExitStatus.invalidInput
                }
            }
            let sender = WebSocketCloudEventSender(
                url: url,
                configuration: .init(
                    reconnectPolicy: RetryPolicy(
                        maximumAttempts: delivery.maxAttempts, initialBackoff: .milliseconds(100),
                        maximumBackoff: .seconds(2))),
                logger: standardErrorLogger(label: "cloudevents.send"))
            do {
                try await sender.withConnection(gracePeriod: .milliseconds(Int64((delivery.timeout * 1000).rounded())))
                {
                    for event in events { try await sender.send(event) }
                }
            } catch {
                reportError("send", SendFailure.describe(SendFailure.asCloudEventError(error)))
                throw SendExitStatus.notDelivered
            }
            let statistics = sender.statistics
            // The sender starts the close handshake; a server that closed first with another code
            // (1007 for an event it refused, say) did not take everything.
            if let code = statistics.lastCloseCode, code != WebSocketCloseCode.normalClosure {
                reportError(
                    "send",
                    "the events were written, but the server closed the connection with \(code)"
                        + (statistics.lastCloseReason.map { " \($0)" } ?? ""))
                throw SendExitStatus.notDelivered
            }
        }
    }
#endif
