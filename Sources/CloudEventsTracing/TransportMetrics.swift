import Synchronization

/// The attempts a send took, as its transport reports them through
/// ``TransportObservation/Producer/recordAnswer(status:attempts:)``.
final class SendAttempts: Sendable {
    private let count = Mutex(1)

    var value: Int {
        get { count.withLock { $0 } }
        set { count.withLock { $0 = newValue } }
    }
}

#if Metrics
    import CloudEvents
    import CoreMetrics

    /// The metrics of one send or one processed event, recorded by ``TransportObservation``.
    /// Created only when a metrics backend is active, so that with none nothing is allocated.
    struct TransportMetrics {
        let factory: any MetricsFactory
        let dimensions: [(String, String)]

        /// The metrics of `operation` on `destination` through `metrics`' factory; `nil` when it
        /// is the no-op one.
        init?(
            _ metrics: CloudEventMetrics, operation: String, destination: @autoclosure () -> CloudEventTraceDestination,
            eventType: @autoclosure () -> String?, isClient: Bool
        ) {
            let factory = metrics.factory ?? MetricsSystem.factory
            guard !(factory is NOOPMetricsHandler) else { return nil }
            self.factory = factory
            let destination = destination()
            var dimensions = [
                ("messaging.system", destination.protocolName), ("messaging.operation.name", operation),
                ("messaging.destination.name", destination.name),
            ]
            if isClient, let address = destination.serverAddress { dimensions.append(("server.address", address)) }
            if isClient, let port = destination.serverPort { dimensions.append(("server.port", String(port))) }
            if metrics.recordsEventType, let eventType = eventType() {
                dimensions.append(("cloudevents.event_type", eventType))
            }
            self.dimensions = dimensions
        }

        /// `error.type`: a ``/CloudEvents/CloudEventError``'s code, or the error's type name; a
        /// bounded set either way.
        static func errorType(_ error: any Error) -> String {
            (error as? CloudEventError)?.code.rawValue ?? String(describing: type(of: error))
        }

        func withError(_ error: (any Error)?) -> [(String, String)] {
            guard let error else { return dimensions }
            return dimensions + [("error.type", Self.errorType(error))]
        }

        // MARK: Sending

        func sendStarted() {
            Meter(label: CloudEventMetrics.Name.sendsInFlight, dimensions: dimensions, factory: factory).increment()
        }

        func sendEnded(since start: ContinuousClock.Instant, attempts: Int, error: (any Error)?) {
            let elapsed = ContinuousClock.now - start
            Meter(label: CloudEventMetrics.Name.sendsInFlight, dimensions: dimensions, factory: factory).decrement()
            let outcome = withError(error)
            Counter(label: CloudEventMetrics.Name.sentMessages, dimensions: outcome, factory: factory).increment()
            let timer = Timer(label: CloudEventMetrics.Name.operationDuration, dimensions: outcome, factory: factory)
            timer.recordNanoseconds(elapsed.nanoseconds)
            Recorder(label: CloudEventMetrics.Name.sendRetries, dimensions: dimensions, factory: factory)
                .record(max(attempts - 1, 0))
        }

        // MARK: Receiving

        func processed(since start: ContinuousClock.Instant, error: (any Error)?) {
            let elapsed = ContinuousClock.now - start
            Counter(label: CloudEventMetrics.Name.consumedMessages, dimensions: dimensions, factory: factory)
                .increment()
            let timer = Timer(
                label: CloudEventMetrics.Name.processDuration, dimensions: withError(error), factory: factory)
            timer.recordNanoseconds(elapsed.nanoseconds)
            if let error = error as? CloudEventError { refused(code: error.code) }
        }

        func filtered() {
            Counter(label: CloudEventMetrics.Name.filteredEvents, dimensions: dimensions, factory: factory).increment()
        }

        func refused(code: CloudEventError.Code) {
            Counter(
                label: CloudEventMetrics.Name.refusedEvents,
                dimensions: dimensions + [("cloudevents.error.code", code.rawValue)], factory: factory
            ).increment()
        }
    }

    extension Duration {
        fileprivate var nanoseconds: Int64 {
            let (seconds, attoseconds) = components
            return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        }
    }
#endif
