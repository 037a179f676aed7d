import CoreTestSupport
import Testing

@testable import CloudEvents

@Suite("Validation: every rule, every violation at once")
struct ValidationTests {
    func valid() -> CloudEvent {
        CloudEvent(id: "1", source: "/s", type: "t")
    }

    func violations(_ change: (inout CloudEvent) -> Void) -> [CloudEventError] {
        var event = valid()
        change(&event)
        return event.validationErrors
    }

    @Test("a minimal event is valid")
    func minimal() throws {
        try valid().validate()
    }

    @Test("required attributes must be non-empty")
    func requiredNonEmpty() {
        for (name, change) in [("id", { (e: inout CloudEvent) in e.id = "" }), ("source", { $0.source = "" }),
            ("type", { $0.type = "" })] as [(String, (inout CloudEvent) -> Void)]
        {
            let found = violations(change)
            #expect(found.count == 1)
            #expect(found.first?.attribute == name)
            #expect(found.first?.code == .emptyAttribute)
        }
        #expect(violations { $0.subject = "" }.first?.attribute == "subject")
    }

    @Test("every violation is reported at once, each naming its attribute")
    func allAtOnce() {
        var event = valid()
        event.id = ""
        event.source = "http://bad host/"
        event.dataSchema = "relative/path"
        event.dataContentType = "not a media type"
        event[extension: "Bad"] = .string("x")
        event[extension: "ctl"] = .string("a\u{7}b")
        let error = cloudEventError { try event.validate() }
        #expect(error?.code == .invalidEvent)
        let attributes = Set(error?.violations.compactMap(\.attribute) ?? [])
        #expect(attributes == ["id", "source", "dataschema", "datacontenttype", "Bad", "ctl"])
        #expect(error?.description.contains("dataschema") == true)
    }

    @Test("attribute names are [a-z0-9]+", arguments: ["Upper", "with-dash", "with_underscore", "", "ünï", "a b"])
    func badNames(name: String) {
        let found = violations { $0[extension: name] = .integer(1) }
        #expect(found.map(\.code) == [.invalidAttributeName])
    }

    @Test("extension names may not collide with core attributes or data", arguments: [
        "id", "source", "specversion", "type", "datacontenttype", "dataschema", "subject", "time", "data",
    ])
    func reservedNames(name: String) {
        var event = valid()
        event.storage.extensions.append(
            ExtensionSlot(name: event.storage.append(name), value: .bytes(.string, event.storage.append("x"))))
        #expect(event.validationErrors.map(\.code) == [.invalidAttributeName])
    }

    @Test("0.3 reserves schemaurl and datacontentencoding; 1.0 does not")
    func versionSpecificNames() {
        var event = valid()
        event[extension: "schemaurl"] = .string("x")
        #expect(event.validationErrors.isEmpty)
        event.specVersion = .v0_3
        #expect(event.validationErrors.map(\.attribute) == ["schemaurl"])
    }

    @Test("names over 20 characters or starting with a digit are warnings, not errors")
    func nameWarnings() {
        var event = valid()
        event[extension: "abcdefghijklmnopqrstuvwxyz"] = .integer(1)
        event[extension: "1abc"] = .integer(1)
        #expect(event.validationErrors.isEmpty)
        #expect(event.validationWarnings.count == 2)
    }

