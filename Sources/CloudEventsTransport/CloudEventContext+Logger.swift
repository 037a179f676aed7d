public import CloudEvents
public import Logging

extension CloudEventContext {
    /// The logger of the request or message that carried the event: a server adapter passes its
    /// framework's request logger (with the request's metadata), a consumer its own. A context
    /// from a transport that passes none logs nowhere.
    public var logger: Logger {
        get { self[LoggerKey.self] ?? Self.silentLogger }
        set { self[LoggerKey.self] = newValue }
    }

    private enum LoggerKey: CloudEventContextKey {
        typealias Value = Logger
    }

    /// A logger that discards everything.
    static let silentLogger = Logger(label: "cloudevents", factory: { _ in SwiftLogNoOpLogHandler() })
}
