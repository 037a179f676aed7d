public import HTTPTypes

extension HTTPField.Name {
    /// `ce-specversion`.
    public static let ceSpecVersion = literal("ce-specversion")
    /// `ce-id`.
    public static let ceID = literal("ce-id")
    /// `ce-source`.
    public static let ceSource = literal("ce-source")
    /// `ce-type`.
    public static let ceType = literal("ce-type")
    /// `ce-subject`.
    public static let ceSubject = literal("ce-subject")
    /// `ce-time`.
    public static let ceTime = literal("ce-time")
    /// `ce-dataschema`.
    public static let ceDataSchema = literal("ce-dataschema")
    /// `ce-schemaurl` (spec 0.3).
    public static let ceSchemaURL = literal("ce-schemaurl")
    /// `ce-datacontentencoding` (spec 0.3).
    public static let ceDataContentEncoding = literal("ce-datacontentencoding")
    /// `WebHook-Request-Origin` (CloudEvents webhook abuse protection).
    public static let webHookRequestOrigin = literal("WebHook-Request-Origin")
    /// `WebHook-Request-Callback`.
    public static let webHookRequestCallback = literal("WebHook-Request-Callback")
    /// `WebHook-Request-Rate`.
    public static let webHookRequestRate = literal("WebHook-Request-Rate")
    /// `WebHook-Allowed-Origin`.
    public static let webHookAllowedOrigin = literal("WebHook-Allowed-Origin")
    /// `WebHook-Allowed-Rate`.
    public static let webHookAllowedRate = literal("WebHook-Allowed-Rate")

    /// A name spelled in this file. Every literal here is a valid token (a test checks each): an
    /// invalid one is a programming error that stops at once, never another header's name.
    private static func literal(_ name: String) -> HTTPField.Name {
        guard let field = HTTPField.Name(name) else {
            preconditionFailure("\(name) is not a valid HTTP field name")
        }
        return field
    }
}
