import CoreTestSupport
import Testing

@testable import CloudEvents

@Suite("JSON event format: lossless round trips")
struct JSONFormatRoundTripTests {
    let format = JSONEventFormat()

    @Test("the reference medium event re-encodes byte for byte")
    func mediumEventIsByteExact() throws {
        let bytes = try TestMaterial.mediumEvent()
        let trimmed = Array(bytes.reversed().drop(while: { $0 == 0x0A }).reversed())
        let event = try format.decode(trimmed)
        #expect(event.id == "0f9c2e7a-5b1d-4c3e-9a8f-2d6e4b1c7a90")
        #expect(event.time?.rfc3339 == "2024-05-20T14:23:18.123456789+08:00")
        #expect(event[extension: "retrycount"] == .integer(3))
        #expect(event[extension: "critical"] == .boolean(true))
        #expect(event[extension: "traceparent"] == .string("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        #expect(event.data?.kind == .json)
        #expect(try format.encode(event) == trimmed)
    }

    @Test(
        "JSON data survives byte for byte",
        arguments: [
            #"12345678901234567890"#, #"1.10"#, #"1E+2"#, #"{"b":1,"a":2,"b":3}"#, #"[1.0, -0.0, 1e-7]"#,
            #""text with \u00e9 and \n""#, "null", "true", #"{"deep":[[[{"x":"\ud83c\udf0e"}]]]}"#,
        ])
    func jsonDataIsKeptExactly(data: String) throws {
        let document = #"{"specversion":"1.0","id":"1","source":"/s","type":"t","data":"# + data + "}"
        let event = try format.decode(document)
        #expect(event.data?.kind == .json)
        #expect(event.data?.text == data)
        #expect(try format.encode(event).text == document)
    }

    @Test("an absent time stays absent and nothing is invented")
    func inventsNothing() throws {
        let event = try format.decode(#"{"specversion":"1.0","id":"1","source":"/s","type":"t"}"#)
        #expect(event.time == nil)
        #expect(event.data == nil)
        #expect(event.dataContentType == nil)
        #expect(event.extensions.isEmpty)
    }
}
