#if NATS
    import CloudEventsNATSClient
    import CloudEventsTransport

    /// A NATS message's headers as a ``/CloudEventsTransport/CloudEventHeaderCarrier``, for the
    /// trace context (`traceparent`, `tracestate`). Names compare without regard to case, as
    /// NATS defines them; setting a header replaces every header of that name.
    struct NATSHeaderCarrier: CloudEventHeaderCarrier {
        var headers: [NATSHeader]

        func headerValue(named name: String) -> String? {
            headers.value(of: name)
        }

        mutating func setHeaderValue(_ value: String, named name: String) {
            let lowered = name.lowercased()
            headers.removeAll { $0.name.lowercased() == lowered }
            headers.append(NATSHeader(name: name, value: value))
        }
    }
#endif
