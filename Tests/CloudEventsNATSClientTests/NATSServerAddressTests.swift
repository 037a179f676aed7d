#if NATS
    import CloudEventsNATSClient
    import Testing

    @Suite("NATS server addresses and reconnect backoff")
    struct NATSServerAddressTests {
        @Test("URLs parse with their credentials, ports and IPv6 hosts")
        func urls() throws {
            #expect(try NATSServerAddress(url: "nats://127.0.0.1") == NATSServerAddress(host: "127.0.0.1", port: 4222))
            #expect(
                try NATSServerAddress(url: "demo.nats.io:4333") == NATSServerAddress(host: "demo.nats.io", port: 4333))
            #expect(
                try NATSServerAddress(url: "nats://al%40ice:p%3Ass@host:1")
                    == NATSServerAddress(
                        host: "host", port: 1, user: "al@ice", password: "p:ss"))
            #expect(
                try NATSServerAddress(url: "NATS://s3cret@host")
                    == NATSServerAddress(
                        host: "host", user: "s3cret", password: nil))
            #expect(try NATSServerAddress(url: "nats://[::1]:4223") == NATSServerAddress(host: "::1", port: 4223))
            #expect(try NATSServerAddress(url: "[::1]:4223").description == "nats://[::1]:4223")
            for invalid in ["tls://host:4222", "nats://", "nats://host:0", "nats://host:x", "nats://[::1"] {
                #expect(throws: NATSClientError.self, "\(invalid)") { try NATSServerAddress(url: invalid) }
            }
        }

        @Test("the backoff doubles from the initial delay up to the cap, scaled down by the jitter")
        func backoff() {
            let policy = NATSClient.ReconnectPolicy(
                initialDelay: .milliseconds(100), maximumDelay: .seconds(1), jitter: 0.5)
            // `random` 0 gives the full delay, 1 takes off the whole jitter fraction.
            let delays = (1...7).map { policy.delayBeforeAttempt($0, random: 0) }
            #expect(
                delays == [
                    .zero, .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1),
                    .seconds(1),
                ])
            #expect(policy.delayBeforeAttempt(3, random: 1) == .milliseconds(100))
            #expect(policy.delayBeforeAttempt(100, random: 0.5) == .milliseconds(750))
        }
    }
#endif
