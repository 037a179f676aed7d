// cloudevents-example-sender: sends a few CloudEvents with AsyncHTTPClient, one per content mode
// and a batch, and prints what happened.
//
//     swift run cloudevents-example-sender [URL]        (default http://127.0.0.1:8080/)
//
// Start cloudevents-example-receiver first, in another terminal.

#if AsyncHTTPClient && Tracing
    import CloudEvents
    import CloudEventsAsyncHTTPClient
    import CloudEventsTracing

    #if canImport(Glibc)
        import Glibc
    #elseif canImport(Darwin)
        import Darwin
    #endif

    let url = CommandLine.arguments.dropFirst().first ?? "http://127.0.0.1:8080/"

    func order(_ number: Int) -> CloudEvent {
        CloudEvent(
            source: "/examples/shop", type: "com.example.order.created", subject: "order-\(number)",
            time: .now(fractionalDigits: 3), dataContentType: "application/json",
            data: .json(#"{"order":\#(number),"total":12.50,"currency":"EUR"}"#))
    }

    var failures = 0
    for mode in [HTTPContentMode.binary, .structured] {
        let sender = AsyncHTTPClientCloudEventSender(
            url: url, configuration: HTTPSenderConfiguration(mode: mode, timeout: .seconds(5)))
        var event = order(mode == .binary ? 1 : 2)
        // As if created inside a traced operation upstream: the Distributed Tracing extension
        // records that context, and no hop replaces it (the receiver logs it).
        event.setTraceContext(TraceContext(traceID: .random(), spanID: .random(), flags: .sampled, state: TraceState()))
        do {
            let reply = try await sender.send(event)
            print("sent \(event.id) in \(mode) mode" + (reply.map { "; reply \($0.type) \($0.id)" } ?? ""))
        } catch let error as CloudEventError {
            failures += 1
            print("could not send in \(mode) mode: \(error)")
        }
        await sender.shutdown()
    }

    let sender = AsyncHTTPClientCloudEventSender(url: url)
    do {
        let batch = (3...5).map(order)
        try await sender.send(batch: batch)
        print("sent a batch of \(batch.count): \(batch.map(\.id).joined(separator: ", "))")
    } catch let error as CloudEventError {
        failures += 1
        print("could not send the batch: \(error)")
    }
    await sender.shutdown()

    if failures > 0 {
        print("\(failures) send(s) failed; is cloudevents-example-receiver running at \(url)?")
        exit(1)
    }
#else
    print("cloudevents-example-sender needs the AsyncHTTPClient and Tracing package traits (on by default).")
#endif
