#if NATS
    extension NATSClient {
        /// The credentials sent in `CONNECT`.
        public enum Authentication: Sendable, Hashable {
            /// No credentials, unless a server URL carries some.
            case none
            /// A token (`auth_token`).
            case token(String)
            /// A user and password (`user`, `pass`).
            case userPassword(user: String, password: String)
        }

        /// How the client reconnects after it lost its connection.
        ///
        /// The delay before attempt *n* (1 for the first attempt after a loss) is
        /// `min(maximumDelay, initialDelay × 2^(n-2))`, with none before the first attempt, and
        /// then scaled by a random factor in `1 - jitter ... 1`, so that many clients that lost the
        /// same server do not come back in lockstep. Each attempt goes to the next server of the list.
        public struct ReconnectPolicy: Sendable, Hashable {
            /// Whether the client reconnects at all; if not, a lost connection closes it.
            public var isEnabled: Bool
            /// How many attempts in a row the client makes before it gives up and closes; `nil`
            /// for no limit.
            public var maximumAttempts: Int?
            /// The delay before the second attempt.
            public var initialDelay: Duration
            /// The cap on the delay between attempts.
            public var maximumDelay: Duration
            /// The fraction of each delay that is random, from 0 (none) to 1.
            public var jitter: Double

            /// Creates a policy.
            public init(
                isEnabled: Bool = true, maximumAttempts: Int? = 60, initialDelay: Duration = .milliseconds(50),
                maximumDelay: Duration = .seconds(2), jitter: Double = 0.5
            ) {
                self.isEnabled = isEnabled
                self.maximumAttempts = maximumAttempts
                self.initialDelay = initialDelay
                self.maximumDelay = maximumDelay
                self.jitter = min(max(jitter, 0), 1)
            }

            /// The delay before attempt `attempt` (1-based, after a loss), with `random` in `0...1`
            /// (0 keeps the whole delay, 1 takes off the whole jitter fraction).
            public func delayBeforeAttempt(_ attempt: Int, random: Double) -> Duration {
                guard attempt > 1 else { return .zero }
                var delay = initialDelay
                var step = 2
                while step < attempt && delay < maximumDelay {
                    delay *= 2
                    step += 1
                }
                delay = min(delay, maximumDelay)
                return delay * (1 - jitter * random)
            }
        }

        /// How a client connects, and the bounds it keeps to.
        public struct Configuration: Sendable, Hashable {
            /// The servers to connect to, tried in order; servers a cluster announces are added.
            public var servers: [NATSServerAddress]
            /// The connection's name, which the server shows in its monitoring.
            public var name: String?
            /// The credentials; a server URL's own credentials take precedence for that server.
            public var authentication: Authentication
            /// Whether the server sends the client's own publishes back to its matching
            /// subscriptions.
            public var echo: Bool
            /// How long the TCP connect and the `INFO`/`CONNECT` handshake may take, per server.
            public var connectTimeout: Duration
            /// How often the client sends a keep-alive `PING`.
            public var pingInterval: Duration
            /// How many keep-alive `PING`s may go unanswered before the connection is taken as
            /// dead and the client reconnects.
            public var maximumOutstandingPings: Int
            /// How the client reconnects.
            public var reconnect: ReconnectPolicy
            /// How many bytes of publishes the client holds while disconnected; a publish beyond
            /// it throws ``NATSClientError/Code/reconnectBufferFull``. 0 refuses every publish
            /// while disconnected.
            public var reconnectBufferSize: Int
            /// How long ``NATSClient/flush(timeout:)`` waits by default.
            public var flushTimeout: Duration
            /// How long ``NATSClient/request(_:subject:headers:timeout:)`` waits by default.
            public var requestTimeout: Duration
            /// How many messages a subscription holds for a consumer that has not taken them yet;
            /// beyond it, messages are dropped and counted (a slow consumer).
            public var subscriptionBufferLimit: Int
            /// The limits on what the server sends.
            public var parserLimits: NATSProtocolParser.Limits
            /// Whether the servers the cluster announces are added to ``servers``.
            public var discoversServers: Bool

            /// Creates a configuration for the given servers.
            public init(
                servers: [NATSServerAddress] = [NATSServerAddress(host: "127.0.0.1")], name: String? = nil,
                authentication: Authentication = .none, echo: Bool = true, connectTimeout: Duration = .seconds(2),
                pingInterval: Duration = .seconds(60), maximumOutstandingPings: Int = 2,
                reconnect: ReconnectPolicy = ReconnectPolicy(), reconnectBufferSize: Int = 8 << 20,
                flushTimeout: Duration = .seconds(10), requestTimeout: Duration = .seconds(5),
                subscriptionBufferLimit: Int = 65_536, parserLimits: NATSProtocolParser.Limits = .init(),
                discoversServers: Bool = true
            ) {
                self.servers = servers
                self.name = name
                self.authentication = authentication
                self.echo = echo
                self.connectTimeout = connectTimeout
                self.pingInterval = pingInterval
                self.maximumOutstandingPings = maximumOutstandingPings
                self.reconnect = reconnect
                self.reconnectBufferSize = reconnectBufferSize
                self.flushTimeout = flushTimeout
                self.requestTimeout = requestTimeout
                self.subscriptionBufferLimit = subscriptionBufferLimit
                self.parserLimits = parserLimits
                self.discoversServers = discoversServers
            }

            /// Creates a configuration for servers given as URLs (`nats://host:4222`).
            public init(urls: [String], name: String? = nil, authentication: Authentication = .none)
                throws(NATSClientError)
            {
                var servers: [NATSServerAddress] = []
                for url in urls { servers.append(try NATSServerAddress(url: url)) }
                self.init(servers: servers, name: name, authentication: authentication)
            }
        }

        /// Something that happened to the connection, for an event handler to log or count.
        public enum Event: Sendable, Hashable {
            /// Connected to a server (first time or after a loss).
            case connected(NATSServerAddress)
            /// Lost the connection; the client reconnects unless it is closing.
            case disconnected
            /// Reconnected, with the subscriptions restored and the buffered publishes written.
            case reconnected(NATSServerAddress)
            /// A subscription dropped messages its consumer did not take in time; the total so far.
            case slowConsumer(subscriptionID: UInt64, subject: String, droppedMessages: Int)
            /// The cluster announced servers the client did not know; they are now reconnect
            /// candidates (``NATSClient/knownServers``).
            case discoveredServers([NATSServerAddress])
            /// The server sent `-ERR` on an established connection.
            case serverError(String)
            /// The server announced that it is about to shut down (lame duck mode).
            case lameDuckMode
            /// The client is closed: by ``NATSClient/close()``, after a drain, or when reconnecting
            /// gave up.
            case closed
        }
    }
#endif
