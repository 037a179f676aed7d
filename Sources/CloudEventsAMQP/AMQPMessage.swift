/// An AMQP 1.0 message as the CloudEvents AMQP binding sees it: the `content-type` of the
/// properties section, the application properties in order, and one `data` section.
///
/// It is independent of any client library: a sender copies these fields into its own message
/// type, a receiver builds one from the message it received (see the module's article).
public struct AMQPMessage: Sendable, Hashable {
    /// The part of the AMQP properties section the binding uses.
    ///
    /// Only `content-type` carries anything of the event; the other properties (`message-id`,
    /// `to`, `subject`, `correlation-id`...) are the client's, and this type leaves them to it.
    public struct Properties: Sendable, Hashable {
        /// The `content-type` property: `datacontenttype` in binary mode, the event format's
        /// media type in structured mode; `nil` when absent.
        public var contentType: String?

        /// Creates the properties.
        public init(contentType: String? = nil) {
            self.contentType = contentType
        }
    }

    /// One entry of the application-properties section.
    public struct ApplicationProperty: Sendable, Hashable {
        /// The property's name (AMQP names are case-sensitive).
        public var name: String
        /// The property's typed value.
        public var value: AMQPValue

        /// Creates a property.
        public init(name: String, value: AMQPValue) {
            self.name = name
            self.value = value
        }
    }

    /// The properties section's `content-type`.
    public var properties: Properties
    /// The application properties, in the order they are written. The section is an AMQP map,
    /// so a name appears at most once: the decoder refuses a repeated name.
    public var applicationProperties: [ApplicationProperty]
    /// The bytes of the message's one `data` section; `nil` for a message without one.
    public var body: [UInt8]?

    /// Creates a message.
    public init(
        properties: Properties = Properties(), applicationProperties: [ApplicationProperty] = [], body: [UInt8]? = nil
    ) {
        self.properties = properties
        self.applicationProperties = applicationProperties
        self.body = body
    }

    /// The value of the application property named `name`, if there is one.
    public func applicationProperty(_ name: String) -> AMQPValue? {
        applicationProperties.first { $0.name == name }?.value
    }
}
