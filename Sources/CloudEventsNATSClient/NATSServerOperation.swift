#if NATS
    /// One operation a NATS server sends to a client, as ``NATSProtocolParser`` reads it.
    public enum NATSServerOperation: Sendable, Hashable {
        /// `INFO {...}`: the server's announcement, on connect and when the cluster changes.
        case info(NATSServerInfo)
        /// `MSG` or `HMSG`: a message for one of the client's subscriptions.
        case message(NATSReceivedMessage)
        /// `PING`: the server checks that the client is alive; the client answers `PONG`.
        case ping
        /// `PONG`: the answer to one of the client's `PING`s, in order.
        case pong
        /// `+OK`: an acknowledgement, sent only in verbose mode.
        case ok
        /// `-ERR '...'`: an error, with the server's text without its quotes.
        case error(String)
    }
#endif
