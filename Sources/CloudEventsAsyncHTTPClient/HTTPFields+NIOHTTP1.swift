#if AsyncHTTPClient
    package import HTTPTypes
    package import NIOHTTP1

    extension HTTPFields {
        /// The same fields as NIO's `HTTPHeaders` (AsyncHTTPClient's and Vapor's), skipping any
        /// whose name is not a valid field name.
        package init(_ headers: HTTPHeaders) {
            self.init()
            for (name, value) in headers {
                if let fieldName = HTTPField.Name(name) { append(HTTPField(name: fieldName, value: value)) }
            }
        }
    }

    extension HTTPHeaders {
        /// The same fields as NIO's `HTTPHeaders`, for a request or response of AsyncHTTPClient or Vapor.
        package init(_ fields: HTTPFields) {
            self.init()
            for field in fields { add(name: field.name.rawName, value: field.value) }
        }
    }
#endif
