import CloudEventsHTTP
import HTTPTypes
import Testing

@Suite("Webhook abuse protection: the validation handshake (web hook spec section 4)")
struct WebhookValidationTests {
    static func request(
        method: HTTPRequest.Method = .options, _ fields: [(String, String)]
    ) -> HTTPRequest {
        var headerFields = HTTPFields()
        for (name, value) in fields {
            guard let fieldName = HTTPField.Name(name) else {
                Issue.record("bad field name \(name)")
                continue
            }
            headerFields.append(HTTPField(name: fieldName, value: value))
        }
        return HTTPRequest(
            method: method, scheme: "https", authority: "target.example.com", path: "/hook", headerFields: headerFields)
    }

    static let emitter = WebhookValidation(allowedOrigins: ["eventemitter.example.com"])

    @Test("An allowed origin gets 200, Allow: POST and its own name back")
    func allowedOrigin() throws {
        let response = try #require(
            Self.emitter.respond(to: Self.request([("WebHook-Request-Origin", "eventemitter.example.com")])))
        #expect(response.status == .ok)
        #expect(response.headerFields[.allow] == "POST")
        #expect(response.headerFields[.webHookAllowedOrigin] == "eventemitter.example.com")
        #expect(response.headerFields[.webHookAllowedRate] == nil)
    }

    @Test("An origin that is not allowed gets 403 and no permission fields")
    func disallowedOrigin() throws {
        let response = try #require(
            Self.emitter.respond(to: Self.request([("WebHook-Request-Origin", "evil.example.com")])))
        #expect(response.status == .forbidden)
        #expect(response.headerFields[.webHookAllowedOrigin] == nil)
        #expect(response.headerFields[.webHookAllowedRate] == nil)
    }

    @Test("Any origin: WebHook-Allowed-Origin is *")
    func anyOrigin() throws {
        let validation = WebhookValidation(allowedOrigins: .any)
        let response = try #require(
            validation.respond(to: Self.request([("WebHook-Request-Origin", "whoever.example.org")])))
        #expect(response.status == .ok)
        #expect(response.headerFields[.webHookAllowedOrigin] == "*")
        #expect(validation.allowedOrigins.allowsAnyOrigin)
    }

    @Test(
        "Rates: requested capped by allowed, allowed when none requested, requested when no limit set",
        arguments: [
            (allowed: "100", requested: "120", granted: "100"),
            (allowed: "100", requested: "60", granted: "60"),
            (allowed: "100", requested: nil, granted: "100"),
            (allowed: "*", requested: "120", granted: "120"),
            (allowed: "*", requested: nil, granted: "*"),
            (allowed: nil, requested: "120", granted: "120"),
            (allowed: nil, requested: nil, granted: nil),
        ] as [(allowed: String?, requested: String?, granted: String?)])
    func rates(allowed: String?, requested: String?, granted: String?) throws {
        let allowedRate = try allowed.map { try #require(WebhookValidation.Rate(headerValue: $0)) }
        let validation = WebhookValidation(allowedOrigins: .any, allowedRate: allowedRate)
        var fields = [("WebHook-Request-Origin", "a.example.com")]
        if let requested { fields.append(("WebHook-Request-Rate", requested)) }
        let response = try #require(validation.respond(to: Self.request(fields)))
        #expect(response.status == .ok)
        #expect(response.headerFields[.webHookAllowedRate] == granted)
    }

    @Test("A malformed requested rate or origin is a 400", arguments: ["0", "-5", "1.5", "*", "ten", ""])
    func malformedRate(rate: String) throws {
        let validation = WebhookValidation(allowedOrigins: .any, allowedRate: .perMinute(10))
        let response = try #require(
            validation.respond(
                to: Self.request([("WebHook-Request-Origin", "a.example.com"), ("WebHook-Request-Rate", rate)])))
        #expect(response.status == .badRequest)
    }

    @Test("An empty or repeated origin is a 400")
    func malformedOrigin() throws {
        let empty = try #require(Self.emitter.respond(to: Self.request([("WebHook-Request-Origin", "  ")])))
        #expect(empty.status == .badRequest)
        let twice = try #require(
            Self.emitter.respond(
                to: Self.request([
                    ("WebHook-Request-Origin", "eventemitter.example.com"), ("WebHook-Request-Origin", "b.example.com"),
                ])))
        #expect(twice.status == .badRequest)
    }

    @Test("Requests that are not validation requests get nil")
    func notValidation() {
        #expect(
            Self.emitter.respond(
                to: Self.request(method: .post, [("WebHook-Request-Origin", "eventemitter.example.com")])) == nil)
        #expect(Self.emitter.respond(to: Self.request(method: .options, [])) == nil)
        #expect(Self.emitter.respond(to: Self.request(method: .get, [])) == nil)
        #expect(!Self.emitter.isValidationRequest(Self.request(method: .post, [("WebHook-Request-Origin", "x")])))
        #expect(
            Self.emitter.callbackURL(of: Self.request(method: .post, [("WebHook-Request-Callback", "https://x")]))
                == nil)
    }

    @Test("Header names and origins are matched case-insensitively")
    func caseInsensitive() throws {
        let validation = WebhookValidation(allowedOrigins: ["EventEmitter.Example.COM"], allowedRate: .perMinute(50))
        let response = try #require(
            validation.respond(
                to: Self.request([
                    ("webhook-request-origin", "eventemitter.EXAMPLE.com"), ("WEBHOOK-REQUEST-RATE", "80"),
                ])))
        #expect(response.status == .ok)
        #expect(response.headerFields[.webHookAllowedOrigin] == "eventemitter.EXAMPLE.com")
        #expect(response.headerFields[.webHookAllowedRate] == "50")
        #expect(validation.allowedOrigins.allows("EVENTEMITTER.example.com"))
        #expect(!validation.allowedOrigins.allows("eventemitter.example.com.evil"))
    }

    @Test("Callback: the URL is exposed for allowed origins only; granting by callback withholds the fields")
    func callback() throws {
        let url = "https://example.com/confirm?id=12345&key=c2VjcmV0"
        let request = Self.request([
            ("WebHook-Request-Origin", "eventemitter.example.com"), ("WebHook-Request-Callback", url),
        ])
        #expect(Self.emitter.callbackURL(of: request) == url)
        let synchronous = try #require(Self.emitter.respond(to: request))
        #expect(synchronous.headerFields[.webHookAllowedOrigin] == "eventemitter.example.com")

        var byCallback = Self.emitter
        byCallback.grantsByCallback = true
        let deferred = try #require(byCallback.respond(to: request))
        #expect(deferred.status == .ok)
        #expect(deferred.headerFields[.allow] == "POST")
        #expect(deferred.headerFields[.webHookAllowedOrigin] == nil)
        #expect(deferred.headerFields[.webHookAllowedRate] == nil)

        let stranger = Self.request([("WebHook-Request-Origin", "evil.example.com"), ("WebHook-Request-Callback", url)])
        #expect(Self.emitter.callbackURL(of: stranger) == nil)
        #expect(byCallback.respond(to: stranger)?.status == .forbidden)
    }

    @Test("Rate values: parsing and printing")
    func rateValues() {
        #expect(WebhookValidation.Rate(headerValue: "*") == .unlimited)
        #expect(WebhookValidation.Rate(headerValue: " 120 ")?.requestsPerMinute == 120)
        #expect(WebhookValidation.Rate(headerValue: "+5") == nil)
        #expect(WebhookValidation.Rate(headerValue: "99999999999999999999999") == nil)
        #expect(WebhookValidation.Rate(requestsPerMinute: 0) == nil)
        #expect(WebhookValidation.Rate.perMinute(0).headerValue == "1")
        #expect(WebhookValidation.Rate.unlimited.description == "*")
    }
}
