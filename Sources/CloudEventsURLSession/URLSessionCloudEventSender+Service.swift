#if ServiceLifecycle
    public import ServiceLifecycle

    extension URLSessionCloudEventSender: Service {
        /// Runs as a swift-service-lifecycle `Service`: waits for graceful shutdown, then shuts the
        /// sender down with ``shutdownGracePeriod`` (or at once when the service is cancelled).
        public func run() async throws {
            let cancelled: Bool
            do {
                try await gracefulShutdown()
                cancelled = false
            } catch {
                cancelled = true
            }
            await shutdown(gracePeriod: cancelled ? .zero : shutdownGracePeriod)
        }
    }
#endif
