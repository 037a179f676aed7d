#if NATS
    #if canImport(FoundationEssentials)
        import FoundationEssentials
    #else
        import Foundation
    #endif

    /// What a server announces about itself in its `INFO` operation.
    ///
    /// Fields the server leaves out take the protocol's defaults.
    public struct NATSServerInfo: Sendable, Hashable, Decodable {
        /// The server's unique id.
        public var serverID: String
        /// The server's name (its id unless configured).
        public var serverName: String
        /// The server's version, such as `2.9.20`.
        public var version: String
        /// The protocol level: 1 and above understands the asynchronous `INFO` of a cluster.
        public var protocolVersion: Int
        /// The largest payload (headers included) the server accepts in one publish, in bytes.
        public var maxPayload: Int
        /// Whether the server understands `HPUB`/`HMSG` (NATS 2.2 and later).
        public var supportsHeaders: Bool
        /// Whether the server requires credentials.
        public var authRequired: Bool
        /// Whether the server requires TLS, which this client does not speak.
        public var tlsRequired: Bool
        /// Other servers of the cluster that clients can reconnect to, as `host:port`.
        public var connectURLs: [String]
        /// Whether the server is in lame duck mode: about to shut down, so clients should move on.
        public var lameDuckMode: Bool
        /// Whether JetStream is enabled on the server.
        public var jetStream: Bool
        /// The id the server gave this connection.
        public var clientID: UInt64?

        enum CodingKeys: String, CodingKey {
            case serverID = "server_id", serverName = "server_name", version, protocolVersion = "proto"
            case maxPayload = "max_payload", supportsHeaders = "headers", authRequired = "auth_required"
            case tlsRequired = "tls_required", connectURLs = "connect_urls", lameDuckMode = "ldm"
            case jetStream = "jetstream", clientID = "client_id"
        }

        /// Creates an announcement, for tests and for servers that send nothing but the defaults.
        public init(
            serverID: String = "", serverName: String = "", version: String = "", protocolVersion: Int = 1,
            maxPayload: Int = 1_048_576, supportsHeaders: Bool = true, authRequired: Bool = false,
            tlsRequired: Bool = false, connectURLs: [String] = [], lameDuckMode: Bool = false, jetStream: Bool = false,
            clientID: UInt64? = nil
        ) {
            self.serverID = serverID
            self.serverName = serverName
            self.version = version
            self.protocolVersion = protocolVersion
            self.maxPayload = maxPayload
            self.supportsHeaders = supportsHeaders
            self.authRequired = authRequired
            self.tlsRequired = tlsRequired
            self.connectURLs = connectURLs
            self.lameDuckMode = lameDuckMode
            self.jetStream = jetStream
            self.clientID = clientID
        }

        /// Decodes the fields the client uses; the others are ignored.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            serverID = try container.decodeIfPresent(String.self, forKey: .serverID) ?? ""
            serverName = try container.decodeIfPresent(String.self, forKey: .serverName) ?? serverID
            version = try container.decodeIfPresent(String.self, forKey: .version) ?? ""
            protocolVersion = try container.decodeIfPresent(Int.self, forKey: .protocolVersion) ?? 0
            maxPayload = try container.decodeIfPresent(Int.self, forKey: .maxPayload) ?? 1_048_576
            supportsHeaders = try container.decodeIfPresent(Bool.self, forKey: .supportsHeaders) ?? false
            authRequired = try container.decodeIfPresent(Bool.self, forKey: .authRequired) ?? false
            tlsRequired = try container.decodeIfPresent(Bool.self, forKey: .tlsRequired) ?? false
            connectURLs = try container.decodeIfPresent([String].self, forKey: .connectURLs) ?? []
            lameDuckMode = try container.decodeIfPresent(Bool.self, forKey: .lameDuckMode) ?? false
            jetStream = try container.decodeIfPresent(Bool.self, forKey: .jetStream) ?? false
            clientID = try container.decodeIfPresent(UInt64.self, forKey: .clientID)
        }

        /// Decodes the JSON object that follows `INFO `.
        public init(json: some Collection<UInt8>) throws(NATSProtocolError) {
            do {
                self = try JSONDecoder().decode(NATSServerInfo.self, from: Data(json))
            } catch {
                throw NATSProtocolError(.malformedInfo, "INFO is not the JSON object the protocol defines: \(error)")
            }
        }
    }
#endif
