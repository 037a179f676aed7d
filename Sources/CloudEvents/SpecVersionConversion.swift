/// Conversion between spec versions 1.0 and 0.3.
extension CloudEvent {
    /// This event as `version`, losing nothing or failing.
    ///
    /// 1.0 → 0.3: `dataschema` becomes `schemaurl`; binary data is what 0.3 calls
    /// `datacontentencoding: base64`. 0.3 → 1.0: `schemaurl` becomes `dataschema`, which 1.0
    /// requires to be an absolute URI.
    ///
    /// - Throws: ``CloudEventError`` with ``CloudEventError/Code/conversionNotPossible`` when a
    ///   relative `schemaurl` cannot become a 1.0 `dataschema`, or when an extension's name is a
    ///   core attribute of the target version (`dataschema` in 0.3; `schemaurl` or
    ///   `datacontentencoding` in 1.0).
    public func converted(to version: CloudEventSpecVersion) throws -> CloudEvent {
        guard version != specVersion else { return self }
        var errors: [CloudEventError] = []
        for name in extensionNames where version.coreAttributes.contains(where: { $0.name == name }) {
            errors.append(
                CloudEventError(
                    .conversionNotPossible, attribute: name,
                    message: "extension \(name) is a core attribute in \(version); rename it before converting"))
        }
        if version == .v1_0, let schema = storage.dataSchema {
            if let failure = storage.withBytes(schema, { AttributeRules.checkURI($0, absolute: true, attribute: "schemaurl") }) {
                errors.append(
                    CloudEventError(
                        .conversionNotPossible, attribute: "schemaurl",
                        message: "schemaurl \(dataSchema ?? "") cannot become a 1.0 dataschema, which must be an"
                            + " absolute URI: \(failure.message)"))
            }
        }
        if errors.count == 1 { throw errors[0] }
        if !errors.isEmpty {
            throw CloudEventError(
                .conversionNotPossible, message: "\(errors.count) attributes cannot be converted", violations: errors)
        }
        var copy = self
        copy.specVersion = version
        return copy
    }
}
