/// An MQTT PUBLISH message as the CloudEvents MQTT binding sees it: the MQTT 5 Content Type and
/// User Properties, and the payload. MQTT 3.1.1 has only the payload.
///
/// It is independent of any client library: a publisher copies these fields into its own
/// PUBLISH (with the topic, QoS and retain flag it chooses), a subscriber builds one from the
/// message it received (see the module's article).
public struct MQTTMessage: Sendable, Hashable {
    /// One MQTT 5 User Property: a UTF-8 name and value; names may repeat, order is kept.
    public struct UserProperty: Sendable, Hashable {
        /// The property's name.
        public var name: String
        /// The property's value.
        public var value: String

        /// Creates a user property.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The MQTT 5 Content Type property; `nil` when absent (always, in MQTT 3.1.1).
    public var contentType: String?
    /// The MQTT 5 User Properties, in order; empty in MQTT 3.1.1.
    public var userProperties: [UserProperty]
    /// The payload.
    public var payload: [UInt8]

    /// Creates a message.
    public init(contentType: String? = nil, userProperties: [UserProperty] = [], payload: [UInt8] = []) {
        self.contentType = contentType
        self.userProperties = userProperties
        self.payload = payload
    }

    /// The value of the first user property named `name`.
    public func userProperty(_ name: String) -> String? {
        userProperties.first { $0.name == name }?.value
    }
}

/// The MQTT protocol version a message travels in, which decides the modes the binding offers.
public enum MQTTProtocolVersion: Sendable, Hashable {
    /// MQTT 5.0: binary mode (Content Type and User Properties) and structured mode.
    case v5
    /// MQTT 3.1.1: structured mode in the JSON format only, since the message has no properties.
    case v3_1_1
}
