// LoadTestBaseline: the plain Hummingbird server scripts/load-test.sh measures the example
// receiver against. Same Hummingbird version and `ApplicationConfiguration` as
// cloudevents-example-receiver. Its route at `/` reads the whole body of a POST, as the receiver
// does, and decodes nothing: the cost of HTTP alone.
//
//     swift run -c release LoadTestBaseline [PORT [RESPONSE_FILE]]      (default 8080)
//
// Without RESPONSE_FILE it answers 202 Accepted with no body: the baseline of a receiver that
// accepts an event without a reply. With it, it answers every request with the response recorded
// in that file (`curl -si` output: status line, header lines, an empty line, the body), so that
// the baseline of a receiver replying with an event writes a response of the same status, header
// fields and body size. `Content-Length`, `Date` and `Server` in the file are left out: Hummingbird
// writes those itself, for the receiver too.
//
// SIGINT/SIGTERM stop it gracefully, and it prints `answered N requests` as it exits.

import Foundation
import Hummingbird
import Logging
import Synchronization

let arguments = CommandLine.arguments.dropFirst()
let port = arguments.first.flatMap { Int($0) } ?? 8080
var logger = Logger(label: "load-test-baseline")
logger.logLevel = Environment().get("LOG_LEVEL").flatMap { Logger.Level(rawValue: $0) } ?? .info
let recorded = try arguments.dropFirst().first.map { try RecordedResponse(contentsOf: $0) }

let answered = Atomic<Int>(0)

let router = Router()
router.post("/") { request, _ -> Response in
    _ = try await request.body.collect(upTo: .max)
    answered.add(1, ordering: .relaxed)
    guard let recorded else { return Response(status: .accepted) }
    return Response(status: recorded.status, headers: recorded.headers, body: ResponseBody(byteBuffer: recorded.body))
}

let application = Application(
    router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
    logger: logger)
try await application.runService()
print("answered \(answered.load(ordering: .relaxed)) requests")
