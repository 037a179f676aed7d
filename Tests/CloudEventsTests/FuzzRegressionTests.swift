import Testing

@testable import CloudEvents

/// Inputs for the JSON format found with the libFuzzer targets in Fuzz/ (scripts/fuzz.sh), kept
/// byte for byte, each with the invariant it broke.
@Suite("Fuzz regressions: JSON event format")
struct JSONFormatFuzzRegressionTests {
    let format = JSONEventFormat()

    /// FuzzJSONEvent's batch invariant (`decodeBatch(encodeBatch([e])) == [e]`): an event whose
    /// JSON data is nested 63 levels deep, the most a single event may have (the object is level
    /// 1). In a batch the event is level 2, so its data is one level too deep; but the encoder
    /// embeds data the decoder already checked (`isCheckedJSON`) without checking it again, and
    /// checks unchecked data as a single event's, so encodeBatch wrote a batch that decodeBatch,
    /// with the same limits, refuses ("nesting deeper than the limit of 64").
    static let dataAtTheDepthLimit: [UInt8] = Array(
        (#"{"specversion":"1.0","id":"1","source":"/s","type":"t","data":"#
            + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
            + "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]" + "}").utf8)

    @Test("encodeBatch refuses what decodeBatch would refuse: data nested too deep for a batch")
    func batchOfAnEventAtTheDepthLimit() throws {
        let event = try format.decode(Self.dataAtTheDepthLimit)
        #expect(try format.decode(format.encode(event)) == event)
        for candidate in [
            event, CloudEvent(id: "1", source: "/s", type: "t", data: event.data.map { .json(bytes: $0.bytes) }),
        ] {
            let batch: [UInt8]
            do {
                batch = try format.encodeBatch([candidate])
            } catch let error as CloudEventError {
                // The fix that keeps the limits as they are: the encoder refuses, naming the data.
                #expect(error.index == 0)
                #expect(error.attribute == "data")
                continue
            }
            #expect(try format.decodeBatch(batch) == [candidate])
        }
    }
}
