import CloudEvents

/// A valid event with a few extensions, for the tests that are not TCK cases.
func testEvent(_ extensions: [String: CloudEventAttributeValue] = [:]) throws -> CloudEvent {
    var event = try JSONEventFormat().decode(
        #"{"specversion":"1.0","id":"1","source":"/tests","type":"com.example.test","subject":"héllo"}"#)
    for (name, value) in extensions { try event.setAttribute(name, to: value) }
    return event
}
