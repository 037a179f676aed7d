#if AsyncHTTPClient
    import ArgumentParser
    import AsyncHTTPClient
    import CloudEvents
    import CloudEventsAsyncHTTPClient
    import CloudEventsConformance

    /// `cloudevents conformance send URL [--dir DIR]`: every case to another implementation's receiver.
    struct ConformanceSendCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send",
            abstract: "Send every conformance case to an HTTP receiver.",
            discussion: """
                Takes the YAML conformance cases built into the tool, or with --dir those under DIR \
                (searched recursively, as 'conformance check' does), and POSTs each to URL in each mode it names (binary and structured when it names none), \
                one request at a time, with the case's TransportExtensions as extra header fields. Binary \
                mode has no header budget here: the receiver's limits are what is being tested.

                Output, on standard output: one line per case and mode, then a summary line.

                  PASS yaml/v1.0/v1_minimum.yaml#0 (Minimum plain/text) [binary]
                  FAIL NAME [MODE]: CODE (HTTP STATUS): REASON
                  N passed, M failed

                Exit status: 0 when the receiver answered 2xx to every request; 1 when any request failed \
                (another status, no answer, or a case this SDK cannot build), when DIR holds no case, or \
                when a file cannot be read or parsed.
                """
        )

        @Argument(help: "Where to POST the cases, e.g. http://127.0.0.1:8080/.")
        var url: String

        @Option(
            help: ArgumentHelp(
                "A directory of conformance cases to send instead of the built-in ones, e.g. conformance/yaml.",
                valueName: "DIR"))
        var dir: String?

        @OptionGroup(title: "Delivery")
        var delivery: DeliveryOptions

        func validate() throws {
            try validateTargetURL(url)
        }

        func run() async throws {
            let material = ConformanceMaterial(directory: dir)
            let cases: [ConformanceCase]
            do {
                cases = try ConformanceCase.load(material)
            } catch {
                reportError("conformance send", "\(error)")
                throw ExitCode.failure
            }
            guard !cases.isEmpty else {
                StandardStream.output.writeLine("0 passed, 0 failed")
                reportError("conformance send", "no conformance cases (*.yaml) in \(material)")
                throw ExitCode.failure
            }
            let client = HTTPClient(configuration: AsyncHTTPClientCloudEventSender.makeHTTPClientConfiguration())
            var passed = 0
            var failed = 0
            for conformanceCase in cases {
                for mode in conformanceCase.modes {
                    let label = "\(conformanceCase.name) [\(mode)]"
                    if let problem = await send(conformanceCase, mode: mode, client: client) {
                        failed += 1
                        StandardStream.output.writeLine("FAIL \(label): \(problem)")
                    } else {
                        passed += 1
                        StandardStream.output.writeLine("PASS \(label)")
                    }
                }
            }
            do {
                try await client.shutdown()
            } catch {
                reportError("conformance send", "shutting down the HTTP client: \(error)")
            }
            StandardStream.output.writeLine("\(passed) passed, \(failed) failed")
            if failed > 0 { throw ExitCode.failure }
        }

        /// Sends one case in one mode; returns why it failed, or `nil` when the receiver answered 2xx.
        private func send(_ conformanceCase: ConformanceCase, mode: HTTPContentMode, client: HTTPClient) async
            -> String?
        {
            let event: CloudEvent
            do {
                event = try conformanceCase.event()
            } catch {
                return "cannot build the event: " + singleLine("\(error)")
            }
            var headerFields = HTTPFields()
            for (name, value) in conformanceCase.transportExtensions.sorted(by: { $0.key < $1.key }) {
                guard let fieldName = HTTPField.Name(name) else {
                    return "transport extension \(name) is not a valid header field name"
                }
                headerFields.append(HTTPField(name: fieldName, value: value.trimmingWhitespace()))
            }
            let sender = AsyncHTTPClientCloudEventSender(
                url: url, client: client,
                configuration: delivery.configuration(mode: mode, headerBudget: .unlimited, headerFields: headerFields),
                shutdownGracePeriod: .zero)
            var problem: String?
            do {
                _ = try await sender.send(event)
            } catch {
                let failure = SendFailure.asCloudEventError(error)
                if SendFailure.exitStatus(for: failure) != SendExitStatus.delivered {
                    problem = singleLine(SendFailure.describe(failure))
                }
            }
            await sender.shutdown()
            return problem
        }
    }

    extension String {
        /// The string without white space at either end, as the upstream conformance tool sends values.
        fileprivate func trimmingWhitespace() -> String {
            guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
            else { return "" }
            return String(self[first...last])
        }
    }
#endif