    @Test("String values may not hold forbidden characters", arguments: [
        0x0, 0x1F, 0x7F, 0x80, 0x9F, 0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF,
    ] as [UInt32])
    func forbiddenCharacters(codePoint: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(codePoint))
        let character = String(Character(scalar))
        for change in [{ (e: inout CloudEvent) in e.id = "a" + character }, { $0.type = character },
            { $0.subject = character }, { $0[extension: "ext"] = .string(character) }] as [(inout CloudEvent) -> Void]
        {
            let found = violations(change)
            #expect(found.map(\.code) == [.forbiddenCharacter])
        }
    }

    @Test("allowed characters around the forbidden ranges pass", arguments: [
        0x20, 0x7E, 0xA0, 0xFDCF, 0xFDF0, 0xFFFD, 0x1F30E, 0x10FFFD,
    ] as [UInt32])
    func allowedCharacters(codePoint: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(codePoint))
        #expect(violations { $0.id = String(Character(scalar)) }.isEmpty)
    }

    @Test("source is a URI-reference; dataschema an absolute URI (1.0) or URI-reference (0.3)")
    func uriRules() {
        #expect(violations { $0.source = "https://github.com/cloudevents" }.isEmpty)
        #expect(violations { $0.source = "mailto:cncf-wg-serverless@lists.cncf.io" }.isEmpty)
        #expect(violations { $0.source = "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66" }.isEmpty)
        #expect(violations { $0.source = "1-555-123-4567" }.isEmpty)
        #expect(violations { $0.source = "/with space" }.map(\.attribute) == ["source"])
        #expect(violations { $0.dataSchema = "https://example.com/s.json#/x" }.isEmpty)
        #expect(violations { $0.dataSchema = "/relative" }.map(\.attribute) == ["dataschema"])
        #expect(violations { $0.dataSchema = "" }.map(\.code) == [.emptyAttribute])
        #expect(violations {
            $0.specVersion = .v0_3
            $0.dataSchema = "/relative"
        }.isEmpty)
        #expect(violations { $0[extension: "link"] = .uri("relative") }.map(\.attribute) == ["link"])
        #expect(violations { $0[extension: "link"] = .uriReference("a b") }.map(\.attribute) == ["link"])
    }

    @Test("datacontenttype is a media type", arguments: [
        ("application/json", true), ("text/plain; charset=utf-8", true), ("TEXT/Plain; CharSet=\"utf-8\"", true),
        ("application/vnd.apache.thrift.binary", true), ("text", false), ("text/", false), ("/plain", false),
        ("text/plain; charset", false), ("text/pl ain", false),
    ])
    func mediaTypes(text: String, isValid: Bool) {
        #expect(violations { $0.dataContentType = text }.isEmpty == isValid)
    }

    @Test("data kind must agree with datacontenttype")
    func dataKindAgreement() {
        #expect(violations { $0.data = .json("{}") }.isEmpty)
        #expect(violations {
            $0.dataContentType = "text/plain"
            $0.data = .json("{}")
        }.map(\.code) == [.invalidData])
        #expect(violations { $0.data = .text("hello") }.map(\.code) == [.invalidData])
        #expect(violations {
            $0.dataContentType = "text/plain"
            $0.data = .text("hello")
        }.isEmpty)
        #expect(violations { $0.data = .binary([1, 2]) }.isEmpty)
    }

    @Test("unknown spec versions are a typed error that says what was seen")
    func unknownVersion() {
        let error = cloudEventError { try CloudEventSpecVersion(parsing: "1.1") }
        #expect(error?.code == .unknownSpecVersion)
        #expect(error?.attribute == "specversion")
        #expect(error?.message.contains("1.1") == true)
    }
}

@Suite("Spec version conversion: lossless or explicit")
struct SpecVersionConversionTests {
    @Test("dataschema becomes schemaurl and back")
    func schemaRoundTrip() throws {
        let event = CloudEvent(id: "1", source: "/s", type: "t", dataSchema: "https://example.com/s")
        let old = try event.converted(to: .v0_3)
        #expect(old.specVersion == .v0_3)
        #expect(old.attribute("schemaurl") == .uriReference("https://example.com/s"))
        #expect(old.attribute("dataschema") == nil)
        #expect(try old.converted(to: .v1_0) == event)
    }

    @Test("binary data is 0.3's datacontentencoding base64")
    func binaryData() throws {
        let event = CloudEvent(id: "1", source: "/s", type: "t", data: .binary([1, 2, 3]))
        let old = try event.converted(to: .v0_3)
        #expect(old.attribute("datacontentencoding") == .string("base64"))
        #expect(old.data == event.data)
    }

    @Test("a relative schemaurl cannot become a 1.0 dataschema")
    func relativeSchema() {
        let event = CloudEvent(specVersion: .v0_3, id: "1", source: "/s", type: "t", dataSchema: "/schemas/1")
        let error = cloudEventError { try event.converted(to: .v1_0) }
        #expect(error?.code == .conversionNotPossible)
        #expect(error?.attribute == "schemaurl")
    }

    @Test("an extension that is a core attribute of the target version fails")
    func collidingExtension() {
        let event = CloudEvent(id: "1", source: "/s", type: "t", extensions: ["schemaurl": .string("x")])
        let error = cloudEventError { try event.converted(to: .v0_3) }
        #expect(error?.code == .conversionNotPossible)
        #expect(error?.attribute == "schemaurl")
    }
}
