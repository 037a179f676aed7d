#if Hummingbird && AsyncHTTPClient
    import CloudEvents
    import CloudEventsHTTP

    /// The events `demo` sends: in each mode, one with JSON data and one with binary data, each with
    /// an extension attribute of every CloudEvents type and a nanosecond time with a UTC offset.
    enum DemoEvents {
        /// One request of the demo: a mode and the events it carries (one, or several for a batch).
        struct Delivery {
            var mode: HTTPContentMode
            var events: [CloudEvent]
        }

        /// The requests, in the order they are sent.
        static func deliveries() throws -> [Delivery] {
            [
                Delivery(
                    mode: .binary,
                    events: [try orderEvent(id: "demo-binary-json"), try imageEvent(id: "demo-binary-bytes")]),
                Delivery(
                    mode: .structured,
                    events: [try orderEvent(id: "demo-structured-json"), try imageEvent(id: "demo-structured-bytes")]),
                Delivery(
                    mode: .batch,
                    events: [try orderEvent(id: "demo-batch-json"), try imageEvent(id: "demo-batch-bytes")]),
            ]
        }

        /// JSON data whose numbers a parse-and-reserialise round trip would change: a 20-digit integer,
        /// a trailing zero, an exponent.
        static let orderJSON = #"{"order":"12345","total":1.10,"units":12345678901234567890,"weight":1E+2}"#

        /// Bytes that are not UTF-8, so they can only travel as binary data.
        static let imageBytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF]

        private static func orderEvent(id: String) throws -> CloudEvent {
            var event = CloudEvent(
                id: id, source: "/demo/orders", type: "com.example.order.created", subject: "order-12345",
                time: try Timestamp(parsing: "2024-05-20T14:23:18.123456789+08:00"),
                dataContentType: "application/json", dataSchema: "https://schemas.example.com/order/v3.json",
                data: .json(orderJSON))
            try addExtensionOfEveryType(to: &event)
            return event
        }

        private static func imageEvent(id: String) throws -> CloudEvent {
            var event = CloudEvent(
                id: id, source: "/demo/cameras/7", type: "com.example.image.captured",
                time: try Timestamp(parsing: "2024-12-31T23:59:59.000000001-03:30"),
                dataContentType: "image/png", data: .binary(imageBytes))
            try addExtensionOfEveryType(to: &event)
            return event
        }

        /// One extension attribute of each of the seven CloudEvents types.
        private static func addExtensionOfEveryType(to event: inout CloudEvent) throws {
            event[extension: "critical"] = .boolean(true)
            event[extension: "retrycount"] = .integer(-2_147_483_648)
            event[extension: "region"] = .string("eu-west-1 \"Zoë\" ✓")
            event[extension: "signature"] = .binary([0xDE, 0xAD, 0xBE, 0xEF])
            event[extension: "callback"] = .uri("https://example.com/hooks?order=12345")
            event[extension: "parent"] = .uriReference("../orders/12344#line-2")
            event[extension: "expires"] = .timestamp(try Timestamp(parsing: "2025-01-01T00:00:00.5+05:45"))
        }
    }
#endif
