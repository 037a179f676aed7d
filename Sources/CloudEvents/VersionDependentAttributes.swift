/// The attributes whose meaning depends on the spec version, which a decoder may read before it
/// knows the version (a JSON member or a header can come before `specversion`).
///
/// In 1.0 the data schema is `dataschema`, and `schemaurl` and `datacontentencoding` are plain
/// extensions; in 0.3 it is `schemaurl`, `dataschema` is a plain extension and
/// `datacontentencoding` says how the data is encoded. Every decoder maps them here, once.
struct VersionDependentAttributes {
    /// The value of `dataschema`, if any.
    var dataSchema: TextRange?
    /// The value of `schemaurl`, if any.
    var schemaURL: TextRange?
    /// The value of `datacontentencoding`, if any.
    var dataContentEncoding: TextRange?

    /// The data schema attribute of an event of `version`.
    func dataSchema(in version: CloudEventSpecVersion) -> TextRange? {
        version == .v1_0 ? dataSchema : schemaURL
    }

    /// Calls `body` with each of these attributes that is a plain String extension in `version`.
    func forEachExtension(in version: CloudEventSpecVersion, _ body: (String, TextRange) -> Void) {
        switch version {
        case .v1_0:
            if let schemaURL { body("schemaurl", schemaURL) }
            if let dataContentEncoding { body("datacontentencoding", dataContentEncoding) }
        case .v0_3:
            if let dataSchema { body("dataschema", dataSchema) }
        }
    }

    /// The `datacontentencoding` that applies to the data of an event of `version`: only 0.3
    /// has one.
    func dataEncoding(in version: CloudEventSpecVersion) -> TextRange? {
        version == .v0_3 ? dataContentEncoding : nil
    }
}

/// The attributes every event must have, whatever its version: `id`, `source` and `type`.
enum RequiredAttributes {
    /// The names of the required attributes a decoder did not find, in the order `id`,
    /// `source`, `type`; empty (without allocating) when all three were there.
    static func missing(id: Bool, source: Bool, type: Bool) -> [String] {
        if id && source && type { return [] }
        var names: [String] = []
        if !id { names.append("id") }
        if !source { names.append("source") }
        if !type { names.append("type") }
        return names
    }
}
