import CloudEvents

extension CloudEventHeaderScheme {
    /// The MQTT 5 binding: every attribute but `datacontenttype` is a User Property named as
    /// the attribute (no prefix) whose value is its canonical string, UTF-8 as is;
    /// `datacontenttype` is the Content Type property, which the MQTT decoder feeds the header
    /// decoder under this name.
    static let mqtt = CloudEventHeaderScheme(
        prefix: "", valueCoding: .utf8, contentTypeHeader: MQTTEventDecoder.contentTypeField, fieldNoun: "user property"
    )
}
