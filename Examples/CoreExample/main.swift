// Creates, validates, encodes and decodes one event with the core module only.
// Run it with: swift run CoreExample
import CloudEvents

let format = JSONEventFormat()

var event = CloudEvent(
    id: "order-12345-created",
    source: "/orders/eu-west-1",
    type: "com.example.order.created",
    subject: "order-12345",
    time: try Timestamp(parsing: "2024-05-20T14:23:18.123456789+08:00"),
    dataContentType: "application/json",
    data: .json(#"{"order":"12345","total":1234.5678901234567}"#)
)
event[extension: "retrycount"] = .integer(3)
event[extension: "critical"] = .boolean(true)

try event.validate()
let bytes = try format.encode(event)
print("encoded:", String(decoding: bytes, as: UTF8.self))

let decoded = try format.decode(bytes)
print("decoded equals original:", decoded == event)
print("time kept exactly:", decoded.time?.rfc3339 ?? "none")
print("retrycount type:", decoded[extension: "retrycount"]?.type.rawValue ?? "none")

var broken = event
broken.source = ""
broken[extension: "Bad-Name"] = .string("x")
do {
    try broken.validate()
} catch let error as CloudEventError {
    print("validation found \(error.violations.count) problems:")
    for violation in error.violations {
        print("  \(violation.attribute ?? "-"): \(violation.message)")
    }
}
