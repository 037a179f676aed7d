// LoadTestBaseline: the plain Hummingbird server scripts/load-test.sh measures the example
// receiver against. Same Hummingbird version and `ApplicationConfiguration` as
// cloudevents-example-receiver, but its route answers 202 Accepted to any POST at `/` without
// reading the body (Hummingbird drains it) and without decoding anything: the cost of HTTP alone.
//
//     swift run -c release LoadTestBaseline [PORT]      (default 8080)
//
// SIGINT/SIGTERM stop it gracefully.

import Hummingbird
import Logging

let port = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 8080
var logger = Logger(label: "load-test-baseline")
logger.logLevel = Environment().get("LOG_LEVEL").flatMap { Logger.Level(rawValue: $0) } ?? .info

let router = Router()
router.post("/") { _, _ in HTTPResponse.Status.accepted }

let application = Application(
    router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
    logger: logger)
try await application.runService()
