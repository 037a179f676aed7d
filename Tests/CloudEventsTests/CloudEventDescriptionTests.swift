import Testing

@testable import CloudEvents

@Suite("CloudEvent prints readably")
struct CloudEventDescriptionTests {
    static let event: CloudEvent = {
        var event = CloudEvent(id: "42", source: "/orders", type: "com.example.order.created")
        event[extension: "retrycount"] = .integer(3)
        event.dataContentType = "application/json"
        event.data = .json(#"{"order":"12345"}"#)
        return event
    }()

    @Test("description: the attributes in order, then the data's kind and size")
    func description() {
        #expect(
            "\(Self.event)"
                == "CloudEvent(specversion: 1.0, id: 42, source: /orders, type: com.example.order.created, "
                + "datacontenttype: application/json, retrycount: 3, data: json, 17 bytes)")
        #expect(!"\(Self.event)".contains("storage"))
    }

    @Test("debugDescription: every attribute with its type, then the data as text")
    func debugDescription() {
        let text = String(reflecting: Self.event)
        #expect(text.hasPrefix("CloudEvent {\n  specversion: 1.0 (String)\n  id: 42 (String)\n"), "\(text)")
        #expect(text.contains("  source: /orders (URI-reference)\n"))
        #expect(text.contains("  retrycount: 3 (Integer)\n"))
        #expect(text.hasSuffix("  data: json {\"order\":\"12345\"}\n}"), "\(text)")
        var binary = CloudEvent(id: "1", source: "/s", type: "t")
        binary.data = .binary([1, 2, 3])
        #expect(String(reflecting: binary).contains("  data: binary, 3 bytes\n"))
        var long = binary
        long.data = .text(String(repeating: "x", count: 300))
        #expect(String(reflecting: long).contains("… (300 bytes)"))
    }
}
