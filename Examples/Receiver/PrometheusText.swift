#if Metrics
    import Prometheus

    /// What the example receiver's `GET /metrics` serves: every metric of `registry` in the
    /// Prometheus text format, which a Prometheus server scrapes.
    func prometheusText(_ registry: PrometheusCollectorRegistry) -> String {
        var text: [UInt8] = []
        registry.emit(into: &text)
        return String(decoding: text, as: UTF8.self)
    }
#endif
