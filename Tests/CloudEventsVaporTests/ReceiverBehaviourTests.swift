#if Hummingbird && AsyncHTTPClient
    import CloudEvents
    import CloudEventsHTTP
    import Testing
    import TransportTestSupport

    /// The servers the shared receiver scenarios run against.
    enum ServerKind: String, CaseIterable, CustomStringConvertible, Sendable {
        case hummingbird
        #if Vapor
            case vapor
        #endif

        var description: String { server.name }

        var server: any CloudEventTestServer {
            switch self {
            case .hummingbird: HummingbirdTestServer()
            #if Vapor
                case .vapor: VaporTestServer()
            #endif
            }
        }
    }

    /// One receiver behaviour, every server: the statuses, problem bodies, replies and limits of
    /// Hummingbird's and Vapor's routes are the shared endpoint's, so each scenario must pass on each.
    @Suite("Receiver behaviour, every server", .timeLimit(.minutes(10)))
    struct ReceiverBehaviourTests {
        @Test(
            "binary, structured and batch requests are decoded, handled in order and answered 202",
            arguments: ServerKind.allCases, HTTPContentMode.allCases)
        func accepted(server: ServerKind, mode: HTTPContentMode) async throws {
            try await ReceiverScenarios.accepted(mode: mode, on: server.server)
        }

        @Test(
            "the reference event and a 1 MiB payload arrive intact in every mode",
            arguments: ServerKind.allCases, [TestEvents.Payload.medium, .oneMebibyteBinary])
        func payloads(server: ServerKind, payload: TestEvents.Payload) async throws {
            for mode in HTTPContentMode.allCases {
                try await ReceiverScenarios.payload(payload, mode: mode, on: server.server)
            }
        }

        @Test("a reply event is answered 200 in the request's mode", arguments: ServerKind.allCases, HTTPContentMode.allCases)
        func reply(server: ServerKind, mode: HTTPContentMode) async throws {
            try await ReceiverScenarios.replyInRequestMode(mode: mode, on: server.server)
        }

        @Test("an invalid event is 400 with a JSON problem naming the attribute", arguments: ServerKind.allCases)
        func invalidEvent(server: ServerKind) async throws {
            try await ReceiverScenarios.invalidEvent(on: server.server)
        }

        @Test("a body over the limit is 413, declared or streamed; one at the limit is taken", arguments: ServerKind.allCases)
        func tooLarge(server: ServerKind) async throws {
            try await ReceiverScenarios.tooLarge(on: server.server)
        }

        @Test(
            "a CloudEvents format other than JSON is 415", arguments: ServerKind.allCases,
            ["application/cloudevents+xml", "application/cloudevents-batch+avro"])
        func unsupportedFormat(server: ServerKind, contentType: String) async throws {
            try await ReceiverScenarios.unsupportedFormat(contentType: contentType, on: server.server)
        }

        @Test("the webhook OPTIONS handshake is answered by WebhookValidation", arguments: ServerKind.allCases)
        func webhookHandshake(server: ServerKind) async throws {
            try await ReceiverScenarios.webhookHandshake(on: server.server)
        }

        @Test("handler errors: a CloudEventError maps by code, anything else is a generic 500", arguments: ServerKind.allCases)
        func handlerErrors(server: ServerKind) async throws {
            try await ReceiverScenarios.handlerErrors(on: server.server)
        }

        @Test("a batch stops at the first refused event; the problem's index names it", arguments: ServerKind.allCases)
        func batchFailure(server: ServerKind) async throws {
            try await ReceiverScenarios.batchFailure(on: server.server)
        }
    }
#endif
