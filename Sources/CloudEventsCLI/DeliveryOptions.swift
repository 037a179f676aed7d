#if AsyncHTTPClient
    import ArgumentParser
    import CloudEvents
    import CloudEventsAsyncHTTPClient

    /// The exit statuses of the commands that send: `send` and `conformance send`.
    enum SendExitStatus {
        /// The receiver answered `2xx`.
        static let delivered = ExitCode.success
        /// The receiver answered, with a status other than `2xx`.
        static let rejected = ExitCode(1)
        /// No answer: the receiver could not be reached, did not answer before the deadline, or the
        /// transport failed.
        static let notDelivered = ExitCode(2)
        /// Nothing was sent: the event could not be read, or is not a valid CloudEvent, or does not fit
        /// the mode (a header budget). `EX_DATAERR` of sysexits.h.
        static let invalidInput = ExitCode(65)
    }

    /// How long a send may take and how often it is tried: `--timeout`, `--max-attempts`.
    struct DeliveryOptions: ParsableArguments {
        @Option(
            help: ArgumentHelp(
                "The longest a send may take, every attempt and wait included, in seconds.", valueName: "SECONDS"))
        var timeout: Double = 10

        @Option(
            help: ArgumentHelp(
                """
                How many times to try a send, the first included (the library's default). Only a connection \
                failure and the statuses 408, 429, 502, 503 and 504 are tried again (with jittered back-off \
                from 100 ms, or the receiver's Retry-After); 1 never retries.
                """, valueName: "N"))
        var maxAttempts: Int = RetryPolicy().maximumAttempts

        func validate() throws {
            guard timeout.isFinite, timeout > 0, timeout <= 86_400 else {
                throw ValidationError("--timeout must be a number of seconds above 0 and at most 86400")
            }
            guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1") }
        }

        /// The sender configuration for `mode`, with these options and `headerFields` on every request.
        func configuration(
            mode: HTTPContentMode, headerBudget: HTTPHeaderBudget = HTTPHeaderBudget(), headerFields: HTTPFields = [:]
        ) -> HTTPSenderConfiguration {
            HTTPSenderConfiguration(
                mode: mode == .batch ? .binary : mode, headerBudget: headerBudget,
                timeout: .milliseconds(Int64((timeout * 1000).rounded())),
                retryPolicy: RetryPolicy(maximumAttempts: maxAttempts), headerFields: headerFields)
        }
    }

    /// What a failed send means for the exit status, and how it reads on standard error.
    enum SendFailure {
        /// The exit status for `error`, thrown by a sender.
        static func exitStatus(for error: CloudEventError) -> ExitCode {
            if let status = error.status, (200..<300).contains(status) { return SendExitStatus.delivered }
            switch error.code {
            case .rejectedByPeer: return SendExitStatus.rejected
            case .connectionFailed, .deadlineExceeded, .transportFailed, .shutDown: return SendExitStatus.notDelivered
            default: return SendExitStatus.invalidInput
            }
        }

        /// The diagnostic: the code, the HTTP status when the receiver answered, the reason, and the
        /// beginning of the answer's body: `rejected_by_peer (HTTP 400): http://… answered 400: {…} (1 attempt)`.
        static func describe(_ error: CloudEventError) -> String {
            var text = error.code.rawValue
            if let status = error.status { text += " (HTTP \(status))" }
            guard error.violations.isEmpty else {
                text += ": the event breaks \(error.violations.count) rule" + (error.violations.count == 1 ? "" : "s")
                for violation in error.violations {
                    text += "\n  - " + (violation.attribute.map { "\($0): " } ?? "") + violation.message
                }
                return text
            }
            text += ": " + error.message
            if let snippet = error.responseSnippet, !error.message.contains(snippet) {
                text += "; response body: " + snippet
            }
            return text
        }

        /// Any error from a send as a ``CloudEvents/CloudEventError``.
        static func asCloudEventError(_ error: any Error) -> CloudEventError {
            (error as? CloudEventError) ?? CloudEventError(.transportFailed, message: "\(error)")
        }
    }

    /// Checks that a URL is `http://` or `https://` with a host, before anything is sent.
    func validateTargetURL(_ url: String) throws {
        let lowercased = url.lowercased()
        let rest: Substring
        if lowercased.hasPrefix("http://") {
            rest = url.dropFirst("http://".count)
        } else if lowercased.hasPrefix("https://") {
            rest = url.dropFirst("https://".count)
        } else {
            throw ValidationError("the URL must start with http:// or https://, got '\(url)'")
        }
        guard let first = rest.first, first != "/" else { throw ValidationError("the URL '\(url)' has no host") }
    }
#endif
