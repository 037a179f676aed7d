#if Hummingbird || AsyncHTTPClient
    import Logging

    /// A logger that writes warnings and worse to standard error: standard output carries only a
    /// command's results (event lines, report lines), and standard error only the tool's own
    /// diagnostics, not the servers' and clients' `info` chatter ("Server started and listening...").
    func standardErrorLogger(label: String, level: Logger.Level = .warning) -> Logger {
        var logger = Logger(label: label, factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = level
        return logger
    }
#endif
