#if NATS
    import CloudEventsNATSClient
    import Testing

    @Suite("JetStream acks and ack subjects")
    struct JetStreamAckTests {
        @Test("each answer's bytes, the nak's delay in nanoseconds")
        func payloads() {
            #expect(String(decoding: JetStreamAck.ack.payload, as: UTF8.self) == "+ACK")
            #expect(String(decoding: JetStreamAck.nak(delay: nil).payload, as: UTF8.self) == "-NAK")
            #expect(
                String(decoding: JetStreamAck.nak(delay: .milliseconds(250)).payload, as: UTF8.self)
                    == #"-NAK {"delay":250000000}"#)
            #expect(String(decoding: JetStreamAck.terminate.payload, as: UTF8.self) == "+TERM")
            #expect(String(decoding: JetStreamAck.inProgress.payload, as: UTF8.self) == "+WPI")
        }

        @Test("the ack subject's metadata, in the 2.9 form and the form with domain and account hash")
        func metadata() throws {
            let old = try #require(
                JetStreamMessageMetadata(replySubject: "$JS.ACK.ORDERS.billing.3.42.40.1700000000.7"))
            #expect(old.stream == "ORDERS")
            #expect(old.consumer == "billing")
            #expect(old.deliveries == 3)
            #expect(old.streamSequence == 42)
            #expect(old.consumerSequence == 40)
            let new = try #require(
                JetStreamMessageMetadata(replySubject: "$JS.ACK.hub.ACCHASH.ORDERS.billing.1.9.8.1700000000.0.token"))
            #expect(new.stream == "ORDERS")
            #expect(new.deliveries == 1)
            #expect(new.streamSequence == 9)
            #expect(JetStreamMessageMetadata(replySubject: "_INBOX.abc.1") == nil)
            #expect(JetStreamMessageMetadata(replySubject: "$JS.ACK.ORDERS.billing.x.42.40.1.0") == nil)
        }
    }
#endif
